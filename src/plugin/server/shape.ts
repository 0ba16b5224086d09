/**
 * The object shape shared by schemas, nested blocks and nested attributes (attributes plus
 * blocks), and small helpers the planning, validation and redaction walks share.
 */
import type { Attribute, Attributes } from "../schema/attributes.js";
import type { Blocks } from "../schema/schema.js";
import { BigNumber } from "../values/numbers.js";
import { Dynamic, emptyRecord, isRecord, type Value } from "../values/value.js";

/** Attributes and nested blocks of one object. */
export interface ObjectShape {
  readonly attributes: Attributes;
  readonly blocks: Blocks;
}

const NO_BLOCKS: Blocks = {};

/** The object shape of a nested attribute (nested attributes have no blocks). */
export function nestedShape(attribute: Attribute): ObjectShape | undefined {
  return attribute.nested
    ? { attributes: attribute.nested.attributes, blocks: NO_BLOCKS }
    : undefined;
}

/** The record inside a value, or undefined when the value is null, unknown or not an object. */
export function asRecord(value: Value | undefined): { readonly [key: string]: Value } | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * Visits each element of a nested collection value with the matching prior element (by index for
 * lists, by key for maps, none for sets, whose elements have no stable identity).
 */
export function eachNested(
  nesting: "single" | "list" | "set" | "map",
  value: Value,
  prior: Value,
  visit: (
    element: Value,
    priorElement: Value,
    step: { index: number } | { key: string } | null,
  ) => Value,
): Value {
  if (nesting === "single") return visit(value, prior, null);
  if (nesting === "map") {
    const map = asRecord(value);
    if (!map) return value;
    const priorMap = asRecord(prior);
    const out = emptyRecord();
    for (const [key, element] of Object.entries(map)) {
      out[key] = visit(element, priorMap?.[key] ?? null, { key });
    }
    return out;
  }
  if (!Array.isArray(value)) return value;
  const priorList = nesting === "list" && Array.isArray(prior) ? prior : [];
  return value.map((element: Value, index: number) =>
    visit(element, (priorList[index] ?? null) as Value, nesting === "set" ? null : { index }),
  );
}

/** A deep copy of a value's arrays and objects (leaves and unknowns are immutable and shared). */
export function cloneValue<V extends Value>(value: V): V {
  if (Array.isArray(value)) return value.map((v: Value) => cloneValue(v)) as unknown as V;
  if (isRecord(value)) {
    const out = emptyRecord();
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as V;
  }
  return value;
}

/** True when a BigNumber hides anywhere in `value` outside dynamic values. */
export function containsBigNumber(value: Value): boolean {
  if (value instanceof BigNumber) return true;
  if (value instanceof Dynamic) return false;
  if (Array.isArray(value)) return value.some(containsBigNumber);
  if (isRecord(value)) return Object.values(value).some(containsBigNumber);
  return false;
}
