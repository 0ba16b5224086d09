/**
 * Protocol Buffers at the byte level: enough to hand-write codecs for the messages we exchange,
 * with no descriptors built at start-up.
 *
 * Decoding reads a message into its fields by number; fields a codec does not ask for (newer
 * protocol versions) are simply never looked at, so unknown fields are skipped safely.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

// Varints that fit a double exactly are numbers; only longer ones (negative int64s) are bigints.
type RawField = number | bigint | Uint8Array;

const EMPTY = new Uint8Array(0);

/** The fields of one decoded message, by field number. */
export class ProtoFields {
  private readonly byNumber = new Map<number, RawField[]>();
  private readonly data: Uint8Array;
  private at = 0;

  /** Splits `bytes` into fields. Throws a TypeError on truncated or malformed input. */
  constructor(bytes: Uint8Array) {
    this.data = bytes;
    while (this.at < bytes.length) {
      const tag = this.varint();
      if (typeof tag !== "number") throw new TypeError("malformed protobuf tag");
      const number = Math.floor(tag / 8);
      let value: RawField;
      switch (tag & 7) {
        case WIRE_VARINT:
          value = this.varint();
          break;
        case WIRE_FIXED64:
          value = this.slice(8);
          break;
        case WIRE_LENGTH_DELIMITED:
          value = this.slice(Number(this.varint()));
          break;
        case WIRE_FIXED32:
          value = this.slice(4);
          break;
        default:
          throw new TypeError(`unsupported protobuf wire type ${tag & 7}`);
      }
      const list = this.byNumber.get(number);
      if (list) list.push(value);
      else this.byNumber.set(number, [value]);
    }
  }

  private varint(): number | bigint {
    const bytes = this.data;
    let result = 0;
    // Seven 7-bit groups (49 bits) always fit a double; longer varints are read exactly below.
    for (let i = 0, scale = 1; i < 7; i++, scale *= 128) {
      if (this.at >= bytes.length) throw new TypeError("malformed protobuf varint");
      const b = bytes[this.at++] as number;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
    }
    let big = BigInt(result);
    for (let shift = 49n; ; shift += 7n) {
      if (this.at >= bytes.length || shift > 63n) throw new TypeError("malformed protobuf varint");
      const b = bytes[this.at++] as number;
      big |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
  }

  private slice(length: number): Uint8Array {
    if (this.at + length > this.data.length) throw new TypeError("truncated protobuf field");
    const part = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return part;
  }

  /** A string field ("" when absent). */
  string(field: number): string {
    const raw = this.last(field);
    return raw instanceof Uint8Array ? utf8(raw) : "";
  }

  /** A bytes field (empty when absent). */
  bytes(field: number): Uint8Array {
    const raw = this.last(field);
    return raw instanceof Uint8Array ? raw : new Uint8Array(0);
  }

  /** A bytes field, or undefined when absent (for `optional bytes`). */
  optionalBytes(field: number): Uint8Array | undefined {
    const raw = this.last(field);
    return raw instanceof Uint8Array ? raw : undefined;
  }

  /** An int64 / enum field (0 when absent). */
  int(field: number): number {
    const raw = this.last(field);
    if (typeof raw === "number") return raw;
    return typeof raw === "bigint" ? Number(BigInt.asIntN(64, raw)) : 0;
  }

  /** A bool field (false when absent). */
  bool(field: number): boolean {
    return this.int(field) !== 0;
  }

  /** A nested message field, or undefined when absent. */
  message(field: number): ProtoFields | undefined {
    const raw = this.last(field);
    return raw instanceof Uint8Array ? new ProtoFields(raw) : undefined;
  }

  /** Every occurrence of a repeated message field. */
  messages(field: number): ProtoFields[] {
    const found: ProtoFields[] = [];
    for (const raw of this.byNumber.get(field) ?? []) {
      if (raw instanceof Uint8Array) found.push(new ProtoFields(raw));
    }
    return found;
  }

  /** A `map<string, string>` field. */
  stringMap(field: number): Record<string, string> {
    const map: Record<string, string> = Object.create(null);
    for (const entry of this.messages(field)) map[entry.string(1)] = entry.string(2);
    return map;
  }

  private last(field: number): RawField | undefined {
    const list = this.byNumber.get(field);
    return list?.[list.length - 1];
  }
}

/** Builds one protobuf message; default values (0, false, "", empty bytes) are omitted as in proto3. */
export class ProtoWriter {
  private buffer = Buffer.allocUnsafe(64);
  private size = 0;

  /** A string field. */
  string(field: number, value: string | undefined): this {
    if (!value) return this;
    this.tag(field, WIRE_LENGTH_DELIMITED);
    const length = Buffer.byteLength(value);
    this.varint(length);
    this.reserve(length);
    this.size += this.buffer.write(value, this.size, "utf8");
    return this;
  }

  /** A bytes field; `always` writes it even when empty (for `optional bytes`). */
  bytes(field: number, value: Uint8Array | undefined, always = false): this {
    if (value && (value.length > 0 || always)) this.lengthDelimited(field, value);
    return this;
  }

  /** An int64 or enum field; `always` writes it even when 0 (for members of a oneof). */
  int(field: number, value: number | undefined, always = false): this {
    if (value || (always && value !== undefined)) {
      this.tag(field, WIRE_VARINT);
      if (value >= 0 && Number.isSafeInteger(value)) this.varint(value);
      else this.bigVarint(BigInt.asUintN(64, BigInt(value)));
    }
    return this;
  }

  /** A bool field. */
  bool(field: number, value: boolean | undefined): this {
    return this.int(field, value ? 1 : 0);
  }

  /** A nested message field, written even when empty (presence matters for messages). */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const nested = new ProtoWriter();
    build(nested);
    return this.lengthDelimited(field, nested.finish());
  }

  /** A `map<string, V>` field: one entry message per key, in key order. */
  map<V>(field: number, entries: Iterable<[string, V]>, value: (w: ProtoWriter, v: V) => void) {
    for (const [key, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      this.message(field, (entry) => {
        entry.string(1, key);
        entry.message(2, (w) => value(w, v));
      });
    }
    return this;
  }

  /** The encoded message. */
  finish(): Uint8Array {
    return this.size === 0 ? EMPTY : new Uint8Array(this.buffer.subarray(0, this.size));
  }

  private lengthDelimited(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(data.length);
    this.reserve(data.length);
    this.buffer.set(data, this.size);
    this.size += data.length;
    return this;
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  /** A non-negative safe integer as a varint. */
  private varint(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.size++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.size++] = rest;
  }

  private bigVarint(value: bigint): void {
    this.reserve(10);
    let rest = value;
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      this.buffer[this.size++] = rest > 0n ? low | 0x80 : low;
    } while (rest > 0n);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.size + extra));
    this.buffer.copy(grown, 0, 0, this.size);
    this.buffer = grown;
  }
}

/** UTF-8 bytes as a string (through Node's decoder, without copying the bytes). */
export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
