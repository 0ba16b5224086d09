/**
 * Attribute definitions: what a resource's fields are, how Terraform may set them, and how the
 * framework plans, validates and redacts them. Factories infer the TypeScript type of each field.
 *
 * @example
 * const text = attr.string({ required: true, description: "The note's text." });
 * const id = attr.string({
 *   computed: true,
 *   planModifiers: [planModifiers.useStateForUnknown()],
 *   description: "Note id.",
 * });
 */
import type { BigNumber } from "../values/numbers.js";
import type { CtyType } from "../values/types.js";
import type { Dynamic } from "../values/value.js";
import type { PlanModifier } from "./plan-modifiers.js";
import type { Validator } from "./validators.js";

/**
 * Who sets an attribute: the configuration only (`required` / `optional`), the provider only
 * (`computed`), or either (`optional-computed`: the provider fills it when the config does not).
 */
export type Mode = "required" | "optional" | "computed" | "optional-computed";

/** A value type together with the TypeScript type of its values (a phantom). */
export interface ValueType<T> {
  /** The Terraform type. */
  readonly cty: CtyType;
  /** True when numbers inside may be {@link BigNumber}s (else validation rejects them). */
  readonly bigNumbers?: boolean;
  /** Never set: carries `T` for type inference. */
  readonly __value?: T;
}

/** The TypeScript type of the values of a {@link ValueType}. */
export type ValueOf<V> = V extends ValueType<infer T> ? T : never;

/** Element types for collection attributes (`attr.list(types.string, …)`). */
export const types = {
  /** A string. */
  string: { cty: "string" } as ValueType<string>,
  /** A number that JavaScript holds exactly (larger numbers are rejected by validation). */
  number: { cty: "number" } as ValueType<number>,
  /** A number kept as decimal text when it is too large or precise for JavaScript. */
  bigNumber: { cty: "number", bigNumbers: true } as ValueType<number | BigNumber>,
  /** A boolean. */
  bool: { cty: "bool" } as ValueType<boolean>,
  /** Any type, decided by the value. */
  dynamic: { cty: "dynamic", bigNumbers: true } as ValueType<Dynamic>,
  /** A list of `element`. */
  list<E>(element: ValueType<E>): ValueType<E[]> {
    return { cty: ["list", element.cty], bigNumbers: element.bigNumbers ?? false };
  },
  /** A set of `element` (an array whose order carries no meaning). */
  set<E>(element: ValueType<E>): ValueType<E[]> {
    return { cty: ["set", element.cty], bigNumbers: element.bigNumbers ?? false };
  },
  /** A map from strings to `element`. */
  map<E>(element: ValueType<E>): ValueType<Record<string, E>> {
    return { cty: ["map", element.cty], bigNumbers: element.bigNumbers ?? false };
  },
  /** An object with the given attribute types; every attribute may be null. */
  object<F extends Record<string, ValueType<unknown>>>(
    fields: F,
  ): ValueType<{ [K in keyof F]: ValueOf<F[K]> | null }> {
    const attributes: Record<string, CtyType> = {};
    for (const [name, t] of Object.entries(fields)) attributes[name] = t.cty;
    const bigNumbers = Object.values(fields).some((t) => t.bigNumbers);
    return { cty: ["object", attributes], bigNumbers };
  },
};

/** How a nested attribute's objects are arranged. */
export type NestedMode = "single" | "list" | "set" | "map";

