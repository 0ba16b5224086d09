/**
 * The framework's planning rules for PlanResourceChange, before a handler's `modifyPlan`:
 *
 * - a computed attribute the configuration leaves null is planned from its default, else as
 *   unknown on create, and on update as unknown only when something else changes;
 * - configured values, unknown ones included (refinements too), are planned as proposed;
 * - write-only attributes are planned null;
 * - then each attribute's plan modifiers run, in a second pass over the finished plan, so that a
 *   modifier sees the whole object as the rules planned it; replacements they ask for are reported.
 */
import type { AttributePath } from "../path.js";
import type { Attribute } from "../schema/attributes.js";
import type { PlanModifierRequest } from "../schema/plan-modifiers.js";
import type { Schema } from "../schema/schema.js";
import { UNKNOWN, emptyRecord, valuesEqual, type Value } from "../values/value.js";
import { asRecord, eachNested, nestedShape, type ObjectShape } from "./shape.js";
import { withoutWriteOnly } from "./redaction.js";

/** What Terraform gives PlanResourceChange (already decoded). */
export interface PlanInput {
  /** Prior state; null on create. */
  readonly prior: Value;
  /** Terraform's proposed new state (config merged with prior computed values); not null. */
  readonly proposed: Value;
  /** The configuration; not null. */
  readonly config: Value;
}

/** The framework's plan. */
export interface PlanOutput {
  readonly planned: Value;
  readonly requiresReplace: AttributePath[];
}

/** Applies the planning rules to a create or update (destroy plans are null and need no rules). */
export function planChange(schema: Schema, input: PlanInput): PlanOutput {
  const creating = input.prior === null;
  const changed =
    creating || !valuesEqual(schema.type, withoutWriteOnly(schema, input.proposed), input.prior);
  const context = { creating, changed };
  const planned = planObject(schema, input.proposed, input.config, input.prior, [], context);
  const requiresReplace: AttributePath[] = [];
  const modified = modifyObject(schema, planned, input.config, input.prior, [], {
    creating,
    requiresReplace,
  });
  return { planned: modified, requiresReplace };
}

interface PlanContext {
  readonly creating: boolean;
  readonly changed: boolean;
}

function planObject(
  shape: ObjectShape,
  proposedValue: Value,
  configValue: Value,
  priorValue: Value,
  path: AttributePath,
  context: PlanContext,
): Value {
  const proposed = asRecord(proposedValue);
  if (!proposed) return proposedValue; // null or unknown objects are planned as proposed
  const config = asRecord(configValue);
  const prior = asRecord(priorValue);
  const out = emptyRecord();
  for (const [name, attribute] of Object.entries(shape.attributes)) {
    const here = [...path, { attribute: name }];
    const configured = config?.[name] ?? null;
    const before = prior?.[name] ?? null;
    let value = proposed[name] ?? null;
    const providerMaySet = attribute.mode === "computed" || attribute.mode === "optional-computed";
    if (attribute.writeOnly) value = null;
    else if (providerMaySet && configured === null) {
      if (attribute.default !== undefined) value = attribute.default as Value;
      else if (prior === undefined || context.changed) value = UNKNOWN;
      else value = before;
    } else {
      const nested = nestedShape(attribute);
      if (nested && attribute.nested) {
        value = eachNested(
          attribute.nested.nesting,
          value,
          before,
          (element, priorElement, step) => {
            // Set elements have no identity to match config by; the proposed element stands in.
            const configElement =
              attribute.nested?.nesting === "set" ? element : pick(configured, step);
            const at = step ? [...here, step] : here;
            return planObject(nested, element, configElement, priorElement, at, context);
          },
        );
      }
    }
    out[name] = value;
  }
  for (const [name, block] of Object.entries(shape.blocks)) {
    const here = [...path, { attribute: name }];
    out[name] = eachNested(
      block.nesting,
      proposed[name] ?? null,
      prior?.[name] ?? null,
      (element, priorElement, step) => {
        const at = step ? [...here, step] : here;
        const configElement =
          block.nesting === "set" ? element : pick(config?.[name] ?? null, step);
        return planObject(block, element, configElement, priorElement, at, context);
      },
    );
  }
  return out;
}

interface ModifyContext {
  readonly creating: boolean;
  readonly requiresReplace: AttributePath[];
}

// The second pass: every attribute's plan modifiers, at any depth, on the finished plan.
function modifyObject(
  shape: ObjectShape,
  plannedValue: Value,
  configValue: Value,
  priorValue: Value,
  path: AttributePath,
  context: ModifyContext,
): Value {
  const planned = asRecord(plannedValue);
  if (!planned) return plannedValue;
  const config = asRecord(configValue) ?? {};
  const prior = asRecord(priorValue) ?? null;
  const out = emptyRecord();
  Object.assign(out, planned);
  const object = { config, state: prior, plan: out };
  for (const [name, attribute] of Object.entries(shape.attributes)) {
    const here = [...path, { attribute: name }];
    const before = prior?.[name] ?? null;
    const configured = config[name] ?? null;
    out[name] = modifyAttribute(
      attribute,
      out[name] ?? null,
      configured,
      before,
      here,
      context,
      object,
    );
    const nested = nestedShape(attribute);
    if (nested && attribute.nested) {
      const nesting = attribute.nested.nesting;
      out[name] = eachNested(nesting, out[name] ?? null, before, (element, priorElement, step) => {
        const configElement = nesting === "set" ? element : pick(configured, step);
        const at = step ? [...here, step] : here;
        return modifyObject(nested, element, configElement, priorElement, at, context);
      });
    }
  }
  for (const [name, block] of Object.entries(shape.blocks)) {
    const here = [...path, { attribute: name }];
    out[name] = eachNested(
      block.nesting,
      out[name] ?? null,
      prior?.[name] ?? null,
      (element, priorElement, step) => {
        const at = step ? [...here, step] : here;
        const configElement = block.nesting === "set" ? element : pick(config[name] ?? null, step);
        return modifyObject(block, element, configElement, priorElement, at, context);
      },
    );
  }
  return out;
}

function modifyAttribute(
  attribute: Attribute,
  planned: Value,
  config: Value,
  state: Value,
  path: AttributePath,
  context: ModifyContext,
  object: PlanModifierRequest["object"],
): Value {
  if (attribute.planModifiers.length === 0) return planned;
  const request = { path, type: attribute.type, config, state, creating: context.creating, object };
  const response = { plan: planned, requiresReplace: false };
  for (const modifier of attribute.planModifiers) modifier.modify(request, response);
  if (response.requiresReplace) context.requiresReplace.push(path);
  return response.plan;
}

function pick(collection: Value, step: { index: number } | { key: string } | null): Value {
  if (step === null) return collection;
  if ("index" in step)
    return Array.isArray(collection) ? ((collection[step.index] ?? null) as Value) : null;
  return asRecord(collection)?.[step.key] ?? null;
}
