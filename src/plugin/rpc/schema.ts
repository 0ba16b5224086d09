/**
 * Converts schema definitions into the protocol's Schema messages (GetProviderSchema).
 */
import * as tf from "../proto/gen/tfplugin6.js";
import type { Attribute, Attributes } from "../schema/attributes.js";
import type { Blocks, Schema } from "../schema/schema.js";
import { typeToJson } from "../values/types.js";
import { NO_BYTES } from "./messages.js";

/** The protocol description of a schema. */
export function toWireSchema(schema: Schema): tf.Schema {
  return {
    version: schema.version,
    block: toWireBlock(schema, schema.attributes, schema.blocks, schema.version),
  };
}

interface Described {
  readonly description: string;
  readonly markdownDescription?: string;
  readonly deprecated?: string;
}

const BLOCK_NESTING = {
  single: tf.Schema_NestedBlock_NestingMode.SINGLE,
  list: tf.Schema_NestedBlock_NestingMode.LIST,
  set: tf.Schema_NestedBlock_NestingMode.SET,
} as const;

const OBJECT_NESTING = {
  single: tf.Schema_Object_NestingMode.SINGLE,
  list: tf.Schema_Object_NestingMode.LIST,
  set: tf.Schema_Object_NestingMode.SET,
  map: tf.Schema_Object_NestingMode.MAP,
} as const;

function toWireBlock(
  described: Described,
  attributes: Attributes,
  blocks: Blocks,
  version: number,
): tf.Schema_Block {
  return {
    version,
    ...description(described),
    deprecated: described.deprecated !== undefined,
    attributes: Object.entries(attributes).map(([name, a]) => toWireAttribute(name, a)),
    blockTypes: Object.entries(blocks).map(([typeName, b]) => ({
      typeName,
      block: toWireBlock(b, b.attributes, b.blocks, 0),
      nesting: BLOCK_NESTING[b.nesting],
      minItems: b.minItems,
      maxItems: b.maxItems,
    })),
  };
}

function toWireAttribute(name: string, a: Attribute): tf.Schema_Attribute {
  return {
    name,
    ...(a.nested
      ? {
          type: NO_BYTES,
          nestedType: {
            nesting: OBJECT_NESTING[a.nested.nesting],
            attributes: Object.entries(a.nested.attributes).map(([n, x]) => toWireAttribute(n, x)),
          },
        }
      : { type: new TextEncoder().encode(typeToJson(a.type)) }),
    ...description(a),
    required: a.mode === "required",
    optional: a.mode === "optional" || a.mode === "optional-computed",
    computed: a.mode === "computed" || a.mode === "optional-computed",
    sensitive: a.sensitive,
    deprecated: a.deprecated !== undefined,
    writeOnly: a.writeOnly,
  };
}

function description(d: Described) {
  return d.markdownDescription !== undefined
    ? { description: d.markdownDescription, descriptionKind: tf.StringKind.MARKDOWN }
    : { description: d.description, descriptionKind: tf.StringKind.PLAIN };
}
