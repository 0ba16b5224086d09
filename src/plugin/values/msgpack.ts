/**
 * Terraform's value encoding on the wire (cty over MessagePack), both directions, against a type.
 * @msgpack/msgpack writes and reads the bytes; this module maps values to and from the plain
 * trees it handles.
 *
 * Null is `nil`; unknown is extension 0 (`d4 00 00`); a refined unknown is extension 12 whose
 * payload is kept byte-for-byte (any other extension reads as unknown); a dynamic value is a
 * two-element array of its type's JSON bytes and its value. Numbers are ints, float64s, or decimal
 * strings when a float64 cannot hold them. Object attributes are written sorted, every one present.
 */
import { Decoder, Encoder, ExtData } from "@msgpack/msgpack";
import {
  BigNumber,
  canonicalDecimal,
  exactDecimalOfNumber,
  isShortestExact,
  numberFromDecimal,
} from "./numbers.js";
import { typeFromJson, typeToJson, type CtyType } from "./types.js";
import { Dynamic, Unknown, emptyRecord, isRecord, type Value } from "./value.js";

const REFINED_UNKNOWN_EXTENSION = 12;
const UNKNOWN = new ExtData(0, new Uint8Array([0]));
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

// @msgpack/msgpack refuses a map key "__proto__" (it builds plain objects), but a Terraform map may
// hold one. Map keys of that length pass through this decoder first: that key is renamed to a
// string no UTF-8 decodes to (a lone surrogate), and named back when the map value is built.
const PROTO = "__proto__";
const PROTO_STAND_IN = "\ud800__proto__";
const keyDecoder = {
  canBeCached: (byteLength: number) => byteLength === PROTO.length,
  decode(bytes: Uint8Array, offset: number, byteLength: number): string {
    const key = Buffer.from(bytes.buffer, bytes.byteOffset + offset, byteLength).toString("utf8");
    return key === PROTO ? PROTO_STAND_IN : key;
  },
};

// Reused across calls (each call runs to completion: they never interleave).
const encoder = new Encoder({ useBigInt64: true, sortKeys: true });
const decoder = new Decoder({ useBigInt64: true, keyDecoder });

/** Encodes a value of `type` as MessagePack. Throws a TypeError when the value does not fit. */
export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  return encoder.encode(toTree(value, type, undefined, undefined));
}

/** Decodes MessagePack bytes as a value of `type`. Throws on malformed input. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  return fromTree(decoder.decode(bytes), type);
}

/**
 * Where a value sits, for the error when it does not fit: built only then, so that encoding a
 * value allocates no path strings.
 */
interface Place {
  readonly parent: Place | undefined;
  readonly step: string | number;
}

function describe(place: Place | undefined): string {
  let text = "";
  for (let at = place; at; at = at.parent) {
    const step = at.step;
    text =
      typeof step === "number"
        ? `[${step}]${text}`
        : step.startsWith("[")
          ? `${step}${text}`
          : at.parent
            ? `.${step}${text}`
            : `${step}${text}`;
  }
  return text || "the root";
}

function mismatch(
  parent: Place | undefined,
  step: Place["step"] | undefined,
  type: CtyType,
): never {
  const place = step === undefined ? parent : { parent, step };
  throw new TypeError(`value at ${describe(place)} is not a ${JSON.stringify(type)}`);
}

/** The tree the library writes for `value`, the child `step` of the container at `parent`. */
function toTree(
  value: Value,
  type: CtyType,
  parent: Place | undefined,
  step: Place["step"] | undefined,
): unknown {
  if (value === null) return null;
  if (value instanceof Unknown) {
    return value.refinement ? new ExtData(REFINED_UNKNOWN_EXTENSION, value.refinement) : UNKNOWN;
  }
  if (type === "string") return typeof value === "string" ? value : mismatch(parent, step, type);
  if (type === "bool") return typeof value === "boolean" ? value : mismatch(parent, step, type);
  if (type === "number") {
    if (typeof value === "number") return numberTree(value);
    if (value instanceof BigNumber) return bigNumberTree(value);
    return mismatch(parent, step, type);
  }
  if (type === "dynamic") {
    if (!(value instanceof Dynamic)) return mismatch(parent, step, type);
    return [Buffer.from(typeToJson(value.type)), toTree(value.value, value.type, parent, step)];
  }
  const place = step === undefined ? parent : { parent, step };
  switch (type[0]) {
    case "list":
    case "set":
      if (!Array.isArray(value)) return mismatch(place, undefined, type);
      return value.map((item: Value, i: number) => toTree(item, type[1], place, i));
    case "tuple":
      if (!Array.isArray(value) || value.length !== type[1].length) {
        return mismatch(place, undefined, type);
      }
      return value.map((item: Value, i: number) => toTree(item, type[1][i] as CtyType, place, i));
    case "map": {
      if (!isRecord(value)) return mismatch(place, undefined, type);
      const out = emptyRecord<unknown>();
      for (const [key, item] of Object.entries(value)) {
        out[key] = toTree(item, type[1], place, `[${JSON.stringify(key)}]`);
      }
      return out;
    }
    case "object": {
      if (!isRecord(value)) return mismatch(place, undefined, type);
      const out = emptyRecord<unknown>();
      for (const [name, t] of Object.entries(type[1])) {
        out[name] = toTree(value[name] ?? null, t, place, name);
      }
      return out;
    }
  }
}

