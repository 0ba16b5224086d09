// bench:plugin's stand-in for src/plugin/values/msgpack.ts: the host's former hand-written
// MessagePack codec, kept here so that the comparison that replaced it with @msgpack/msgpack can be
// run again (docs/design/plugin-libraries.md).
/**
 * Terraform's value encoding on the wire (cty over MessagePack), both directions, against a type.
 *
 * Null is `nil`; unknown is extension 0 (`d4 00 00`); a refined unknown is extension 12 whose
 * payload is kept byte-for-byte; a dynamic value is a two-element array of its type's JSON bytes
 * and its value. Numbers are ints, float64s, or decimal strings when a float64 cannot hold them.
 */
import { ByteWriter, MsgpackReader, isExtension } from "./plugin-msgpack-own-bytes.js";
import { BigNumber, canonicalDecimal, isShortestExact } from "../../src/plugin/values/numbers.js";
import { typeFromJson, typeToJson, type CtyType } from "../../src/plugin/values/types.js";
import {
  Dynamic,
  Unknown,
  emptyRecord,
  isRecord,
  type Value,
} from "../../src/plugin/values/value.js";

const UNKNOWN_EXTENSION = 0;
const REFINED_UNKNOWN_EXTENSION = 12;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UNKNOWN_PAYLOAD = new Uint8Array([0]);

/** Encodes a value of `type` as MessagePack. Throws a TypeError when the value does not fit. */
export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  const out = new ByteWriter();
  writeValue(out, value, type, undefined, undefined);
  return out.finish();
}

/** Decodes MessagePack bytes as a value of `type`. Throws a TypeError on malformed input. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  const reader = new MsgpackReader(bytes);
  const value = readValue(reader, type);
  if (reader.offset !== bytes.length) throw new TypeError("trailing bytes after msgpack value");
  return value;
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

// Object types are schema constants: their attribute names are sorted once, not per value.
const sortedNames = new WeakMap<object, readonly string[]>();

function namesOf(attributes: Readonly<Record<string, CtyType>>): readonly string[] {
  let names = sortedNames.get(attributes);
  if (!names) sortedNames.set(attributes, (names = Object.keys(attributes).sort()));
  return names;
}

/** Writes `value`, the child `step` of the container at `parent` (both undefined at the root). */
function writeValue(
  out: ByteWriter,
  value: Value,
  type: CtyType,
  parent: Place | undefined,
  step: Place["step"] | undefined,
): void {
  if (value === null) return out.byte(0xc0);
  if (value instanceof Unknown) {
    if (value.refinement) return out.extension(REFINED_UNKNOWN_EXTENSION, value.refinement);
    return out.extension(UNKNOWN_EXTENSION, UNKNOWN_PAYLOAD);
  }
  if (type === "string") {
    return typeof value === "string" ? out.str(value) : mismatch(parent, step, type);
  }
  if (type === "bool") {
    return typeof value === "boolean"
      ? out.byte(value ? 0xc3 : 0xc2)
      : mismatch(parent, step, type);
  }
  if (type === "number") {
    if (typeof value === "number") return writeNumber(out, value);
    if (value instanceof BigNumber) return writeBigNumber(out, value);
    return mismatch(parent, step, type);
  }
  if (type === "dynamic") {
    if (!(value instanceof Dynamic)) return mismatch(parent, step, type);
    out.arrayHeader(2);
    out.bin(Buffer.from(typeToJson(value.type)));
    return writeValue(out, value.value, value.type, parent, step);
  }
  const place = step === undefined ? parent : { parent, step };
  switch (type[0]) {
    case "list":
    case "set":
      if (!Array.isArray(value)) return mismatch(place, undefined, type);
      out.arrayHeader(value.length);
      for (let i = 0; i < value.length; i++) writeValue(out, value[i] as Value, type[1], place, i);
      return;
    case "tuple":
      if (!Array.isArray(value) || value.length !== type[1].length) {
        return mismatch(place, undefined, type);
      }
      out.arrayHeader(value.length);
      for (let i = 0; i < value.length; i++) {
        writeValue(out, value[i] as Value, type[1][i] as CtyType, place, i);
      }
      return;
    case "map": {
      if (!isRecord(value)) return mismatch(place, undefined, type);
      const keys = Object.keys(value).sort();
      out.mapHeader(keys.length);
      for (const key of keys) {
        out.str(key);
        writeValue(out, value[key] as Value, type[1], place, `[${JSON.stringify(key)}]`);
      }
      return;
    }
    case "object": {
      if (!isRecord(value)) return mismatch(place, undefined, type);
      const attributes = type[1];
      const names = namesOf(attributes);
      out.mapHeader(names.length);
      for (const name of names) {
        out.str(name);
        writeValue(out, (value[name] ?? null) as Value, attributes[name] as CtyType, place, name);
      }
      return;
    }
  }
}

