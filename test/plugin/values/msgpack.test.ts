import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import { BigNumber } from "../../../src/plugin/values/numbers.js";
import type { CtyType } from "../../../src/plugin/values/types.js";
import {
  Dynamic,
  UNKNOWN,
  Unknown,
  valuesEqual,
  type Value,
} from "../../../src/plugin/values/value.js";

const roundTrip = (value: Value, type: CtyType) => decodeMsgpack(encodeMsgpack(value, type), type);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("cty values over msgpack", () => {
  const cases: [string, CtyType, Value][] = [
    ["string", "string", "héllo ✓"],
    ["long string", "string", "x".repeat(70_000)],
    ["small integer", "number", 42],
    ["negative integer", "number", -7_000_000_000],
    ["exact fraction", "number", 0.5],
    ["decimal fraction", "number", 0.1],
    ["bool", "bool", true],
    ["list", ["list", "string"], ["a", "b"]],
    ["empty list", ["list", "number"], []],
    ["set", ["set", "number"], [1, 2, 3]],
    ["map", ["map", "bool"], { a: true, b: false }],
    ["tuple", ["tuple", ["string", "number"]], ["x", 1]],
    ["object", ["object", { a: "string", b: ["list", "number"] }], { a: "x", b: [1, 2] }],
    ["object with optional attribute", ["object", { a: "string" }, ["a"]], { a: null }],
    ["dynamic", "dynamic", new Dynamic(["list", "string"], ["p", "q"])],
    ["many elements", ["list", "number"], Array.from({ length: 20 }, (_, i) => i * 1000)],
  ];
  it.each(cases)("round-trips a %s", (_name, type, value) => {
    expect(valuesEqual(type, roundTrip(value, type), value)).toBe(true);
  });

  it("round-trips null of every type", () => {
    for (const [, type] of cases) expect(roundTrip(null, type)).toBeNull();
  });

  it("encodes unknown as extension 0 and decodes it back", () => {
    expect(hex(encodeMsgpack(UNKNOWN, "string"))).toBe("d40000");
    expect(roundTrip(UNKNOWN, ["list", "string"])).toBeInstanceOf(Unknown);
  });

  it("keeps a refined unknown byte-for-byte", () => {
    // ext 12 with payload {1: true, 2: "ab"} (not null, string prefix "ab")
    const payload = Uint8Array.from([0x82, 0x01, 0xc3, 0x02, 0xa2, 0x61, 0x62]);
    const wire = Uint8Array.from([0xc7, payload.length, 12, ...payload]);
    const decoded = decodeMsgpack(wire, "string");
    expect(decoded).toBeInstanceOf(Unknown);
    expect(hex(encodeMsgpack(decoded, "string"))).toBe(hex(wire));
  });

  it("treats any other extension as unknown", () => {
    expect(decodeMsgpack(Uint8Array.from([0xd4, 0x05, 0x00]), "number")).toBeInstanceOf(Unknown);
  });

  it("keeps numbers beyond float64 precision as decimal text", () => {
    const big = new BigNumber("123456789012345678901234567890.000000000000000001");
    const decoded = roundTrip(big, "number");
    expect(decoded).toBeInstanceOf(BigNumber);
    expect((decoded as BigNumber).text).toBe("123456789012345678901234567890.000000000000000001");
  });

  it("reads a decimal string that Terraform sends for a huge number", () => {
    const wire = encodeMsgpack("98765432109876543210987654321", "string");
    expect(String(decodeMsgpack(wire, "number"))).toBe("98765432109876543210987654321");
  });

  it("keeps int64 values above 2^53 exact", () => {
    const wire = Uint8Array.from([0xcf, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01]); // 2^53 + 1
    const decoded = decodeMsgpack(wire, "number");
    expect(String(decoded)).toBe("9007199254740993");
    expect(hex(encodeMsgpack(decoded, "number"))).toBe("cf0020000000000001");
    expect(
      String(decodeMsgpack(encodeMsgpack(new BigNumber("-9007199254740993"), "number"), "number")),
    ).toBe("-9007199254740993");
  });

  it("sends 0.1 as its decimal text, so it equals the configured 0.1", () => {
    expect(decodeMsgpack(encodeMsgpack(0.1, "number"), "string")).toBe("0.1");
    expect(hex(encodeMsgpack(0.5, "number"))).toBe("cb3fe0000000000000");
  });

  it("keeps every digit of a float64 whose printed form is not exact", () => {
    const wire = Buffer.from("cb3fb999999999999a", "hex"); // the float64 nearest 0.1
    const decoded = decodeMsgpack(wire, "number");
    expect(decoded).toBeInstanceOf(BigNumber);
    expect(String(decoded)).toBe("0.1000000000000000055511151231257827021181583404541015625");
  });

  it("fills missing object attributes with null and skips unknown ones", () => {
    // {"a": "x", "zzz": [1, {"k": nil}]} against object {a, b}
    const wire = Uint8Array.from([
      0x82, 0xa1, 0x61, 0xa1, 0x78, 0xa3, 0x7a, 0x7a, 0x7a, 0x92, 0x01, 0x81, 0xa1, 0x6b, 0xc0,
    ]);
    expect(decodeMsgpack(wire, ["object", { a: "string", b: "number" }])).toEqual({
      a: "x",
      b: null,
    });
  });

  it("encodes object attributes in sorted order with nulls present", () => {
    const bytes = encodeMsgpack({ b: 1 }, ["object", { b: "number", a: "string" }]);
    expect(hex(bytes)).toBe("82a161c0a16201");
  });

  it("rejects a value of the wrong type with its path", () => {
    expect(() => encodeMsgpack({ a: 1 }, ["object", { a: "string" }])).toThrow(/at a /);
    const nested: CtyType = [
      "object",
      { rules: ["list", ["object", { ports: ["map", "number"] }]] },
    ];
    expect(() =>
      encodeMsgpack({ rules: [{ ports: { http: 80 } }, { ports: { ssh: "22" } }] }, nested),
    ).toThrow('value at rules[1].ports["ssh"] is not a "number"');
    expect(() => encodeMsgpack({ rules: [1] }, nested)).toThrow(/^value at rules\[0\] is not a/);
    expect(() => encodeMsgpack("x", ["list", "string"])).toThrow(/^value at the root is not a/);
  });

  it("writes integers in their shortest form and strings with their UTF-8 length", () => {
    expect(hex(encodeMsgpack(5, "number"))).toBe("05");
    expect(hex(encodeMsgpack(-3, "number"))).toBe("fd");
    expect(hex(encodeMsgpack(300, "number"))).toBe("cd012c");
    expect(hex(encodeMsgpack("é", "string"))).toBe("a2c3a9");
    expect(hex(encodeMsgpack("é".repeat(16), "string"))).toBe(`d920${"c3a9".repeat(16)}`);
  });

  it("reads a map key named __proto__ as plain data", () => {
    const wire = encodeMsgpack(JSON.parse('{"__proto__": "x"}') as Value, ["map", "string"]);
    const decoded = decodeMsgpack(wire, ["map", "string"]) as Record<string, string>;
    expect(Object.keys(decoded)).toEqual(["__proto__"]);
  });
});
