/**
 * A provider's schemas as `terraform providers schema -json` prints them: the document the
 * ecosystem's binding generator reads (`cdktf get` / `cdktn get` obtain it from Terraform). Made
 * from the definitions in code, so that generating the bindings needs no build and no Terraform;
 * test/e2e/bindings/schema-json.test.ts checks it against what Terraform prints.
 */
import type { Attribute, Block, CtyType, Schema } from "../../src/plugin/index.js";

/** One attribute, in Terraform's JSON form (`command/jsonprovider`). */
export interface JsonAttribute {
  readonly type?: unknown;
  readonly nested_type?: {
    readonly attributes: Record<string, JsonAttribute>;
    nesting_mode: string;
  };
  readonly description?: string;
  readonly description_kind: "plain" | "markdown";
  readonly deprecated?: true;
  readonly required?: true;
  readonly optional?: true;
  readonly computed?: true;
  readonly sensitive?: true;
  readonly write_only?: true;
}

/** One block (a schema's top level or a nested block type), in Terraform's JSON form. */
export interface JsonBlock {
  readonly attributes?: Record<string, JsonAttribute>;
  readonly block_types?: Record<string, JsonBlockType>;
  readonly description?: string;
  readonly description_kind: "plain" | "markdown";
  readonly deprecated?: true;
}

/** A nested block type, in Terraform's JSON form. */
export interface JsonBlockType {
  readonly nesting_mode: string;
  readonly block: JsonBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** A versioned schema, in Terraform's JSON form. */
export interface JsonSchema {
  readonly version: number;
  readonly block: JsonBlock;
}

/** One provider's entry in the document. */
export interface JsonProviderSchema {
  readonly provider: JsonSchema;
  readonly resource_schemas?: Record<string, JsonSchema>;
  readonly data_source_schemas?: Record<string, JsonSchema>;
  readonly ephemeral_resource_schemas?: Record<string, JsonSchema>;
}

/** The whole `terraform providers schema -json` document. */
export interface ProvidersSchemaJson {
  readonly format_version: "1.0";
  readonly provider_schemas: Record<string, JsonProviderSchema>;
}

/** What the document is made from: a provider definition's schemas (see `defineProvider`). */
export interface ProviderSchemas {
  readonly schema: Schema;
  readonly resources?: Readonly<Record<string, { readonly schema: Schema }>>;
  readonly dataSources?: Readonly<Record<string, { readonly schema: Schema }>>;
  readonly ephemeralResources?: Readonly<Record<string, { readonly schema: Schema }>>;
}

/** The document Terraform prints for `provider`, installed under the source address `source`. */
export function providersSchemaJson(
  provider: ProviderSchemas,
  source: string,
): ProvidersSchemaJson {
  const kinds = {
    resource_schemas: provider.resources,
    data_source_schemas: provider.dataSources,
    ephemeral_resource_schemas: provider.ephemeralResources,
  };
  const entry: Record<string, unknown> = { provider: schemaJson(provider.schema) };
  for (const [kind, types] of Object.entries(kinds)) {
    const names = Object.keys(types ?? {});
    // Terraform leaves out a kind the provider does not serve.
    if (names.length > 0) entry[kind] = sortedRecord(names, (n) => schemaJson(types![n]!.schema));
  }
  return {
    format_version: "1.0",
    provider_schemas: { [source]: entry as unknown as JsonProviderSchema },
  };
}

function schemaJson(schema: Schema): JsonSchema {
  return { version: schema.version, block: blockJson(schema) };
}

// Terraform writes Go maps, whose keys come out sorted; the generator keeps that order.
function sortedRecord<T>(names: Iterable<string>, value: (name: string) => T): Record<string, T> {
  return Object.fromEntries([...names].sort().map((name) => [name, value(name)]));
}

interface Described {
  readonly description: string;
  readonly markdownDescription?: string;
  readonly deprecated?: string;
}

// Empty strings and false flags are left out, as Go's `omitempty` does.
function described(d: Described) {
  const markdown = d.markdownDescription !== undefined;
  const text = markdown ? d.markdownDescription! : d.description;
  return {
    ...(text !== "" ? { description: text } : {}),
    description_kind: markdown ? ("markdown" as const) : ("plain" as const),
    ...(d.deprecated !== undefined ? { deprecated: true as const } : {}),
  };
}

function blockJson(block: Schema | Block): JsonBlock {
  const attributes = Object.keys(block.attributes);
  const blocks = Object.keys(block.blocks);
  return {
    ...(attributes.length > 0
      ? { attributes: sortedRecord(attributes, (n) => attributeJson(block.attributes[n]!)) }
      : {}),
    ...(blocks.length > 0
      ? { block_types: sortedRecord(blocks, (n) => blockTypeJson(block.blocks[n]!)) }
      : {}),
    ...described(block),
  };
}

function blockTypeJson(block: Block): JsonBlockType {
  return {
    nesting_mode: block.nesting,
    block: blockJson(block),
    ...(block.minItems > 0 ? { min_items: block.minItems } : {}),
    ...(block.maxItems > 0 ? { max_items: block.maxItems } : {}),
  };
}

function attributeJson(a: Attribute): JsonAttribute {
  const flag = (on: boolean) => (on ? (true as const) : undefined);
  const flags = {
    required: flag(a.mode === "required"),
    optional: flag(a.mode === "optional" || a.mode === "optional-computed"),
    computed: flag(a.mode === "computed" || a.mode === "optional-computed"),
    sensitive: flag(a.sensitive),
    write_only: flag(a.writeOnly),
  };
  const { deprecated, ...text } = described(a);
  return {
    ...(a.nested
      ? {
          nested_type: {
            attributes: sortedRecord(Object.keys(a.nested.attributes), (n) =>
              attributeJson(a.nested!.attributes[n]!),
            ),
            nesting_mode: a.nested.nesting,
          },
        }
      : { type: sortedType(a.type) }),
    ...text,
    ...(deprecated ? { deprecated } : {}),
    ...Object.fromEntries(Object.entries(flags).filter(([, on]) => on)),
  };
}

// cty writes an object type's attributes in name order, like every other map.
function sortedType(type: CtyType): unknown {
  if (!Array.isArray(type)) return type;
  const [kind, arg, ...rest] = type as readonly unknown[];
  if (kind === "object") {
    const fields = arg as Record<string, CtyType>;
    return [kind, sortedRecord(Object.keys(fields), (n) => sortedType(fields[n]!)), ...rest];
  }
  if (kind === "tuple") return [kind, (arg as CtyType[]).map(sortedType)];
  return [kind, sortedType(arg as CtyType)];
}
