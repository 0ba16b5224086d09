/**
 * Exact decimal arithmetic just deep enough to move Terraform numbers without losing a digit.
 *
 * Terraform numbers are arbitrary-precision decimals. JavaScript numbers are float64, so a value is
 * kept as a `number` only when that is lossless in both directions; otherwise it is a
 * {@link BigNumber} holding its canonical decimal text.
 */

/** A Terraform number that a JavaScript `number` cannot hold exactly; kept as decimal text. */
export class BigNumber {
  /** Canonical decimal text: no exponent, no leading zeros, no trailing fractional zeros. */
  readonly text: string;

  /** Wraps decimal text such as `"123456789012345678901234567890"` or `"1.5e400"`. */
  constructor(text: string) {
    this.text = canonicalDecimal(text);
  }

  /** The canonical decimal text. */
  toString(): string {
    return this.text;
  }

  /** Serialises as the decimal text, so JSON output stays exact. */
  toJSON(): string {
    return this.text;
  }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Rewrites decimal text (optionally with exponent) in canonical form, e.g. `"1.50e2"` → `"150"`.
 * Throws on text that is not a finite decimal number.
 */
export function canonicalDecimal(text: string): string {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  }
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits = digits + "0".repeat(point - digits.length);
  }
  const integer = digits.slice(0, point).replace(/^0+/, "") || "0";
  const decimals = digits.slice(point).replace(/0+$/, "");
  const body = decimals ? `${integer}.${decimals}` : integer;
  return sign === "-" && body !== "0" ? `-${body}` : body;
}

/** The canonical decimal text of a JavaScript number's shortest representation. */
export function decimalOfNumber(value: number): string {
  return canonicalDecimal(String(value));
}

/** The exact decimal expansion of a float64, e.g. 0.1 → `"0.1000000000000000055511151231257827…"`. */
export function exactDecimalOfNumber(value: number): string {
  const { mantissa, exponent } = decompose(value);
  if (exponent >= 0) return canonicalDecimal((mantissa << BigInt(exponent)).toString());
  // m·2^-k = m·5^k / 10^k
  const scaled = (mantissa * 5n ** BigInt(-exponent)).toString().padStart(-exponent + 1, "0");
  const point = scaled.length + exponent;
  return canonicalDecimal(`${scaled.slice(0, point)}.${scaled.slice(point)}`);
}

/** True when a number's shortest decimal text denotes exactly its binary value (0.5 yes, 0.1 no). */
export function isShortestExact(value: number): boolean {
  return decimalOfNumber(value) === exactDecimalOfNumber(value);
}

/**
 * Reads decimal text as a JavaScript number when the text is exactly what that number prints as
 * (so writing it back gives the same text), else as a {@link BigNumber}.
 */
export function numberFromDecimal(text: string): number | BigNumber {
  const canonical = canonicalDecimal(text);
  const value = Number(canonical);
  if (Number.isFinite(value) && decimalOfNumber(value) === canonical) {
    if (!Number.isInteger(value) || Number.isSafeInteger(value)) return value;
  }
  return new BigNumber(canonical);
}

function decompose(value: number): { mantissa: bigint; exponent: number } {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const negative = high >>> 31 === 1;
  return { mantissa: negative ? -mantissa : mantissa, exponent };
}
