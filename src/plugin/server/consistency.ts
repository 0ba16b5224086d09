/**
 * Apply results must keep every promise the plan made: known planned values unchanged, unknowns
 * filled in. This check finds where a handler broke one and repairs the value sent to Terraform
 * (planned value kept, leftover unknowns made null), so Terraform sees a provider-bug diagnostic
 * naming the attribute instead of failing with "inconsistent result after apply".
 */
import type { AttributePath } from "../path.js";
import type { CtyType } from "../values/types.js";
import {
  Dynamic,
  Unknown,
  emptyRecord,
  isRecord,
  isWhollyKnown,
  valuesEqual,
  type Value,
} from "../values/value.js";

/** One broken promise. */
export interface Inconsistency {
  readonly path: AttributePath;
  /** `changed`: a known planned value differs; `unknown`: the handler left a value unknown. */
  readonly kind: "changed" | "unknown";
}

/** The value to send and what was wrong with the handler's. */
export interface Reconciled {
  readonly value: Value;
  readonly problems: readonly Inconsistency[];
}

/** Compares a handler's result with the plan, attribute by attribute. */
export function reconcileWithPlan(type: CtyType, planned: Value, actual: Value): Reconciled {
  const problems: Inconsistency[] = [];
  const value = reconcile(type, planned, actual, [], problems);
  return { value, problems };
}

function reconcile(
  type: CtyType,
  planned: Value,
  actual: Value,
  path: AttributePath,
  problems: Inconsistency[],
): Value {
  if (planned instanceof Unknown) {
    if (isWhollyKnown(actual)) return actual;
    problems.push({ path, kind: "unknown" });
    return withoutUnknowns(actual);
  }
  if (isWhollyKnown(planned)) {
    if (valuesEqual(type, planned, actual)) return actual;
    problems.push({ path, kind: "changed" });
    return planned;
  }
  // The plan is a container with unknowns inside: match its parts.
  if (typeof type !== "string" && type[0] === "object" && isRecord(planned) && isRecord(actual)) {
    const out = emptyRecord();
    for (const [name, t] of Object.entries(type[1])) {
      out[name] = reconcile(
        t,
        planned[name] ?? null,
        actual[name] ?? null,
        [...path, { attribute: name }],
        problems,
      );
    }
    return out;
  }
  if (
    typeof type !== "string" &&
    (type[0] === "list" || type[0] === "tuple") &&
    Array.isArray(planned) &&
    Array.isArray(actual) &&
    planned.length === actual.length
  ) {
    return planned.map((p: Value, i: number) => {
      const t = type[0] === "list" ? type[1] : (type[1][i] as CtyType);
      return reconcile(t, p, actual[i] as Value, [...path, { index: i }], problems);
    });
  }
  if (typeof type !== "string" && type[0] === "map" && isRecord(planned) && isRecord(actual)) {
    const keys = Object.keys(planned);
    if (keys.length === Object.keys(actual).length && keys.every((k) => k in actual)) {
      const out = emptyRecord();
      for (const k of keys)
        out[k] = reconcile(
          type[1],
          planned[k] as Value,
          actual[k] as Value,
          [...path, { key: k }],
          problems,
        );
      return out;
    }
  }
  // Sets and dynamic values cannot be matched element by element: any wholly known value of
  // the same size is accepted.
  const sameSize =
    Array.isArray(planned) && Array.isArray(actual) && planned.length === actual.length;
  if ((sameSize || planned instanceof Dynamic) && isWhollyKnown(actual)) return actual;
  problems.push({ path, kind: isWhollyKnown(actual) ? "changed" : "unknown" });
  return withoutUnknowns(planned);
}

/** The value with every unknown inside replaced by null. */
export function withoutUnknowns(value: Value): Value {
  if (value instanceof Unknown) return null;
  if (value instanceof Dynamic) return new Dynamic(value.type, withoutUnknowns(value.value));
  if (Array.isArray(value)) return value.map(withoutUnknowns);
  if (isRecord(value)) {
    const out = emptyRecord();
    for (const [k, v] of Object.entries(value)) out[k] = withoutUnknowns(v);
    return out;
  }
  return value;
}
