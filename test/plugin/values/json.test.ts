import { decodeFlatmap } from "../../../src/plugin/values/flatmap.js";
import {
  decodeJsonValue,
  jsonTreeToPlain,
  parseJsonLosslessly,
} from "../../../src/plugin/values/json.js";
import { BigNumber } from "../../../src/plugin/values/numbers.js";
import type { CtyType } from "../../../src/plugin/values/types.js";
import { Dynamic } from "../../../src/plugin/values/value.js";

const noteType: CtyType = [
  "object",
  {
    id: "string",
    count: "number",
    tags: ["map", "string"],
    rules: ["list", ["object", { port: "number", open: "bool" }]],
    extra: "dynamic",
  },
];

describe("JSON state", () => {
  it("decodes stored state against the current schema type", () => {
    const json =
      '{"id":"n-1","count":12345678901234567890123,"tags":{"env":"prod"},' +
      '"rules":[{"port":80,"open":true}],"extra":{"value":["a"],"type":["list","string"]}}';
    const value = decodeJsonValue(json, noteType) as Record<string, unknown>;
    expect(value.id).toBe("n-1");
    expect(value.count).toEqual(new BigNumber("12345678901234567890123"));
    expect(value.tags).toEqual({ env: "prod" });
    expect(value.rules).toEqual([{ port: 80, open: true }]);
    expect(value.extra).toEqual(new Dynamic(["list", "string"], ["a"]));
  });

  it("ignores attributes the schema no longer has and nulls those it gained", () => {
    const value = decodeJsonValue('{"id":"x","removed_attr":42}', noteType);
    expect(value).toEqual({ id: "x", count: null, tags: null, rules: null, extra: null });
  });

  it("rejects malformed JSON with a position", () => {
    expect(() => parseJsonLosslessly('{"a": }')).toThrow(/offset 6/);
  });

  it("gives upgraders plain JavaScript with big numbers kept", () => {
    expect(jsonTreeToPlain(parseJsonLosslessly('{"a":[1,"b",null],"n":1e400}'))).toEqual({
      a: [1, "b", null],
      n: new BigNumber("1e400"),
    });
  });

  it("reads the legacy flatmap format", () => {
    const flat = {
      id: "x",
      count: "3",
      "tags.%": "1",
      "tags.env": "prod",
      "rules.#": "1",
      "rules.0.port": "80",
      "rules.0.open": "true",
    };
    expect(decodeFlatmap(flat, noteType)).toEqual({
      id: "x",
      count: 3,
      tags: { env: "prod" },
      rules: [{ port: 80, open: true }],
      extra: null,
    });
  });
});
