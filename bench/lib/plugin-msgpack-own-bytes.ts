// The byte level of bench/lib/plugin-msgpack-own.ts (the host's former hand-written codec).
/**
 * MessagePack at the byte level: a writer and a reader for exactly the item kinds that Terraform's
 * value encoding uses (nil, bool, int, float, str, bin, array, map, ext).
 */
import {
  BigNumber,
  exactDecimalOfNumber,
  isShortestExact,
  numberFromDecimal,
} from "../../src/plugin/values/numbers.js";

/** True when the item starting with `head` is an extension (unknown values). */
export function isExtension(head: number): boolean {
  return (head >= 0xd4 && head <= 0xd8) || (head >= 0xc7 && head <= 0xc9);
}

/** A growable byte buffer with the MessagePack encodings Terraform values need. */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(256);
  private length = 0;

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  uint(width: 1 | 2 | 4, value: number): void {
    this.reserve(width);
    if (width === 1) this.buffer.writeUInt8(value, this.length);
    else if (width === 2) this.buffer.writeUInt16BE(value, this.length);
    else this.buffer.writeUInt32BE(value, this.length);
    this.length += width;
  }

  integer(value: bigint | number): void {
    if (value >= 0 && value < 128) return this.byte(Number(value));
    if (value < 0 && value >= -32) return this.byte(Number(value) & 0xff);
    this.byte(0xd3); // int64: one width for everything else keeps this simple and exact
    this.reserve(8);
    this.buffer.writeBigInt64BE(BigInt(value), this.length);
    this.length += 8;
  }

  float64(value: number): void {
    this.byte(0xcb);
    this.reserve(8);
    this.buffer.writeDoubleBE(value, this.length);
    this.length += 8;
  }

  str(text: string): void {
    // Short ASCII (every attribute name, most values) is copied byte by byte: no native call.
    const count = text.length;
    if (count < 32) {
      this.reserve(count + 1);
      const start = this.length;
      let i = 0;
      for (; i < count; i++) {
        const code = text.charCodeAt(i);
        if (code > 0x7f) break;
        this.buffer[start + 1 + i] = code;
      }
      if (i === count) {
        this.buffer[start] = 0xa0 | count;
        this.length = start + 1 + count;
        return;
      }
    }
    // Otherwise written in place: the header's size depends on the UTF-8 length, known first.
    const length = Buffer.byteLength(text);
    if (length < 32) this.byte(0xa0 | length);
    else this.sized([0xd9, 0xda, 0xdb], length);
    this.reserve(length);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  bin(data: Uint8Array): void {
    this.sized([0xc4, 0xc5, 0xc6], data.length);
    this.bytes(data);
  }

  arrayHeader(length: number): void {
    if (length < 16) this.byte(0x90 | length);
    else this.sized([undefined, 0xdc, 0xdd], length);
  }

  mapHeader(length: number): void {
    if (length < 16) this.byte(0x80 | length);
    else this.sized([undefined, 0xde, 0xdf], length);
  }

  extension(extType: number, payload: Uint8Array): void {
    const fixed = [1, 2, 4, 8, 16].indexOf(payload.length);
    if (fixed >= 0) this.byte(0xd4 + fixed);
    else this.sized([0xc7, 0xc8, 0xc9], payload.length);
    this.byte(extType);
    this.bytes(payload);
  }

  /** Writes the smallest of the 8/16/32-bit length forms whose tag is given. */
  private sized(tags: readonly [number | undefined, number, number], length: number): void {
    const [tag8, tag16, tag32] = tags;
    if (tag8 !== undefined && length < 0x100) {
      this.byte(tag8);
      this.uint(1, length);
    } else if (length < 0x10000) {
      this.byte(tag16);
      this.uint(2, length);
    } else {
      this.byte(tag32);
      this.uint(4, length);
    }
  }

  finish(): Uint8Array {
    return new Uint8Array(this.buffer.subarray(0, this.length));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A cursor over MessagePack bytes that reads exactly the shapes Terraform sends. */
export class MsgpackReader {
  offset = 0;
  private readonly view: DataView;
  private readonly text: Buffer;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  peek(): number {
    if (this.offset >= this.data.length) throw new TypeError("msgpack value truncated");
    return this.data[this.offset] as number;
  }

  private take(n: number): number {
    const at = this.offset;
    if (at + n > this.data.length) throw new TypeError("msgpack value truncated");
    this.offset += n;
    return at;
  }

  private u8(): number {
    return this.view.getUint8(this.take(1));
  }
  private u16(): number {
    return this.view.getUint16(this.take(2));
  }
  private u32(): number {
    return this.view.getUint32(this.take(4));
  }

  private raw(length: number): Uint8Array {
    const at = this.take(length);
    return this.data.subarray(at, at + length);
  }

  bool(): boolean {
    const b = this.u8();
    if (b === 0xc2 || b === 0xc3) return b === 0xc3;
    throw new TypeError(`expected a msgpack bool, found 0x${b.toString(16)}`);
  }

  /** A string, decoded as UTF-8. */
  string(): string {
    const bytes = this.bytesOrString();
    if (bytes.length < 32) {
      // Short ASCII is read without a native call; anything else goes through Node's decoder.
      let text = "";
      for (let i = 0; i < bytes.length; i++) {
        const code = bytes[i] as number;
        if (code > 0x7f) return this.decode(bytes);
        text += String.fromCharCode(code);
      }
      return text;
    }
    return this.decode(bytes);
  }

  private decode(bytes: Uint8Array): string {
    const start = bytes.byteOffset - this.data.byteOffset;
    return this.text.toString("utf8", start, start + bytes.length);
  }

  /** The bytes of a str or bin item. */
  bytesOrString(): Uint8Array {
    const b = this.u8();
    if ((b & 0xe0) === 0xa0) return this.raw(b & 0x1f);
    if (b === 0xd9 || b === 0xc4) return this.raw(this.u8());
    if (b === 0xda || b === 0xc5) return this.raw(this.u16());
    if (b === 0xdb || b === 0xc6) return this.raw(this.u32());
    throw new TypeError(`expected a msgpack string, found 0x${b.toString(16)}`);
  }

  number(): number | BigNumber {
    const b = this.peek();
    if (b <= 0x7f) return (this.offset++, b);
    if (b >= 0xe0) return (this.offset++, b - 0x100);
    if (b >= 0xcc && b <= 0xd3) {
      const integer = this.integer();
      if (
        integer >= BigInt(Number.MIN_SAFE_INTEGER) &&
        integer <= BigInt(Number.MAX_SAFE_INTEGER)
      ) {
        return Number(integer);
      }
      return new BigNumber(integer.toString());
    }
    if (b === 0xca) return (this.offset++, this.view.getFloat32(this.take(4)));
    if (b === 0xcb) {
      this.offset++;
      const value = this.view.getFloat64(this.take(8));
      if (Number.isSafeInteger(value) || isShortestExact(value)) return value;
      // A float64 whose printed form is not its exact value (or an integer past 2^53) keeps
      // every binary digit, so writing it back is the same number.
      return new BigNumber(exactDecimalOfNumber(value));
    }
    return numberFromDecimal(this.string());
  }

  private integer(): bigint {
    const b = this.u8();
    if (b <= 0x7f) return BigInt(b);
    if (b >= 0xe0) return BigInt(b - 0x100);
    const at = (n: number) => this.take(n);
    switch (b) {
      case 0xcc:
        return BigInt(this.view.getUint8(at(1)));
      case 0xcd:
        return BigInt(this.view.getUint16(at(2)));
      case 0xce:
        return BigInt(this.view.getUint32(at(4)));
      case 0xcf:
        return this.view.getBigUint64(at(8));
      case 0xd0:
        return BigInt(this.view.getInt8(at(1)));
      case 0xd1:
        return BigInt(this.view.getInt16(at(2)));
      case 0xd2:
        return BigInt(this.view.getInt32(at(4)));
      default:
        return this.view.getBigInt64(at(8));
    }
  }

  arrayHeader(): number {
    const b = this.u8();
    if ((b & 0xf0) === 0x90) return b & 0x0f;
    if (b === 0xdc) return this.u16();
    if (b === 0xdd) return this.u32();
    throw new TypeError(`expected a msgpack array, found 0x${b.toString(16)}`);
  }

  mapHeader(): number {
    const b = this.u8();
    if ((b & 0xf0) === 0x80) return b & 0x0f;
    if (b === 0xde) return this.u16();
    if (b === 0xdf) return this.u32();
    throw new TypeError(`expected a msgpack map, found 0x${b.toString(16)}`);
  }

  extension(): { extType: number; payload: Uint8Array } {
    const b = this.u8();
    let length: number;
    if (b >= 0xd4 && b <= 0xd8) length = 1 << (b - 0xd4);
    else if (b === 0xc7) length = this.u8();
    else if (b === 0xc8) length = this.u16();
    else length = this.u32();
    const extType = this.u8();
    return { extType, payload: this.raw(length).slice() };
  }

  /** Skips one item of any kind (for attributes the schema does not know). */
  skip(): void {
    const b = this.peek();
    if (b === 0xc0 || b === 0xc2 || b === 0xc3) return void this.offset++;
    if (isExtension(b)) return void this.extension();
    if ((b & 0xe0) === 0xa0 || (b >= 0xc4 && b <= 0xc6) || (b >= 0xd9 && b <= 0xdb)) {
      return void this.bytesOrString();
    }
    if (b === 0xca || b === 0xcb || b <= 0x7f || b >= 0xe0 || (b >= 0xcc && b <= 0xd3)) {
      return void this.number();
    }
    if ((b & 0xf0) === 0x90 || b === 0xdc || b === 0xdd) {
      const n = this.arrayHeader();
      for (let i = 0; i < n; i++) this.skip();
      return;
    }
    if ((b & 0xf0) === 0x80 || b === 0xde || b === 0xdf) {
      const n = this.mapHeader();
      for (let i = 0; i < 2 * n; i++) this.skip();
      return;
    }
    throw new TypeError(`unsupported msgpack item 0x${b.toString(16)}`);
  }
}
