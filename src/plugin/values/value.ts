/**
 * How Terraform values look in TypeScript.
 *
 * A value is a plain JavaScript value shaped by its type, so handlers can read and write ordinary
 * objects:
 *
 * | Terraform            | TypeScript                                                          |
 * | -------------------- | ------------------------------------------------------------------- |
 * | null (any type)      | `null`                                                              |
 * | unknown (any type)   | an {@link Unknown} (refined unknowns keep their refinement bytes)   |
 * | string               | `string`                                                            |
 * | number               | `number` when exact, else {@link BigNumber} (decimal text)          |
 * | bool                 | `boolean`                                                           |
 * | list, set, tuple     | array (a set's order carries no meaning)                            |
 * | map, object          | plain object keyed by map key / attribute name                      |
 * | dynamic              | a {@link Dynamic} pairing the concrete type with its value          |
 */
import { BigNumber, decimalOfNumber } from "./numbers.js";
import type { CtyType } from "./types.js";

/**
 * A value not known until apply. `refinement` holds the raw msgpack payload of a refined unknown
 * (extension 12: "not null", string prefix, bounds…), which is echoed back unchanged.
 */
export class Unknown {
  /** Raw refinement payload (msgpack map), or undefined for a plain unknown. */
  readonly refinement: Uint8Array | undefined;

  /** Creates an unknown, refined when `refinement` is given. */
  constructor(refinement?: Uint8Array) {
    this.refinement = refinement;
  }

  /** How an unknown looks in logs and JSON. */
  toJSON(): string {
    return "(known after apply)";
  }
}

/** The plain (unrefined) unknown value. */
export const UNKNOWN = new Unknown();

/** A value of Terraform's dynamic pseudo-type: the concrete type travels with the value. */
export class Dynamic {
  /** Pairs a concrete type with a value of that type. */
  constructor(
    readonly type: CtyType,
    readonly value: Value,
  ) {}
}

/** Any Terraform value; see the module comment for the mapping. */
export type Value =
  | null
  | Unknown
  | string
  | number
  | BigNumber
  | boolean
  | Dynamic
  | readonly Value[]
  | { readonly [key: string]: Value };

/** True when `value` is unknown (plain or refined). */
export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** True when `value` is known all the way down (no unknown anywhere inside). */
export function isWhollyKnown(value: Value): boolean {
  if (value instanceof Unknown) return false;
  if (value instanceof Dynamic) return isWhollyKnown(value.value);
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isRecord(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}

/** True for objects and maps (not arrays, numbers, unknowns or dynamics). */
export function isRecord(value: unknown): value is { readonly [key: string]: Value } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof BigNumber) &&
    !(value instanceof Dynamic)
  );
}

/** Creates an empty object without a prototype, so any map key (even `__proto__`) is just data. */
export function emptyRecord<V = Value>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/**
 * Deep equality in Terraform's sense for values of `type`: numbers by decimal value, sets without
 * regard to order, and an unknown equal only to an unknown with the same refinement.
 */
export function valuesEqual(type: CtyType, a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof Unknown || b instanceof Unknown) {
    return a instanceof Unknown && b instanceof Unknown && sameBytes(a.refinement, b.refinement);
  }
  if (type === "dynamic") {
    if (!(a instanceof Dynamic) || !(b instanceof Dynamic)) return false;
    return (
      JSON.stringify(a.type) === JSON.stringify(b.type) && valuesEqual(a.type, a.value, b.value)
    );
  }
  if (type === "number") return numberText(a) === numberText(b);
  if (typeof type === "string") return a === b;
  switch (type[0]) {
    case "list":
    case "set": {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      const element = type[1];
      if (type[0] === "list") return a.every((x, i) => valuesEqual(element, x, b[i] as Value));
      const unmatched = [...(b as Value[])];
      return a.every((x) => {
        const at = unmatched.findIndex((y) => valuesEqual(element, x, y));
        return at >= 0 && unmatched.splice(at, 1).length === 1;
      });
    }
    case "tuple": {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      return type[1].every((t, i) => valuesEqual(t, a[i] as Value, b[i] as Value));
    }
    case "map": {
      if (!isRecord(a) || !isRecord(b)) return false;
      const keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      return keys.every((k) => k in b && valuesEqual(type[1], a[k] as Value, b[k] as Value));
    }
    case "object": {
      if (!isRecord(a) || !isRecord(b)) return false;
      return Object.entries(type[1]).every(([k, t]) =>
        valuesEqual(t, (a[k] ?? null) as Value, (b[k] ?? null) as Value),
      );
    }
  }
}

/** The canonical decimal text of a number value (JavaScript number or {@link BigNumber}). */
export function numberText(value: Value): string | undefined {
  if (typeof value === "number") return decimalOfNumber(value);
  if (value instanceof BigNumber) return value.text;
  return undefined;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
