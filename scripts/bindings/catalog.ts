/**
 * What the bindings are generated from: the provider block's schema and the schema of every
 * resource and data source type the amazonads provider serves, with the names CDKTF users see.
 */
import type { Schema } from "../../src/plugin/index.js";
import { providerSchema } from "../../src/provider/provider.js";
import { authorizationSchema } from "../../src/provider/authorization/schema.js";
import { lwaAppSchema } from "../../src/provider/lwa-app/schema.js";
import { profileSchema } from "../../src/provider/profile/schema.js";
import { profilesSchema } from "../../src/provider/profiles/schema.js";
import { testAccountSchema } from "../../src/provider/test-account/schema.js";
import { PROVIDER_TYPE } from "../../src/provider/identity.js";
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

/** The managed resource types by Terraform type name. */
export const RESOURCE_SCHEMAS: Readonly<Record<string, Schema>> = {
  amazonads_lwa_app: lwaAppSchema,
  amazonads_authorization: authorizationSchema,
  amazonads_profile: profileSchema,
  amazonads_test_account: testAccountSchema,
};

/** The data source types by Terraform type name. */
export const DATA_SOURCE_SCHEMAS: Readonly<Record<string, Schema>> = {
  amazonads_profiles: profilesSchema,
};

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