/** Everything the framework knows about one attribute. */
export interface Attribute<T = unknown, M extends Mode = Mode> {
  /** Who sets it. */
  readonly mode: M;
  /** Its value type (for nested attributes, the implied object/collection type). */
  readonly type: CtyType;
  /** For nested attributes: how objects nest, and their attributes. */
  readonly nested?: { readonly nesting: NestedMode; readonly attributes: Attributes };
  /** Plain-text description (shown by `terraform providers schema` and docs). */
  readonly description: string;
  /** Markdown description; sent instead of the plain one when present. */
  readonly markdownDescription?: string;
  /** Redacted in plan output and in every log line. */
  readonly sensitive: boolean;
  /** Accepted in configuration but never stored in plan or state (Terraform ≥ 1.11). */
  readonly writeOnly: boolean;
  /** Deprecation message: setting the attribute gives a warning with this text. */
  readonly deprecated?: string;
  /** Checks run on known, non-null configured values. */
  readonly validators: readonly Validator<T>[];
  /** Adjust the attribute's plan after the planning rules (keep state, require replacement …). */
  readonly planModifiers: readonly PlanModifier[];
  /** Value planned when the configuration leaves the attribute null. */
  readonly default?: T;
  /** True when numbers inside may be {@link BigNumber}s; otherwise validation rejects them. */
  readonly bigNumbers: boolean;
  /** Never set: carries `T` for type inference. */
  readonly __value?: T;
}

/** The attributes of an object, by name. */
export type Attributes = Readonly<Record<string, Attribute<unknown>>>;

/** Options common to every attribute factory. */
export interface AttributeOptions<T> {
  /** Plain-text description. Required: every attribute is documented. */
  readonly description: string;
  /** Markdown description, when formatting helps. */
  readonly markdownDescription?: string;
  /** Set by the configuration, which must give it. */
  readonly required?: boolean;
  /** Set by the configuration, which may omit it. */
  readonly optional?: boolean;
  /** Set by the provider (with `optional`, when the configuration leaves it null). */
  readonly computed?: boolean;
  /** Never shown in plans or logs. */
  readonly sensitive?: boolean;
  /** Never stored in plan or state. */
  readonly writeOnly?: boolean;
  /** Deprecation message shown when the attribute is set. */
  readonly deprecated?: string;
  /** Value checks, each with a message. */
  readonly validators?: readonly Validator<T>[];
  /** Plan modifiers, run in order after the planning rules (see `planModifiers`). */
  readonly planModifiers?: readonly PlanModifier[];
  /** Planned when the configuration leaves it null; implies optional + computed. */
  readonly default?: T;
}

/** The mode that a literal options object selects. */
export type ModeOf<O> = O extends { required: true }
  ? "required"
  : O extends { default: unknown }
    ? "optional-computed"
    : O extends { computed: true }
      ? O extends { optional: true }
        ? "optional-computed"
        : "computed"
      : "optional";

function define<T, O extends AttributeOptions<T>>(
  type: CtyType | ValueType<unknown>,
  options: O,
  nested?: Attribute["nested"],
): Attribute<T, ModeOf<O>> {
  const { required = false, optional = false, computed = false } = options;
  const hasDefault = options.default !== undefined;
  const providerOrOptional = optional || computed || hasDefault;
  if (required ? providerOrOptional : !providerOrOptional) {
    throw new TypeError(
      "an attribute is required, or else optional and/or computed (not both, not neither)",
    );
  }
  const mode: Mode = required
    ? "required"
    : hasDefault || (optional && computed)
      ? "optional-computed"
      : computed
        ? "computed"
        : "optional";
  return {
    mode: mode as ModeOf<O>,
    type: typeof type === "object" && "cty" in type ? type.cty : type,
    bigNumbers: typeof type === "object" && "cty" in type ? (type.bigNumbers ?? false) : false,
    ...(nested ? { nested } : {}),
    description: options.description,
    ...(options.markdownDescription !== undefined
      ? { markdownDescription: options.markdownDescription }
      : {}),
    sensitive: options.sensitive ?? false,
    writeOnly: options.writeOnly ?? false,
    ...(options.deprecated !== undefined ? { deprecated: options.deprecated } : {}),
    validators: options.validators ?? [],
    planModifiers: options.planModifiers ?? [],
    ...(hasDefault ? { default: options.default } : {}),
  };
}

