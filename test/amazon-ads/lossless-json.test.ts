import {
  JsonSyntaxError,
  parseJsonLosslessly,
  stringifyJsonLosslessly,
} from "../../src/amazon-ads/lossless-json.js";

describe("parseJsonLosslessly", () => {
  it("keeps integers above 2^53 exact, where JSON.parse rounds them", () => {
    const text = '[{"profileId": 3456789012345678901}, {"profileId": -9007199254740993}]';
    expect(parseJsonLosslessly(text)).toEqual([
      { profileId: 3456789012345678901n },
      { profileId: -9007199254740993n },
    ]);
    expect(String((JSON.parse(text) as [{ profileId: number }])[0].profileId)).not.toBe(
      "3456789012345678901",
    );
  });

  it("parses everything else exactly as JSON.parse does", () => {
    const documents = [
      '{"a":[1,2.5,-0,1e3,1E-2,true,false,null],"b":{"c":"d"},"e":[]}',
      ' [ "\\u00e9\\n\\"q\\"\\\\", "\\ud83d\\ude00", {} ] ',
      "9007199254740991",
      '"plain"',
      '{"dailyBudget":0.0,"n":123456789.123456789}',
    ];
    for (const text of documents) expect(parseJsonLosslessly(text)).toEqual(JSON.parse(text));
  });

  it("keeps a __proto__ key as data", () => {
    const parsed = parseJsonLosslessly('{"__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['[{"profileId": 1', "truncated"],
    ['{"a":1} x', "trailing text"],
    ["<html><body>Bad gateway</body></html>", "HTML"],
    ["01", "leading zero"],
    ["1.", "bare decimal point"],
    ["-", "lone minus"],
    ['{"a" 1}', "missing colon"],
    ['{"a":1,}', "trailing comma"],
    ['"tab\there"', "raw control character"],
    ['"unterminated', "unterminated string"],
    ["", "empty text"],
    ["nul", "partial literal"],
  ])("rejects %j (%s) with a position", (text) => {
    expect(() => parseJsonLosslessly(text)).toThrow(JsonSyntaxError);
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    expect(() => parseJsonLosslessly("[".repeat(5000) + "]".repeat(5000))).toThrow(/deeply/);
  });
});

describe("stringifyJsonLosslessly", () => {
  it("writes parsed JSON back as it came, integers above 2^53 exact", () => {
    const text =
      '[{"profileId":3456789012345678901,"n":-1.5,"s":"é\\"","ok":true,"none":null},[],{}]';
    expect(stringifyJsonLosslessly(parseJsonLosslessly(text))).toBe(text);
  });
});
