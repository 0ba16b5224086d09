import { ProtoFields, ProtoWriter } from "../../../src/plugin/wire/protobuf.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("protobuf at the byte level", () => {
  it.each([
    [1, "0801"],
    [127, "087f"],
    [128, "088001"],
    [300, "08ac02"],
    [2 ** 31, "088080808008"],
    [Number.MAX_SAFE_INTEGER, "08ffffffffffffff0f"],
    [-1, "08ffffffffffffffffff01"],
  ])("writes and reads the int64 %d", (value, wire) => {
    const bytes = new ProtoWriter().int(1, value).finish();
    expect(hex(bytes)).toBe(wire);
    expect(new ProtoFields(bytes).int(1)).toBe(value);
  });

  it("reads the most negative int64 exactly enough for a number", () => {
    const bytes = Buffer.from("0880808080808080808001", "hex");
    expect(new ProtoFields(bytes).int(1)).toBe(-(2 ** 63));
  });

  it("writes strings with their UTF-8 length and reads them back", () => {
    const bytes = new ProtoWriter().string(2, "héllo ✓").string(3, "").finish();
    expect(hex(bytes)).toBe(`120a${Buffer.from("héllo ✓").toString("hex")}`);
    const fields = new ProtoFields(bytes);
    expect(fields.string(2)).toBe("héllo ✓");
    expect(fields.string(3)).toBe("");
  });

  it("grows past its first buffer for long fields and many of them", () => {
    const long = "x".repeat(70_000);
    const writer = new ProtoWriter();
    for (let field = 1; field <= 40; field++) writer.string(field, `${field}:${long}`);
    const fields = new ProtoFields(writer.finish());
    expect(fields.string(40)).toBe(`40:${long}`);
    expect(fields.string(1)).toBe(`1:${long}`);
  });

  it("keeps nested messages and repeated fields apart", () => {
    const bytes = new ProtoWriter()
      .message(1, (m) => m.int(1, 7).bytes(2, Uint8Array.from([1, 2])))
      .message(1, (m) => m.int(1, 8))
      .bool(9, true)
      .finish();
    const fields = new ProtoFields(bytes);
    expect(fields.messages(1).map((m) => m.int(1))).toEqual([7, 8]);
    expect([...fields.messages(1)[0]!.bytes(2)]).toEqual([1, 2]);
    expect(fields.bool(9)).toBe(true);
    expect(fields.message(4)).toBeUndefined();
  });

  it("refuses truncated input", () => {
    expect(() => new ProtoFields(Uint8Array.from([0x0a, 0x05, 0x01]))).toThrow(/truncated/);
    expect(() => new ProtoFields(Uint8Array.from([0x08, 0x80]))).toThrow(/varint/);
  });
});
