/**
 * A provider: its configuration schema, how it configures itself, and the resource, data source
 * and ephemeral resource types it serves.
 */
import type { DataSource } from "./data-source.js";
import type { Diagnostics } from "./diagnostics.js";
import type { EphemeralResource } from "./ephemeral-resource.js";
import type { Logger } from "./logging.js";
import type { Resource, ValidateConfigRequest, ValidateConfigResponse } from "./resource.js";
import type { Config, Schema } from "./schema/schema.js";

/** Configure: turn the provider block into data the handlers receive. */
export interface ConfigureRequest<S extends Schema> {
  /** The provider configuration; values may be unknown while planning. */
  readonly config: Config<S>;
  /** Terraform's version, e.g. `1.11.4`. */
  readonly terraformVersion: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

/** Configure's answer. */
export interface ConfigureResponse<D> {
  /** Set to what resource, data source and ephemeral handlers receive as `providerData`. */
  providerData: D | undefined;
  readonly diagnostics: Diagnostics;
}

/** A provider definition. `D` is what `configure` hands to every other handler. */
export interface Provider<S extends Schema, D = unknown> {
  /** The provider's type name: resources are `<typeName>_*`. */
  readonly typeName: string;
  /** The `provider "<typeName>" { … }` block's schema. */
  readonly schema: S;
  /** Managed resource types by full type name (`amazonads_profile`). */
  readonly resources?: Readonly<Record<string, Resource<Schema, D>>>;
  /** Data source types by full type name. */
  readonly dataSources?: Readonly<Record<string, DataSource<Schema, D>>>;
  /** Ephemeral resource types by full type name. */
  readonly ephemeralResources?: Readonly<Record<string, EphemeralResource<Schema, D>>>;
  /** Produces the provider data; without it handlers receive undefined. */
  configure?(request: ConfigureRequest<S>, response: ConfigureResponse<D>): Promise<void> | void;
  /** Validates the provider configuration as a whole. */
  validateConfig?(
    request: ValidateConfigRequest<S>,
    response: ValidateConfigResponse,
  ): Promise<void> | void;
}

/** Identity function that gives a provider definition its inferred types. */
export function defineProvider<S extends Schema, D>(provider: Provider<S, D>): Provider<S, D> {
  return provider;
}
