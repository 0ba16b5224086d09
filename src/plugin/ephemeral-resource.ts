/**
 * Ephemeral resources (Terraform ≥ 1.10): values opened for one Terraform run and never stored.
 */
import type { RequestContext } from "./context.js";
import type { Diagnostics } from "./diagnostics.js";
import type { Model, Planned, Schema } from "./schema/schema.js";
import type { ValidateConfigRequest, ValidateConfigResponse } from "./resource.js";

/** Open: produce the ephemeral value. */
export interface OpenRequest<S extends Schema, D> extends RequestContext<D> {
  /** The configuration (wholly known). */
  readonly config: Model<S>;
}

/** Open's answer. */
export interface OpenResponse<S extends Schema> {
  /** Pre-populated with the configuration, computed attributes unknown; set them all. */
  result: Planned<S>;
  /** When Terraform should call `renew` (if it still needs the value then). */
  renewAt: Date | undefined;
  /** Private bytes handed to `renew` and `close`. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Renew: extend the value's life (e.g. refresh a lease). */
export interface RenewRequest<D> extends RequestContext<D> {
  /** Private bytes from open or the previous renew. */
  readonly private: Uint8Array | undefined;
}

/** Renew's answer. */
export interface RenewResponse {
  /** When to renew again. */
  renewAt: Date | undefined;
  /** Pre-populated with the request's private bytes. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Close: release the value. */
export interface CloseRequest<D> extends RequestContext<D> {
  /** Private bytes from open or the last renew. */
  readonly private: Uint8Array | undefined;
}

/** Close's answer. */
export interface CloseResponse {
  readonly diagnostics: Diagnostics;
}

/** An ephemeral resource type. */
export interface EphemeralResource<S extends Schema, D = unknown> {
  /** The ephemeral resource's schema. */
  readonly schema: S;
  open(request: OpenRequest<S, D>, response: OpenResponse<S>): Promise<void> | void;
  renew?(request: RenewRequest<D>, response: RenewResponse): Promise<void> | void;
  close?(request: CloseRequest<D>, response: CloseResponse): Promise<void> | void;
  /** Validates the configuration as a whole. */
  validateConfig?(
    request: ValidateConfigRequest<S>,
    response: ValidateConfigResponse,
  ): Promise<void> | void;
}

/** Identity function that gives an ephemeral resource definition its inferred types. */
export function defineEphemeralResource<S extends Schema, D>(
  ephemeral: EphemeralResource<S, D>,
): EphemeralResource<S, D> {
  return ephemeral;
}