function writeNumber(out: ByteWriter, value: number): void {
  if (Number.isSafeInteger(value)) return out.integer(value);
  if (!Number.isFinite(value))
    throw new TypeError(`Terraform numbers must be finite, got ${value}`);
  // A float64 goes as such only when its printed form is its exact value (0.5); otherwise (0.1)
  // the decimal text goes, which is what configuration written as 0.1 means.
  if (Number.isInteger(value) || isShortestExact(value)) return out.float64(value);
  out.str(canonicalDecimal(String(value)));
}

function writeBigNumber(out: ByteWriter, value: BigNumber): void {
  if (/^-?\d+$/.test(value.text)) {
    const integer = BigInt(value.text);
    if (integer >= INT64_MIN && integer <= INT64_MAX) return out.integer(integer);
  }
  out.str(value.text);
}

function readValue(reader: MsgpackReader, type: CtyType): Value {
  const head = reader.peek();
  if (head === 0xc0) {
    reader.offset++;
    return null;
  }
  if (isExtension(head)) {
    const { extType, payload } = reader.extension();
    return extType === REFINED_UNKNOWN_EXTENSION ? new Unknown(payload) : new Unknown();
  }
  if (type === "dynamic") {
    if (reader.arrayHeader() !== 2) throw new TypeError("dynamic value must be a 2-element array");
    const concrete = typeFromJson(Buffer.from(reader.bytesOrString()).toString("utf8"));
    return new Dynamic(concrete, readValue(reader, concrete));
  }
  if (type === "string") return reader.string();
  if (type === "bool") return reader.bool();
  if (type === "number") return reader.number();
  switch (type[0]) {
    case "list":
    case "set": {
      const length = reader.arrayHeader();
      const items: Value[] = [];
      for (let i = 0; i < length; i++) items.push(readValue(reader, type[1]));
      return items;
    }
    case "tuple": {
      const length = reader.arrayHeader();
      if (length !== type[1].length) throw new TypeError("tuple length mismatch");
      return type[1].map((t) => readValue(reader, t));
    }
    case "map": {
      const length = reader.mapHeader();
      const map = emptyRecord();
      for (let i = 0; i < length; i++) map[reader.string()] = readValue(reader, type[1]);
      return map;
    }
    case "object": {
      const length = reader.mapHeader();
      const object = emptyRecord();
      let known = 0;
      for (let i = 0; i < length; i++) {
        const name = reader.string();
        const attributeType = type[1][name];
        // An attribute the schema does not know is skipped, not fatal.
        if (attributeType === undefined) reader.skip();
        else if (!(name in object)) {
          object[name] = readValue(reader, attributeType);
          known++;
        } else object[name] = readValue(reader, attributeType);
      }
      // Terraform sends every attribute; only an older or partial value needs filling in.
      const names = namesOf(type[1]);
      if (known !== names.length) {
        for (const name of names) if (!(name in object)) object[name] = null;
      }
      return object;
    }
  }
}
