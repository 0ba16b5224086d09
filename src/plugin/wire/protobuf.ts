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

type RawField = bigint | Uint8Array;

/** The fields of one decoded message, by field number. */
export class ProtoFields {
  private readonly byNumber = new Map<number, RawField[]>();

  /** Splits `bytes` into fields. Throws a TypeError on truncated or malformed input. */
  constructor(bytes: Uint8Array) {
    let at = 0;
    const varint = (): bigint => {
      let result = 0n;
      for (let shift = 0n; ; shift += 7n) {
        if (at >= bytes.length || shift > 63n) throw new TypeError("malformed protobuf varint");
        const b = bytes[at++] as number;
        result |= BigInt(b & 0x7f) << shift;
        if ((b & 0x80) === 0) return result;
      }
    };
    const slice = (length: number): Uint8Array => {
      if (at + length > bytes.length) throw new TypeError("truncated protobuf field");
      const part = bytes.subarray(at, at + length);
      at += length;
      return part;
    };
    while (at < bytes.length) {
      const tag = Number(varint());
      const number = tag >>> 3;
      let value: RawField;
      switch (tag & 7) {
        case WIRE_VARINT:
          value = varint();
          break;
        case WIRE_FIXED64:
          value = slice(8);
          break;
        case WIRE_LENGTH_DELIMITED:
          value = slice(Number(varint()));
          break;
        case WIRE_FIXED32:
          value = slice(4);
          break;
        default:
          throw new TypeError(`unsupported protobuf wire type ${tag & 7}`);
      }
      const list = this.byNumber.get(number);
      if (list) list.push(value);
      else this.byNumber.set(number, [value]);
    }
  }

  /** A string field ("" when absent). */
  string(field: number): string {
    const raw = this.last(field);
    return raw instanceof Uint8Array ? new TextDecoder().decode(raw) : "";
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
    return (this.byNumber.get(field) ?? [])
      .filter((raw): raw is Uint8Array => raw instanceof Uint8Array)
      .map((raw) => new ProtoFields(raw));
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
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  /** A string field. */
  string(field: number, value: string | undefined): this {
    if (value) this.lengthDelimited(field, new TextEncoder().encode(value));
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
      this.varint(BigInt.asUintN(64, BigInt(value)));
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
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private lengthDelimited(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(BigInt(data.length));
    this.push(data);
    return this;
  }

  private tag(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType));
  }

  private varint(value: bigint): void {
    const out: number[] = [];
    let rest = value;
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      out.push(rest > 0n ? low | 0x80 : low);
    } while (rest > 0n);
    this.push(Uint8Array.from(out));
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
}