function numberTree(value: number): number | string {
  if (Number.isSafeInteger(value)) return value;
  if (!Number.isFinite(value))
    throw new TypeError(`Terraform numbers must be finite, got ${value}`);
  // A float64 goes as such only when its printed form is its exact value (0.5); otherwise (0.1)
  // the decimal text goes, which is what configuration written as 0.1 means.
  return Number.isInteger(value) || isShortestExact(value)
    ? value
    : canonicalDecimal(String(value));
}

function bigNumberTree(value: BigNumber): bigint | string {
  if (/^-?\d+$/.test(value.text)) {
    const integer = BigInt(value.text);
    if (integer >= INT64_MIN && integer <= INT64_MAX) return integer;
  }
  return value.text;
}

/** The value of `type` that the library's tree holds. */
function fromTree(tree: unknown, type: CtyType): Value {
  if (tree === null) return null;
  if (tree instanceof ExtData) {
    return tree.type === REFINED_UNKNOWN_EXTENSION
      ? new Unknown(Uint8Array.from(tree.data as Uint8Array))
      : new Unknown();
  }
  if (type === "dynamic") {
    if (!Array.isArray(tree) || tree.length !== 2) {
      throw new TypeError("dynamic value must be a 2-element array");
    }
    const concrete = typeFromJson(text(tree[0]));
    return new Dynamic(concrete, fromTree(tree[1], concrete));
  }
  if (type === "string") return text(tree);
  if (type === "bool") {
    if (typeof tree !== "boolean") throw new TypeError("expected a msgpack bool");
    return tree;
  }
  if (type === "number") return numberOf(tree);
  switch (type[0]) {
    case "list":
    case "set":
      return arrayOf(tree).map((item) => fromTree(item, type[1]));
    case "tuple": {
      const items = arrayOf(tree);
      if (items.length !== type[1].length) throw new TypeError("tuple length mismatch");
      return items.map((item, i) => fromTree(item, type[1][i] as CtyType));
    }
    case "map": {
      const out = emptyRecord();
      for (const [key, item] of Object.entries(recordOf(tree))) {
        out[key === PROTO_STAND_IN ? PROTO : key] = fromTree(item, type[1]);
      }
      return out;
    }
    case "object": {
      // Attributes the schema does not know are left out; missing ones are null.
      const given = recordOf(tree);
      const out = emptyRecord();
      for (const [name, t] of Object.entries(type[1])) {
        const item = Object.hasOwn(given, name) ? given[name] : null;
        out[name] = fromTree(item ?? null, t);
      }
      return out;
    }
  }
}

function numberOf(tree: unknown): number | BigNumber {
  if (typeof tree === "number") {
    if (Number.isSafeInteger(tree) || isShortestExact(tree)) return tree;
    // A float64 whose printed form is not its exact value (or an integer past 2^53) keeps
    // every binary digit, so writing it back is the same number.
    return Number.isFinite(tree) ? new BigNumber(exactDecimalOfNumber(tree)) : tree;
  }
  if (typeof tree === "bigint") {
    const safe = tree >= BigInt(Number.MIN_SAFE_INTEGER) && tree <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe ? Number(tree) : new BigNumber(tree.toString());
  }
  return numberFromDecimal(text(tree));
}

function text(tree: unknown): string {
  if (typeof tree === "string") return tree;
  if (tree instanceof Uint8Array) return Buffer.from(tree).toString("utf8");
  throw new TypeError("expected a msgpack string");
}

function arrayOf(tree: unknown): unknown[] {
  if (!Array.isArray(tree)) throw new TypeError("expected a msgpack array");
  return tree;
}

function recordOf(tree: unknown): Record<string, unknown> {
  if (
    typeof tree !== "object" ||
    tree === null ||
    Array.isArray(tree) ||
    tree instanceof Uint8Array
  ) {
    throw new TypeError("expected a msgpack map");
  }
  return tree as Record<string, unknown>;
}
