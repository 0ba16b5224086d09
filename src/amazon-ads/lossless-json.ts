/**
 * A JSON parser that keeps large integers exact. Amazon sends profile ids as JSON numbers above
 * 2^53, which `JSON.parse` rounds; here an integer literal outside the safe range becomes a
 * `bigint`, everything else parses as `JSON.parse` would. Its writer turns such values back into
 * JSON text with the big integers as they came.
 *
 * Two paths give the same results: where `JSON.parse` hands its reviver each number's source
 * text (Node.js ≥ 21), the built-in parser does the work (1.3–1.5× faster on a profile list,
 * `npm run bench`); on Node.js 20 a parser written here does. Errors always come from the one
 * written here, so that they read the same everywhere and never quote the text.
 */

/** A parse failure with the offset it happened at (not the text, which may hold a secret). */
export class JsonSyntaxError extends SyntaxError {
  /** Offset in the text where parsing failed. */
  readonly position: number;

  /** Creates the error for `position`. */
  constructor(reason: string, position: number) {
    super(`${reason} at offset ${position}`);
    this.position = position;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const MAX_DEPTH = 256;

/** Whether this Node.js gives `JSON.parse` revivers each value's source text (Node.js ≥ 21). */
export const REVIVERS_SEE_SOURCE_TEXT: boolean = (() => {
  let source: unknown;
  JSON.parse("0", (_key, value: unknown, context?: { source?: string }) => {
    source = context?.source;
    return value;
  });
  return source === "0";
})();

/** Parses JSON text; integers beyond ±(2^53 − 1) come back as `bigint`. Throws {@link JsonSyntaxError}. */
export function parseJsonLosslessly(text: string): unknown {
  return REVIVERS_SEE_SOURCE_TEXT ? parseJsonWithSourceText(text) : parseJsonByHand(text);
}

/** {@link parseJsonLosslessly} by the parser written here (the path of Node.js 20). */
export function parseJsonByHand(text: string): unknown {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.at < text.length) parser.fail("Unexpected text after the JSON value");
  return value;
}

/**
 * {@link parseJsonLosslessly} by `JSON.parse` with a reviver that reads big integers from their
 * source text. Needs {@link REVIVERS_SEE_SOURCE_TEXT} (without it, big integers come back rounded).
 */
export function parseJsonWithSourceText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, keepBigIntegers);
  } catch {
    // Malformed: the parser written here finds the same fault and reports it without the text.
    return parseJsonByHand(text);
  }
  // JSON.parse takes any depth; the other path refuses beyond MAX_DEPTH, and so must this one.
  return text.length > 2 * MAX_DEPTH && nesting(text) > MAX_DEPTH ? parseJsonByHand(text) : value;
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;

function keepBigIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== "number" || Number.isSafeInteger(value)) return value;
  const source = context?.source;
  return source !== undefined && INTEGER.test(source) ? BigInt(source) : value;
}

/** The deepest nesting of arrays and objects in valid JSON text (brackets inside strings skipped). */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

/**
 * JSON text of a value {@link parseJsonLosslessly} returns (or a copy of one): `bigint`s are
 * written as bare integers, everything else as `JSON.stringify` writes it.
 */
export function stringifyJsonLosslessly(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(stringifyJsonLosslessly).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(
      ([key, member]) => `${JSON.stringify(key)}:${stringifyJsonLosslessly(member)}`,
    );
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

class Parser {
  at = 0;

  constructor(private readonly text: string) {}

  fail(reason: string): never {
    throw new JsonSyntaxError(reason, this.at);
  }

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail("JSON nested too deeply");
    this.skipWhitespace();
    const char = this.text[this.at];
    if (char === "{") return this.object(depth);
    if (char === "[") return this.array(depth);
    if (char === '"') return this.string();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return this.number();
    for (const [word, meaning] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return meaning;
      }
    }
    return this.fail(char === undefined ? "Unexpected end of JSON" : "Unexpected character");
  }

  object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === "}") {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"') this.fail("Expected a property name");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.at] !== ":") this.fail("Expected ':'");
      this.at++;
      // defineProperty, so a "__proto__" key is data, as with JSON.parse, not a prototype change.
      Object.defineProperty(result, key, {
        value: this.value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (this.separator("}")) return result;
    }
  }

  array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === "]") {
      this.at++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      if (this.separator("]")) return result;
    }
  }

  /** After a member: true at the closing bracket, false after a comma. */
  separator(close: string): boolean {
    this.skipWhitespace();
    const char = this.text[this.at];
    this.at++;
    if (char === close) return true;
    if (char === ",") return false;
    this.at--;
    return this.fail(char === undefined ? "Unexpected end of JSON" : `Expected ',' or '${close}'`);
  }

  string(): string {
    const start = this.at;
    let end = start + 1;
    for (;;) {
      const char = this.text[end];
      if (char === undefined) {
        this.at = end;
        this.fail("Unterminated string");
      }
      if (char === "\\") end += 2;
      else if (char === '"') break;
      else end++;
    }
    this.at = end + 1;
    try {
      // The literal is delimited; JSON.parse handles escapes and rejects control characters.
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      this.at = start;
      return this.fail("Invalid string");
    }
  }

  number(): number | bigint {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail("Invalid number");
    this.at = NUMBER.lastIndex;
    const literal = match[0];
    const value = Number(literal);
    const integer = match[1] === undefined && match[2] === undefined;
    return integer && !Number.isSafeInteger(value) ? BigInt(literal) : value;
  }
}