/** The object type implied by a set of attributes. */
export function objectTypeOf(attributes: Attributes): CtyType {
  const fields: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(attributes)) fields[name] = a.type;
  return ["object", fields];
}

function nestedType(nesting: NestedMode, attributes: Attributes): CtyType {
  const object = objectTypeOf(attributes);
  return nesting === "single" ? object : [nesting, object];
}

/** Attribute factories; each infers the field's TypeScript type from its options. */
export const attr = {
  /** A string attribute. */
  string<O extends AttributeOptions<string>>(options: O) {
    return define<string, O>("string", options);
  },
  /** A number attribute held as a JavaScript number (values that would lose precision are rejected). */
  number<O extends AttributeOptions<number>>(options: O) {
    return define<number, O>("number", options);
  },
  /** A number attribute of any size or precision: `number`, or {@link BigNumber} when needed. */
  bigNumber<O extends AttributeOptions<number | BigNumber>>(options: O) {
    return define<number | BigNumber, O>(types.bigNumber, options);
  },
  /** A boolean attribute. */
  bool<O extends AttributeOptions<boolean>>(options: O) {
    return define<boolean, O>("bool", options);
  },
  /** A dynamically typed attribute. */
  dynamic<O extends AttributeOptions<Dynamic>>(options: O) {
    return define<Dynamic, O>(types.dynamic, options);
  },
  /** An attribute of any value type built with {@link types}, e.g. `types.list(types.string)`. */
  of<T, O extends AttributeOptions<T>>(type: ValueType<T>, options: O) {
    return define<T, O>(type, options);
  },
  /** A list of `element` values. */
  list<E, O extends AttributeOptions<E[]>>(element: ValueType<E>, options: O) {
    return define<E[], O>(types.list(element), options);
  },
  /** A set of `element` values. */
  set<E, O extends AttributeOptions<E[]>>(element: ValueType<E>, options: O) {
    return define<E[], O>(types.set(element), options);
  },
  /** A map from strings to `element` values. */
  map<E, O extends AttributeOptions<Record<string, E>>>(element: ValueType<E>, options: O) {
    return define<Record<string, E>, O>(types.map(element), options);
  },
  /** One nested object whose fields are attributes (`x = { a = 1 }`). */
  single<A extends Attributes, O extends AttributeOptions<ModelOfAttributes<A>>>(
    attributes: A,
    options: O,
  ) {
    return define<ModelOfAttributes<A>, O>(nestedType("single", attributes), options, {
      nesting: "single",
      attributes,
    });
  },
  /** A list of nested objects (`x = [{ a = 1 }]`). */
  listNested<A extends Attributes, O extends AttributeOptions<ModelOfAttributes<A>[]>>(
    attributes: A,
    options: O,
  ) {
    return define<ModelOfAttributes<A>[], O>(nestedType("list", attributes), options, {
      nesting: "list",
      attributes,
    });
  },
  /** A set of nested objects. */
  setNested<A extends Attributes, O extends AttributeOptions<ModelOfAttributes<A>[]>>(
    attributes: A,
    options: O,
  ) {
    return define<ModelOfAttributes<A>[], O>(nestedType("set", attributes), options, {
      nesting: "set",
      attributes,
    });
  },
  /** A map of nested objects. */
  mapNested<A extends Attributes, O extends AttributeOptions<Record<string, ModelOfAttributes<A>>>>(
    attributes: A,
    options: O,
  ) {
    return define<Record<string, ModelOfAttributes<A>>, O>(nestedType("map", attributes), options, {
      nesting: "map",
      attributes,
    });
  },
};

/** The TypeScript value of one field, by mode: required fields are never null. */
export type FieldOf<A> =
  A extends Attribute<infer T, infer M> ? (M extends "required" ? T : T | null) : never;

/** The plain object a set of attributes describes. */
export type ModelOfAttributes<A extends Attributes> = { -readonly [K in keyof A]: FieldOf<A[K]> };
