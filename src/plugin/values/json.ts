/**
 * Stored state as Terraform keeps it (`raw_state.json` in UpgradeResourceState), read losslessly.
 *
 * `JSON.parse` would round large numbers to float64, so a tiny parser keeps number literals as
 * text until the target type says what they are.
 */
import { BigNumber, numberFromDecimal } from "./numbers.js";
import type { CtyType } from "./types.js";
import { Dynamic, emptyRecord, type Value } from "./value.js";

/** A parsed JSON document whose numbers are still decimal text. */
export type JsonTree =
  | null
  | boolean
  | string
  | { readonly number: string }
  | readonly JsonTree[]
  | { readonly object: ReadonlyMap<string, JsonTree> };

/** Parses JSON text, keeping every number literal's digits. Throws a SyntaxError when malformed. */
export function parseJsonLosslessly(text: string): JsonTree {
  const parser = new JsonParser(text);
  const tree = parser.value();
  parser.end();
  return tree;
}

/**
 * Reads a JSON value as a value of `type`. Attributes the type does not define are ignored (they
 * belong to an older schema); attributes missing from the JSON are null.
 */
export function decodeJsonValue(json: string | JsonTree, type: CtyType): Value {
  return fromTree(typeof json === "string" ? parseJsonLosslessly(json) : json, type, "");
}

/** Converts a lossless JSON tree into plain JavaScript, with big numbers as {@link BigNumber}. */
export function jsonTreeToPlain(tree: JsonTree): unknown {
  if (tree === null || typeof tree !== "object") return tree;
  if (Array.isArray(tree)) return tree.map(jsonTreeToPlain);
  if ("number" in tree) return numberFromDecimal(tree.number);
  const object = emptyRecord<unknown>();
  for (const [k, v] of (tree as { object: ReadonlyMap<string, JsonTree> }).object) {
    object[k] = jsonTreeToPlain(v);
  }
  return object;
}

function fromTree(tree: JsonTree, type: CtyType, where: string): Value {
  if (tree === null) return null;
  const fail = (): never => {
    throw new TypeError(`state at ${where || "the root"} is not a ${JSON.stringify(type)}`);
  };
  if (type === "dynamic") {
    // Terraform stores dynamic values in state as {"value": …, "type": …}.
    const object = asObject(tree) ?? fail();
    const typeTree = object.get("type");
    const concrete = typeTree === undefined ? fail() : (toPlainType(typeTree) as CtyType);
    return new Dynamic(concrete, fromTree(object.get("value") ?? null, concrete, where));
  }
  if (type === "string") {
    if (typeof tree === "string") return tree;
    if (typeof tree === "boolean") return String(tree);
    if (isNumber(tree)) return tree.number;
    return fail();
  }
  if (type === "bool") return typeof tree === "boolean" ? tree : fail();
  if (type === "number") {
    if (isNumber(tree)) return numberFromDecimal(tree.number);
    if (typeof tree === "string") return numberFromDecimal(tree);
    return fail();
  }
  switch (type[0]) {
    case "list":
    case "set":
      return Array.isArray(tree)
        ? tree.map((t, i) => fromTree(t, type[1], `${where}[${i}]`))
        : fail();
    case "tuple":
      if (!Array.isArray(tree) || tree.length !== type[1].length) return fail();
      return type[1].map((t, i) => fromTree(tree[i] as JsonTree, t, `${where}[${i}]`));
    case "map": {
      const object = asObject(tree) ?? fail();
      const map = emptyRecord();
      for (const [k, v] of object) map[k] = fromTree(v, type[1], `${where}[${JSON.stringify(k)}]`);
      return map;
    }
    case "object": {
      const object = asObject(tree) ?? fail();
      const result = emptyRecord();
      for (const [name, t] of Object.entries(type[1])) {
        result[name] = fromTree(object.get(name) ?? null, t, where ? `${where}.${name}` : name);
      }
      return result;
    }
  }
}

function isNumber(tree: JsonTree): tree is { number: string } {
  return typeof tree === "object" && tree !== null && "number" in tree;
}

function asObject(tree: JsonTree): ReadonlyMap<string, JsonTree> | undefined {
  return typeof tree === "object" && tree !== null && "object" in tree ? tree.object : undefined;
}

function toPlainType(tree: JsonTree): unknown {
  const plain = jsonTreeToPlain(tree);
  return plain instanceof BigNumber ? plain.text : plain;
}

// JSON strings: any character but a quote, backslash or control character, or an escape.
const STRING = new RegExp(
  String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`,
  "y",
);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonParser {
  private at = 0;
  constructor(private readonly text: string) {}

  value(): JsonTree {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "t" || c === "f" || c === "n") return this.literal();
    return { number: this.number() };
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) this.fail("unexpected text after the JSON value");
  }

  private object(): JsonTree {
    const entries = new Map<string, JsonTree>();
    this.at++;
    this.space();
    if (this.text[this.at] === "}") return (this.at++, { object: entries });
    for (;;) {
      this.space();
      const key = this.string();
      this.expect(":");
      entries.set(key, this.value());
      this.space();
      if (this.text[this.at] === "}") return (this.at++, { object: entries });
      this.expect(",");
    }
  }

  private array(): JsonTree {
    const items: JsonTree[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === "]") return (this.at++, items);
    for (;;) {
      items.push(this.value());
      this.space();
      if (this.text[this.at] === "]") return (this.at++, items);
      this.expect(",");
    }
  }

  private string(): string {
    const match = this.sticky(STRING);
    if (!match) return this.fail("expected a string");
    this.at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): string {
    const match = this.sticky(NUMBER);
    if (!match) return this.fail("expected a value");
    this.at += match[0].length;
    return match[0];
  }

  private sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.at;
    return pattern.exec(this.text);
  }

  private literal(): JsonTree {
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) return ((this.at += word.length), value);
    }
    return this.fail("expected a value");
  }

  private expect(c: string): void {
    this.space();
    if (this.text[this.at] !== c) this.fail(`expected ${JSON.stringify(c)}`);
    this.at++;
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }

  private fail(message: string): never {
    throw new SyntaxError(`${message} at offset ${this.at} of the stored state`);
  }
}
