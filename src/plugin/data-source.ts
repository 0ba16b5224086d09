/**
 * Data sources: read-only lookups whose result Terraform keeps until the next plan.
 */
import type { RequestContext } from "./context.js";
import type { Diagnostics } from "./diagnostics.js";
import type { Model, Planned, Schema } from "./schema/schema.js";
import type { ValidateConfigRequest, ValidateConfigResponse } from "./resource.js";

/** Read a data source. */
export interface DataSourceReadRequest<S extends Schema, D> extends RequestContext<D> {
  /** The configuration (wholly known: Terraform defers reads whose config is unknown). */
  readonly config: Model<S>;
}

/** A data source read's answer. */
export interface DataSourceReadResponse<S extends Schema> {
  /** Pre-populated with the configuration, computed attributes unknown; set them all. */
  state: Planned<S>;
  readonly diagnostics: Diagnostics;
}

/** A data source type. */
export interface DataSource<S extends Schema, D = unknown> {
  /** The data source's schema. */
  readonly schema: S;
  read(
    request: DataSourceReadRequest<S, D>,
    response: DataSourceReadResponse<S>,
  ): Promise<void> | void;
  /** Validates the configuration as a whole. */
  validateConfig?(
    request: ValidateConfigRequest<S>,
    response: ValidateConfigResponse,
  ): Promise<void> | void;
}

/** Identity function that gives a data source definition its inferred types. */
export function defineDataSource<S extends Schema, D>(
  dataSource: DataSource<S, D>,
): DataSource<S, D> {
  return dataSource;
}
