/**
 * Terraform's value encoding on the wire (cty over MessagePack), both directions, against a type.
 *
 * Null is `nil`; unknown is extension 0 (`d4 00 00`); a refined unknown is extension 12 whose
 * payload is kept byte-for-byte; a dynamic value is a two-element array of its type's JSON bytes
 * and its value. Numbers are ints, float64s, or decimal strings when a float64 cannot hold them.
 */
import { ByteWriter, MsgpackReader, isExtension } from "./msgpack-bytes.js";
import { BigNumber, canonicalDecimal, isShortestExact } from "./numbers.js";
import { typeFromJson, typeToJson, type CtyType } from "./types.js";
import { Dynamic, Unknown, emptyRecord, isRecord, type Value } from "./value.js";

const UNKNOWN_EXTENSION = 0;
const REFINED_UNKNOWN_EXTENSION = 12;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Encodes a value of `type` as MessagePack. Throws a TypeError when the value does not fit. */
export function encodeMsgpack(value: Value, type: CtyType): Uint8Array {
  const out = new ByteWriter();
  writeValue(out, value, type, "");
  return out.finish();
}

/** Decodes MessagePack bytes as a value of `type`. Throws a TypeError on malformed input. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): Value {
  const reader = new MsgpackReader(bytes);
  const value = readValue(reader, type);
  if (reader.offset !== bytes.length) throw new TypeError("trailing bytes after msgpack value");
  return value;
}

function writeValue(out: ByteWriter, value: Value, type: CtyType, where: string): void {
  if (value === null) return out.byte(0xc0);
  if (value instanceof Unknown) {
    if (value.refinement) return out.extension(REFINED_UNKNOWN_EXTENSION, value.refinement);
    return out.extension(UNKNOWN_EXTENSION, new Uint8Array([0]));
  }
  const mismatch = (): never => {
    throw new TypeError(`value at ${where || "the root"} is not a ${JSON.stringify(type)}`);
  };
  if (type === "dynamic") {
    if (!(value instanceof Dynamic)) return mismatch();
    out.arrayHeader(2);
    out.bin(new TextEncoder().encode(typeToJson(value.type)));
    return writeValue(out, value.value, value.type, where);
  }
  if (type === "string") return typeof value === "string" ? out.str(value) : mismatch();
  if (type === "bool")
    return typeof value === "boolean" ? out.byte(value ? 0xc3 : 0xc2) : mismatch();
  if (type === "number") {
    if (typeof value === "number") return writeNumber(out, value);
    if (value instanceof BigNumber) return writeBigNumber(out, value);
    return mismatch();
  }
  switch (type[0]) {
    case "list":
    case "set":
      if (!Array.isArray(value)) return mismatch();
      out.arrayHeader(value.length);
      return value.forEach((v, i) => writeValue(out, v as Value, type[1], `${where}[${i}]`));
    case "tuple":
      if (!Array.isArray(value) || value.length !== type[1].length) return mismatch();
      out.arrayHeader(value.length);
      return type[1].forEach((t, i) => writeValue(out, value[i] as Value, t, `${where}[${i}]`));
    case "map": {
      if (!isRecord(value)) return mismatch();
      const keys = Object.keys(value).sort();
      out.mapHeader(keys.length);
      for (const key of keys) {
        out.str(key);
        writeValue(out, value[key] as Value, type[1], `${where}[${JSON.stringify(key)}]`);
      }
      return;
    }
    case "object": {
      if (!isRecord(value)) return mismatch();
      const names = Object.keys(type[1]).sort();
      out.mapHeader(names.length);
      for (const name of names) {
        out.str(name);
        const child = (value[name] ?? null) as Value;
        writeValue(out, child, type[1][name] as CtyType, where ? `${where}.${name}` : name);
      }
      return;
    }
  }
}

function writeNumber(out: ByteWriter, value: number): void {
  if (Number.isSafeInteger(value)) return out.integer(BigInt(value));
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
    const concrete = typeFromJson(new TextDecoder().decode(reader.bytesOrString()));
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
      for (let i = 0; i < length; i++) {
        const name = reader.string();
        const attributeType = type[1][name];
        // An attribute the schema does not know is skipped, not fatal.
        if (attributeType === undefined) reader.skip();
        else object[name] = readValue(reader, attributeType);
      }
      for (const name of Object.keys(type[1])) if (!(name in object)) object[name] = null;
      return object;
    }
  }
}
