/**
 * Schemas: the attributes and nested blocks of a provider configuration, resource, data source or
 * ephemeral resource, plus the TypeScript types the framework derives from them.
 *
 * @example
 * const noteSchema = schema({
 *   description: "A note kept in a file.",
 *   attributes: {
 *     id: attr.string({
 *       computed: true,
 *       planModifiers: [planModifiers.useStateForUnknown()],
 *       description: "Note id.",
 *     }),
 *     text: attr.string({ required: true, description: "The note's text." }),
 *   },
 * });
 * type Note = Model<typeof noteSchema>; // { id: string | null; text: string }
 */
import type { BigNumber } from "../values/numbers.js";
import type { CtyType } from "../values/types.js";
import type { Dynamic, Unknown } from "../values/value.js";
import {
  objectTypeOf,
  type Attribute,
  type Attributes,
  type ModelOfAttributes,
} from "./attributes.js";

/** How a nested block repeats: once (`single`), or as a list or set of blocks. */
export type BlockNesting = "single" | "list" | "set";

/** A nested block type (`rule { … }`). */
export interface Block<
  A extends Attributes = Attributes,
  B extends Blocks = Blocks,
  N extends BlockNesting = BlockNesting,
> {
  readonly nesting: N;
  readonly attributes: A;
  readonly blocks: B;
  /** Plain-text description. */
  readonly description: string;
  /** Markdown description. */
  readonly markdownDescription?: string;
  /** Deprecation message. */
  readonly deprecated?: string;
  /** Fewest blocks allowed (list and set). */
  readonly minItems: number;
  /** Most blocks allowed, 0 for no limit (list and set). */
  readonly maxItems: number;
  /** The Terraform type of this block's value. */
  readonly type: CtyType;
}

/** Nested block types of an object, by name. */
export type Blocks = Readonly<Record<string, Block<Attributes, any, BlockNesting>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What {@link schema} and the block factories take. */
export interface ObjectDefinition<A extends Attributes, B extends Blocks> {
  /** Plain-text description. */
  readonly description: string;
  /** Markdown description. */
  readonly markdownDescription?: string;
  /** Deprecation message. */
  readonly deprecated?: string;
  /** Attributes by name. */
  readonly attributes: A;
  /** Nested block types by name. */
  readonly blocks?: B;
}

/** A complete, versioned schema. */
export interface Schema<A extends Attributes = Attributes, B extends Blocks = Blocks> {
  /** Bumped whenever stored state needs upgrading (see `upgradeState`). */
  readonly version: number;
  readonly description: string;
  readonly markdownDescription?: string;
  readonly deprecated?: string;
  readonly attributes: A;
  readonly blocks: B;
  /** The object type of a whole value of this schema. */
  readonly type: CtyType;
}

/** Defines a schema. */
export function schema<A extends Attributes, B extends Blocks = Record<never, never>>(
  definition: ObjectDefinition<A, B> & { readonly version?: number },
): Schema<A, B> {
  const blocks = (definition.blocks ?? {}) as B;
  return {
    ...definition,
    version: definition.version ?? 0,
    blocks,
    type: objectTypeOfBlock(definition.attributes, blocks),
  };
}

function defineBlock<A extends Attributes, B extends Blocks, N extends BlockNesting>(
  nesting: N,
  definition: ObjectDefinition<A, B> & { minItems?: number; maxItems?: number },
): Block<A, B, N> {
  const blocks = (definition.blocks ?? {}) as B;
  const object = objectTypeOfBlock(definition.attributes, blocks);
  return {
    ...definition,
    nesting,
    blocks,
    minItems: definition.minItems ?? 0,
    maxItems: definition.maxItems ?? 0,
    type: nesting === "single" ? object : [nesting, object],
  };
}

/** Nested block factories. */
export const block = {
  /** At most one block (`timeouts { … }`); its value is an object or null. */
  single<A extends Attributes, B extends Blocks = Record<never, never>>(
    definition: ObjectDefinition<A, B>,
  ) {
    return defineBlock("single", definition);
  },
  /** Any number of blocks, in order; its value is an array. */
  list<A extends Attributes, B extends Blocks = Record<never, never>>(
    definition: ObjectDefinition<A, B> & { minItems?: number; maxItems?: number },
  ) {
    return defineBlock("list", definition);
  },
  /** Any number of distinct blocks, unordered; its value is an array. */
  set<A extends Attributes, B extends Blocks = Record<never, never>>(
    definition: ObjectDefinition<A, B> & { minItems?: number; maxItems?: number },
  ) {
    return defineBlock("set", definition);
  },
};

function objectTypeOfBlock(attributes: Attributes, blocks: Blocks): CtyType {
  const type = objectTypeOf(attributes) as readonly ["object", Record<string, CtyType>];
  const fields = { ...type[1] };
  for (const [name, b] of Object.entries(blocks)) fields[name] = b.type;
  return ["object", fields];
}

/** The value of a block type: an object (or null) for `single`, else an array of objects. */
export type BlockValueOf<B> =
  B extends Block<infer A, infer BB, infer N>
    ? N extends "single"
      ? ModelOf<A, BB> | null
      : ModelOf<A, BB>[]
    : never;

/** The plain object described by attributes and blocks. */
export type ModelOf<A extends Attributes, B extends Blocks> = ModelOfAttributes<A> & {
  -readonly [K in keyof B]: BlockValueOf<B[K]>;
};

/**
 * The plain TypeScript object a schema describes: a resource's state, a data source's result,
 * a provider's configuration. Required attributes are never null; others may be.
 */
export type Model<S> = S extends Schema<infer A, infer B> ? ModelOf<A, B> : never;

/** A value that may be unknown at any depth (configuration during validation and planning). */
export type MaybeUnknown<T> =
  | Unknown
  | (T extends Dynamic | BigNumber | string | number | boolean | null
      ? T
      : T extends readonly (infer E)[]
        ? MaybeUnknown<E>[]
        : { -readonly [K in keyof T]: MaybeUnknown<T[K]> });

/** Configuration as seen before apply: any value may still be unknown. */
export type Config<S> =
  S extends Schema<infer A, infer B>
    ? { -readonly [K in keyof ModelOf<A, B>]: MaybeUnknown<ModelOf<A, B>[K]> }
    : never;

type PlannedField<A> =
  A extends Attribute<infer T, infer M>
    ? M extends "computed" | "optional-computed"
      ? MaybeUnknown<T | null>
      : A extends Attribute<infer U, "required">
        ? U
        : T | null
    : never;

/**
 * A plan as apply sees it: configured values are known; computed attributes may be unknown
 * ("known after apply") until the handler sets them.
 */
export type Planned<S> =
  S extends Schema<infer A, infer B>
    ? { -readonly [K in keyof A]: PlannedField<A[K]> } & {
        -readonly [K in keyof B]: BlockValueOf<B[K]>;
      }
    : never;
