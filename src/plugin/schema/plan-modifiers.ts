/**
 * Plan modifiers: small values attached to an attribute that adjust its planned value, or ask for
 * replacement, after the schema's planning rules ran (configured values as given, defaults, and
 * computed values unknown when the object changes). Each says in its description what it does, so
 * that documentation and reviews can show it.
 *
 * @example
 * const id = attr.string({
 *   computed: true,
 *   planModifiers: [planModifiers.useStateForUnknown()],
 *   description: "Note id.",
 * });
 */
import type { AttributePath } from "../path.js";
import type { CtyType } from "../values/types.js";
import { Unknown, valuesEqual, type Value } from "../values/value.js";

/** What a modifier is told about one attribute of one object being planned. */
export interface PlanModifierRequest {
  /** Where the attribute is. */
  readonly path: AttributePath;
  /** The attribute's type. */
  readonly type: CtyType;
  /** Its configured value (null when not set; may be unknown). */
  readonly config: Value;
  /** Its prior value (null on create). */
  readonly state: Value;
  /** True when the object is being created (there is no prior state). */
  readonly creating: boolean;
  /** The whole object being planned: configuration, prior state (null on create), plan so far. */
  readonly object: {
    readonly config: Readonly<Record<string, Value>>;
    readonly state: Readonly<Record<string, Value>> | null;
    readonly plan: Readonly<Record<string, Value>>;
  };
}

/** What a modifier may change. */
export interface PlanModifierResponse {
  /** The attribute's planned value, pre-populated with the plan so far. */
  plan: Value;
  /** Set to true when a change of this attribute replaces the object. */
  requiresReplace: boolean;
}

/** One plan modifier. */
export interface PlanModifier {
  /** What it does, in a sentence (shown in documentation). */
  readonly description: string;
  /** True when it may ask for replacement (documentation and bindings say so). */
  readonly replaces?: boolean;
  modify(request: PlanModifierRequest, response: PlanModifierResponse): void;
}

/** The plan modifiers every provider can use; providers write their own as {@link PlanModifier}s. */
export const planModifiers = {
  /**
   * Keeps the prior value of a computed attribute that the configuration leaves unset, instead of
   * "known after apply", when the object changes in place (ids, creation times).
   */
  useStateForUnknown(): PlanModifier {
    return {
      description: "Once set, the value does not change when the object is updated.",
      modify(request, response) {
        if (request.creating) return;
        if (request.config !== null || !(response.plan instanceof Unknown)) return;
        response.plan = request.state;
      },
    };
  },

  /** A changed value replaces the object (destroy, then create) instead of updating it. */
  requiresReplace(): PlanModifier {
    return planModifiers.requiresReplaceIf("Changing it replaces the resource.", () => true);
  },

  /** A changed value replaces the object when `condition` holds (described by `description`). */
  requiresReplaceIf(
    description: string,
    condition: (request: PlanModifierRequest) => boolean,
  ): PlanModifier {
    return {
      description,
      replaces: true,
      modify(request, response) {
        if (request.creating) return;
        if (valuesEqual(request.type, response.plan, request.state)) return;
        if (condition(request)) response.requiresReplace = true;
      },
    };
  },
};
