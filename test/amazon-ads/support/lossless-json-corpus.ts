/**
 * Inputs on which both paths of `parseJsonLosslessly` (built-in `JSON.parse` with source text,
 * and the parser written here) must agree, and a canonical text of what a parse gave (bigints,
 * -0, key order and prototypes included) that reads the same on every Node.js version.
 */

const profiles = Array.from(
  { length: 40 },
  (_, i) =>
    `{"profileId":${3456789012345678901n + BigInt(i)},"countryCode":"US","currencyCode":"USD",` +
    `"dailyBudget":${i}.5,"timezone":"America/Los_Angeles","accountInfo":{"marketplaceStringId":` +
    `"ATVPDKIKX0DER","id":"A${i}","type":"seller","name":"Store \\"${i}\\"","validPaymentMethod":true}}`,
);

/** Valid and malformed JSON texts, each with a short name. */
export const CORPUS: readonly (readonly [name: string, text: string])[] = [
  ["big ids", '[{"profileId": 3456789012345678901}, {"profileId": -9007199254740993}]'],
  ["a profile list", `[${profiles.join(",")}]`],
  [
    "2^53 and its neighbours",
    "[9007199254740991,9007199254740992,-9007199254740992,-9007199254740991]",
  ],
  [
    "big non-integers stay numbers",
    "[1e20,1E400,-1e400,123456789012345678901234567890.5,9007199254740993.0]",
  ],
  ["small numbers", '{"a":[1,2.5,-0,0,1e3,1E-2,-1.5e-7],"b":0.1}'],
  ["literals and nesting", '{"a":[1,2.5,-0,1e3,1E-2,true,false,null],"b":{"c":"d"},"e":[]}'],
  ["escapes", ' [ "\\u00e9\\n\\"q\\"\\\\", "\\ud83d\\ude00", "\\ud800", "\\/", {} ] '],
  ["brackets inside strings", '{"s":"[[[{{{","t":"]]}}\\"[","u":[["]"]]}'],
  ["a bare safe integer", "9007199254740991"],
  ["a bare big integer", "-12345678901234567890"],
  ["a bare string", '"plain"'],
  ["whitespace all around", ' \t\r\n {\n "a" : [ 1 , 2 ] \n} \n'],
  ["duplicate keys", '{"a":1,"b":2,"a":3}'],
  ["integer-like keys", '{"b":1,"10":2,"2":3,"a":4}'],
  ["a __proto__ key", '{"__proto__":{"polluted":true},"x":1}'],
  ["nested 256 deep", "[".repeat(256) + "]".repeat(256)],
  ["nested 257 deep", "[".repeat(257) + "]".repeat(257)],
  ["nested 258 deep", "[".repeat(258) + "]".repeat(258)],
  ["nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)],
  ["objects nested 300 deep", '{"a":'.repeat(300) + "1" + "}".repeat(300)],
  ["truncated", '[{"profileId": 1'],
  ["trailing text", '{"a":1} x'],
  ["HTML", "<html><body>Bad gateway</body></html>"],
  ["leading zero", "01"],
  ["bare decimal point", "1."],
  ["lone minus", "-"],
  ["missing colon", '{"a" 1}'],
  ["trailing comma", '{"a":1,}'],
  ["raw control character", '"tab\there"'],
  ["unterminated string", '"unterminated'],
  ["empty text", ""],
  ["only whitespace", "  \n"],
  ["partial literal", "nul"],
  ["a byte-order mark", '\ufeff{"a":1}'],
  ["a bad escape", '"\\x41"'],
];

/** What one parse gave: a canonical text of the value, or the error's name, message and position. */
export function outcome(parse: (text: string) => unknown, text: string): string {
  try {
    return `value ${canonical(parse(text))}`;
  } catch (error) {
    const { name, message, position } = error as Error & { position?: number };
    return `error ${name}: ${message} (position ${position})`;
  }
}

function canonical(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record).map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`);
    const plain = Object.getPrototypeOf(value) === Object.prototype;
    return `{${members.join(",")}}${plain ? "" : " (prototype changed)"}`;
  }
  return JSON.stringify(value);
}
