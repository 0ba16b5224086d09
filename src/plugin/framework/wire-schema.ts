/**
 * Converts schema definitions into the protocol's Schema messages (GetProviderSchema).
 */
import type { Attribute, Attributes } from "../schema/attributes.js";
import type { Blocks, Schema } from "../schema/schema.js";
import type { WireAttribute, WireBlock, WireSchema } from "../wire/common.js";

/** The protocol description of a schema. */
export function toWireSchema(schema: Schema): WireSchema {
  return { version: schema.version, block: toWireBlock(schema, schema.attributes, schema.blocks) };
}

interface Described {
  readonly description: string;
  readonly markdownDescription?: string;
  readonly deprecated?: string;
}

function toWireBlock(described: Described, attributes: Attributes, blocks: Blocks): WireBlock {
  return {
    ...description(described),
    deprecated: described.deprecated !== undefined,
    attributes: Object.entries(attributes).map(([name, a]) => toWireAttribute(name, a)),
    blockTypes: Object.entries(blocks).map(([typeName, b]) => ({
      typeName,
      block: toWireBlock(b, b.attributes, b.blocks),
      nesting: b.nesting,
      minItems: b.minItems,
      maxItems: b.maxItems,
    })),
  };
}

function toWireAttribute(name: string, a: Attribute): WireAttribute {
  return {
    name,
    ...(a.nested
      ? {
          nestedType: {
            nesting: a.nested.nesting,
            attributes: Object.entries(a.nested.attributes).map(([n, x]) => toWireAttribute(n, x)),
          },
        }
      : { type: a.type }),
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
    ? { description: d.markdownDescription, descriptionKind: "markdown" as const }
    : { description: d.description, descriptionKind: "plain" as const };
}
