/**
 * Managed resources: the handler interface and one request/response pair per lifecycle operation.
 *
 * Responses are pre-populated as their field comments say, so a handler only changes what it
 * must. Handlers report problems by adding diagnostics to the response; an exception becomes a
 * short error diagnostic. Optional capabilities are optional methods.
 */
import type { RequestContext } from "./context.js";
import type { Diagnostics } from "./diagnostics.js";
import type { AttributePath } from "./path.js";
import type { Config, Model, Planned, Schema } from "./schema/schema.js";

/** Create: make the remote object that the plan describes. */
export interface CreateRequest<S extends Schema, D> extends RequestContext<D> {
  /** The configuration (wholly known at apply time). */
  readonly config: Model<S>;
  /** The planned state: configured values, defaults, and unknowns for computed attributes. */
  readonly plan: Planned<S>;
  /** Private data planned by `modifyPlan`, if any. */
  readonly private: Uint8Array | undefined;
}

/** Create's answer. */
export interface CreateResponse<S extends Schema> {
  /** Pre-populated with the plan; set every unknown (computed) attribute. */
  state: Planned<S>;
  /** Private bytes stored with the state (never shown to users). */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Read: refresh the state from the remote object. */
export interface ReadRequest<S extends Schema, D> extends RequestContext<D> {
  /** The state as last stored (after import, only what the import set). */
  readonly state: Model<S>;
  /** Private bytes stored with the state. */
  readonly private: Uint8Array | undefined;
}

/** Read's answer. */
export interface ReadResponse<S extends Schema> {
  /** Pre-populated with the prior state. Set to null when the object is gone: Terraform then plans to create it. */
  state: Model<S> | null;
  /** Pre-populated with the prior private bytes. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Update: change the remote object in place to match the plan. */
export interface UpdateRequest<S extends Schema, D> extends RequestContext<D> {
  /** The configuration (wholly known at apply time). */
  readonly config: Model<S>;
  /** The planned state. */
  readonly plan: Planned<S>;
  /** The prior state. */
  readonly state: Model<S>;
  /** Private bytes from the plan. */
  readonly private: Uint8Array | undefined;
}

/** Update's answer. */
export interface UpdateResponse<S extends Schema> {
  /** Pre-populated with the plan; set every unknown (computed) attribute. */
  state: Planned<S>;
  /** Pre-populated with the planned private bytes. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Delete: remove the remote object. */
export interface DeleteRequest<S extends Schema, D> extends RequestContext<D> {
  /** The prior state. */
  readonly state: Model<S>;
  /** Private bytes stored with the state. */
  readonly private: Uint8Array | undefined;
}

/** Delete's answer: on success Terraform forgets the object. */
export interface DeleteResponse {
  readonly diagnostics: Diagnostics;
}

/** Import: identify an existing remote object by the id the user gave `terraform import`. */
export interface ImportRequest<D> extends RequestContext<D> {
  /** The id from `terraform import ADDR ID` or an `import` block. */
  readonly id: string;
}

/** Import's answer. Terraform calls Read next, which fills in the rest. */
export interface ImportResponse<S extends Schema> {
  /** Pre-populated with every attribute null; set what identifies the object (at least its id). */
  state: { -readonly [K in keyof Model<S>]: Model<S>[K] | null };
  /** Private bytes to store. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Upgrade state: convert state stored under an older schema version. */
export interface UpgradeStateRequest<D> extends Omit<RequestContext<D>, "providerData"> {
  /** The schema version the state was stored with. */
  readonly version: number;
  /** The stored state as plain JavaScript (numbers too large for `number` are `BigNumber`). */
  readonly rawState: unknown;
}

/** Upgrade state's answer. */
export interface UpgradeStateResponse<S extends Schema> {
  /** Set to the state in the current schema. */
  state: Model<S> | undefined;
  readonly diagnostics: Diagnostics;
}

/** Modify plan: adjust what the framework planned (also called with a null plan on destroy). */
export interface ModifyPlanRequest<S extends Schema, D> extends RequestContext<D> {
  /** The configuration; may contain unknowns. Null on destroy. */
  readonly config: Config<S> | null;
  /** The prior state; null on create. */
  readonly state: Model<S> | null;
  /** Private bytes of the prior state. */
  readonly private: Uint8Array | undefined;
}

/** Modify plan's answer. */
export interface ModifyPlanResponse<S extends Schema> {
  /** Pre-populated with the framework's plan (null on destroy); change it as needed. */
  plan: Config<S> | null;
  /** Pre-populated with replacement paths found so far; add paths whose change forces replacement. */
  readonly requiresReplace: AttributePath[];
  /** Private bytes handed to apply; pre-populated with the prior private bytes. */
  private: Uint8Array | undefined;
  readonly diagnostics: Diagnostics;
}

/** Validate config: check a configuration beyond per-attribute validators. */
export interface ValidateConfigRequest<S extends Schema> {
  /** The configuration; any value may be unknown (skip those). */
  readonly config: Config<S>;
  /** A logger. */
  readonly log: RequestContext<unknown>["log"];
}

/** Validate config's answer. */
export interface ValidateConfigResponse {
  readonly diagnostics: Diagnostics;
}

/**
 * A managed resource type. `D` is the provider data its handlers receive.
 *
 * Method syntax keeps resources of different schemas assignable to `Resource<Schema, D>`.
 */
export interface Resource<S extends Schema, D = unknown> {
  /** The resource's schema. */
  readonly schema: S;
  create(request: CreateRequest<S, D>, response: CreateResponse<S>): Promise<void> | void;
  read(request: ReadRequest<S, D>, response: ReadResponse<S>): Promise<void> | void;
  update(request: UpdateRequest<S, D>, response: UpdateResponse<S>): Promise<void> | void;
  delete(request: DeleteRequest<S, D>, response: DeleteResponse): Promise<void> | void;
  /** Supports `terraform import`. Without it, import fails with a clear message. */
  importState?(request: ImportRequest<D>, response: ImportResponse<S>): Promise<void> | void;
  /** Converts state from older schema versions. */
  upgradeState?(
    request: UpgradeStateRequest<D>,
    response: UpgradeStateResponse<S>,
  ): Promise<void> | void;
  /** Adjusts the plan after the framework's planning rules ran. */
  modifyPlan?(
    request: ModifyPlanRequest<S, D>,
    response: ModifyPlanResponse<S>,
  ): Promise<void> | void;
  /** Validates the configuration as a whole. */
  validateConfig?(
    request: ValidateConfigRequest<S>,
    response: ValidateConfigResponse,
  ): Promise<void> | void;
}

/** Identity function that gives a resource definition its inferred types. */
export function defineResource<S extends Schema, D>(resource: Resource<S, D>): Resource<S, D> {
  return resource;
}
