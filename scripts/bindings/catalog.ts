/**
 * What the bindings are generated from: the provider block's schema and the schema of every
 * resource and data source type the amazonads provider serves (read from the provider's own
 * tables, so a type added there gets its binding), with the names CDKTF users see.
 */
import type { Schema } from "../../src/plugin/index.js";
import { PROVIDER_TYPE } from "../../src/provider/provider-address.js";
import { DATA_SOURCES, RESOURCES, providerSchema } from "../../src/provider/provider.js";
import { className, fileStem } from "./names.js";

/** Which kind of Terraform object a binding declares. */
export type BindingKind = "provider" | "resource" | "dataSource";

/** One class to generate. */
export interface BindingSpec {
  readonly kind: BindingKind;
  /** `amazonads`, `amazonads_profile`, … */
  readonly terraformType: string;
  /** The exported class, e.g. `AmazonadsProfile` or `DataAmazonadsProfiles`. */
  readonly className: string;
  /** The file name without extension, e.g. `profile` or `data-profiles`. */
  readonly fileName: string;
  readonly schema: Schema;
}

const schemasOf = (types: Readonly<Record<string, { readonly schema: Schema }>>) =>
  Object.fromEntries(Object.entries(types).map(([type, served]) => [type, served.schema]));

/** The managed resource types the provider serves, by Terraform type name. */
export const RESOURCE_SCHEMAS: Readonly<Record<string, Schema>> = schemasOf(RESOURCES);

/** The data source types the provider serves, by Terraform type name. */
export const DATA_SOURCE_SCHEMAS: Readonly<Record<string, Schema>> = schemasOf(DATA_SOURCES);

/** Every binding, provider first, then resources and data sources in name order. */
export function bindingCatalog(): BindingSpec[] {
  const provider: BindingSpec = {
    kind: "provider",
    terraformType: PROVIDER_TYPE,
    className: `${className(PROVIDER_TYPE)}Provider`,
    fileName: "provider",
    schema: providerSchema,
  };
  const of = (kind: "resource" | "dataSource", schemas: Readonly<Record<string, Schema>>) =>
    Object.keys(schemas)
      .sort()
      .map((type) => ({
        kind,
        terraformType: type,
        className: `${kind === "dataSource" ? "Data" : ""}${className(type)}`,
        fileName: `${kind === "dataSource" ? "data-" : ""}${fileStem(type, PROVIDER_TYPE)}`,
        schema: schemas[type]!,
      }));
  return [provider, ...of("resource", RESOURCE_SCHEMAS), ...of("dataSource", DATA_SOURCE_SCHEMAS)];
}
