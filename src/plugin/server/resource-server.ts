/**
 * The managed-resource operations on plain values: validate, upgrade, read, plan, apply and import.
 * Each builds the handler's typed request, runs the handler, and holds what it returned to the
 * protocol's promises (the plan kept after apply, prior state kept when an operation fails,
 * write-only attributes never returned). The RPC layer only decodes and encodes around them.
 */
import { Diagnostics, type Diagnostic } from "../diagnostics.js";
import { formatPath, type AttributePath } from "../path.js";
import type { Resource } from "../resource.js";
import type { Schema } from "../schema/schema.js";
import { decodeFlatmap } from "../values/flatmap.js";
import { decodeJsonValue, jsonTreeToPlain, parseJsonLosslessly } from "../values/json.js";
import { emptyRecord, isWhollyKnown, type Value } from "../values/value.js";
import { reconcileWithPlan, withoutUnknowns } from "./consistency.js";
import { requestContext, runHandler, traceValue, type Host } from "./host.js";
import { planChange } from "./planning.js";
import { withoutWriteOnly } from "./redaction.js";
import { cloneValue } from "./shape.js";

/** A resource type of the provider, whatever its schema. */
export type AnyResource = Resource<Schema, unknown>;

/** What every operation on one resource instance is told. */
export interface InstanceRequest {
  readonly typeName: string;
  /** Aborts when Terraform cancels the call or stops the provider. */
  readonly signal: AbortSignal;
}

/** UpgradeResourceState, with the stored state still as text. */
export interface UpgradeRequest extends InstanceRequest {
  /** The schema version the state was stored with. */
  readonly version: number;
  /** JSON text (current Terraform), or the legacy flatmap. */
  readonly rawState: {
    readonly json?: string;
    readonly flatmap?: Readonly<Record<string, string>>;
  };
}

/** ReadResource. */
export interface ReadRequest extends InstanceRequest {
  readonly state: Value;
  readonly private: Uint8Array | undefined;
}

/** PlanResourceChange: prior null on create, proposed null on destroy. */
export interface PlanRequest extends InstanceRequest {
  readonly prior: Value;
  readonly proposed: Value;
  readonly config: Value;
  readonly private: Uint8Array | undefined;
}

/** ApplyResourceChange: prior null on create, planned null on destroy. */
export interface ApplyRequest extends InstanceRequest {
  readonly prior: Value;
  readonly planned: Value;
  readonly config: Value;
  readonly private: Uint8Array | undefined;
}

/** ImportResourceState. */
export interface ImportRequest extends InstanceRequest {
  readonly id: string;
}

/** A state to send back (undefined: none, after an error), its private bytes and diagnostics. */
export interface StateResult {
  readonly state: Value | undefined;
  readonly private: Uint8Array | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** A plan to send back. */
export interface PlanResult {
  readonly planned: Value;
  readonly requiresReplace: readonly AttributePath[];
  readonly private: Uint8Array | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs the resource operations of one provider. */
export class ResourceServer {
  constructor(private readonly host: Host) {}

  /** UpgradeResourceState: current-version JSON is decoded directly; older versions go through `upgradeState`. */
  async upgrade(resource: AnyResource, request: UpgradeRequest): Promise<StateResult> {
    const diagnostics = new Diagnostics();
    const { typeName, version } = request;
    const schema = resource.schema;
    const { json, flatmap } = request.rawState;
    const tree = json !== undefined ? parseJsonLosslessly(json) : undefined;
    let state: Value = null;
    if (tree === undefined && flatmap === undefined) state = null;
    else if (version === schema.version) {
      state =
        tree !== undefined
          ? decodeJsonValue(tree, schema.type)
          : decodeFlatmap(flatmap ?? {}, schema.type);
    } else if (version > schema.version) {
      diagnostics.error(
        `State of ${typeName} is from a newer provider`,
        `The state was written with schema version ${version}, but this provider knows versions up to ` +
          `${schema.version}. Use the provider version that wrote it, or a newer one.`,
      );
    } else if (!resource.upgradeState) {
      diagnostics.error(
        `Cannot upgrade the state of ${typeName}`,
        `The state has schema version ${version}; this provider (version ${schema.version}) has no upgrade ` +
          "for it. This is a bug in the provider.",
      );
    } else {
      const response = { state: undefined as Value | undefined, diagnostics };
      const rawState = tree !== undefined ? jsonTreeToPlain(tree) : flatmap;
      const context = requestContext(this.host, request.signal, { tf_resource_type: typeName });
      const upgrade = resource.upgradeState.bind(resource);
      await runHandler(
        this.host,
        diagnostics,
        `Upgrading the state of ${typeName}`,
        context.signal,
        () =>
          upgrade(
            { version, rawState, log: context.log, signal: context.signal },
            response as never,
          ),
      );
      if (response.state === undefined && !diagnostics.hasErrors()) {
        diagnostics.error(
          `Upgrading the state of ${typeName} produced nothing`,
          "This is a bug in the provider.",
        );
      }
      state = response.state ?? null;
    }
    if (diagnostics.hasErrors()) return failed(diagnostics);
    return {
      state: withoutWriteOnly(schema, state),
      private: undefined,
      diagnostics: diagnostics.all(),
    };
  }

  /** ReadResource: the handler refreshes state or sets it null when the object is gone. */
  async read(resource: AnyResource, request: ReadRequest): Promise<StateResult> {
    const diagnostics = new Diagnostics();
    const { typeName, state } = request;
    const schema = resource.schema;
    if (state === null) return { state: null, private: request.private, diagnostics: [] };
    const response = { state: cloneValue(state), private: request.private, diagnostics };
    const context = requestContext(this.host, request.signal, {
      tf_resource_type: typeName,
      tf_rpc: "ReadResource",
    });
    await runHandler(this.host, diagnostics, `Reading ${typeName}`, context.signal, () =>
      resource.read(
        { ...context, state: state as never, private: request.private },
        response as never,
      ),
    );
    let newState: Value = response.state;
    // A failed read changes nothing: the object stays in state as it was.
    if (diagnostics.hasErrors()) newState = state;
    else if (!isWhollyKnown(newState)) {
      diagnostics.error(
        `Reading ${typeName} left values unknown`,
        "This is a bug in the provider.",
      );
      newState = withoutUnknowns(newState);
    }
    traceValue(this.host, "read resource", schema, { state: newState });
    return {
      state: withoutWriteOnly(schema, newState),
      private: response.private,
      diagnostics: diagnostics.all(),
    };
  }

  /** PlanResourceChange: the schema's planning rules, then the handler's `modifyPlan`. */
  async plan(resource: AnyResource, request: PlanRequest): Promise<PlanResult> {
    const diagnostics = new Diagnostics();
    const { typeName, prior, proposed, config } = request;
    const schema = resource.schema;
    const plan =
      proposed === null
        ? { planned: null, requiresReplace: [] }
        : planChange(schema, { prior, proposed, config });
    const response = {
      plan: plan.planned,
      requiresReplace: plan.requiresReplace,
      private: request.private,
      diagnostics,
    };
    if (resource.modifyPlan) {
      const modify = resource.modifyPlan.bind(resource);
      const context = requestContext(this.host, request.signal, {
        tf_resource_type: typeName,
        tf_rpc: "PlanResourceChange",
      });
      await runHandler(this.host, diagnostics, `Planning ${typeName}`, context.signal, () =>
        modify(
          {
            ...context,
            config: (proposed === null ? null : config) as never,
            state: prior as never,
            private: request.private,
          },
          response as never,
        ),
      );
    }
    traceValue(this.host, "planned resource change", schema, { prior, planned: response.plan });
    return {
      planned: withoutWriteOnly(schema, response.plan),
      requiresReplace: response.requiresReplace,
      private: response.private,
      diagnostics: diagnostics.all(),
    };
  }

  /** ApplyResourceChange: create, update or delete, then hold the result to the plan. */
  async apply(resource: AnyResource, request: ApplyRequest): Promise<StateResult> {
    const diagnostics = new Diagnostics();
    const { typeName, prior, planned, config } = request;
    const schema = resource.schema;
    const verb = planned === null ? "delete" : prior === null ? "create" : "update";
    const context = requestContext(this.host, request.signal, {
      tf_resource_type: typeName,
      tf_rpc: "ApplyResourceChange",
      tf_operation: verb,
    });
    const what = `${verb === "create" ? "Creating" : verb === "update" ? "Updating" : "Deleting"} ${typeName}`;

    if (planned === null) {
      await runHandler(this.host, diagnostics, what, context.signal, () =>
        resource.delete(
          { ...context, state: prior as never, private: request.private },
          { diagnostics },
        ),
      );
      // A failed delete leaves the object in state.
      const after = diagnostics.hasErrors() ? prior : null;
      return {
        state: withoutWriteOnly(schema, after),
        private: request.private,
        diagnostics: diagnostics.all(),
      };
    }

    const response = { state: cloneValue(planned), private: request.private, diagnostics };
    const handlerRequest = {
      ...context,
      config: config as never,
      plan: planned as never,
      private: request.private,
    };
    await runHandler(this.host, diagnostics, what, context.signal, () =>
      verb === "create"
        ? resource.create(handlerRequest, response as never)
        : resource.update({ ...handlerRequest, state: prior as never }, response as never),
    );
    let newState: Value = response.state;
    if (diagnostics.hasErrors()) {
      // Keep what the handler reports only when it is complete (a grant it redeemed before
      // failing); else nothing changed and the prior state stays.
      if (newState === null || !isWhollyKnown(newState)) newState = prior;
    } else {
      newState = this.holdToPlan(schema, typeName, verb, planned, newState, diagnostics);
    }
    traceValue(this.host, "applied resource change", schema, { planned, state: newState });
    return {
      state: withoutWriteOnly(schema, newState),
      private: response.private,
      diagnostics: diagnostics.all(),
    };
  }

  /** ImportResourceState: the handler identifies the object; Terraform reads it next. */
  async importState(resource: AnyResource, request: ImportRequest): Promise<StateResult> {
    const diagnostics = new Diagnostics();
    const { typeName } = request;
    if (!resource.importState) {
      diagnostics.error(
        `${typeName} cannot be imported`,
        `The provider does not support importing ${typeName}. Create it with Terraform instead.`,
      );
      return failed(diagnostics);
    }
    const schema = resource.schema;
    const response = {
      state: nullObject(schema),
      private: undefined as Uint8Array | undefined,
      diagnostics,
    };
    const context = requestContext(this.host, request.signal, {
      tf_resource_type: typeName,
      tf_rpc: "ImportResourceState",
    });
    const importState = resource.importState.bind(resource);
    await runHandler(this.host, diagnostics, `Importing ${typeName}`, context.signal, () =>
      importState({ ...context, id: request.id }, response as never),
    );
    if (diagnostics.hasErrors()) return failed(diagnostics);
    return {
      state: withoutWriteOnly(schema, withoutUnknowns(response.state)),
      private: response.private,
      diagnostics: diagnostics.all(),
    };
  }

  // What apply returns must keep every known planned value; a handler that broke its plan gets a
  // provider-bug diagnostic on the attribute instead of Terraform's "inconsistent result".
  private holdToPlan(
    schema: Schema,
    typeName: string,
    verb: string,
    planned: Value,
    actual: Value,
    diagnostics: Diagnostics,
  ): Value {
    const { value, problems } = reconcileWithPlan(schema.type, planned, actual);
    for (const problem of problems) {
      const where = formatPath(problem.path) || "the object";
      diagnostics.error(
        `Provider bug: ${typeName} broke its plan`,
        problem.kind === "changed"
          ? `The ${verb} handler returned a value for ${where} that differs from the planned value; ` +
              "the planned value was kept. Please report this to the provider's maintainers."
          : `The ${verb} handler left ${where} unknown; it was stored as null. ` +
              "Please report this to the provider's maintainers.",
        problem.path.length > 0 ? problem.path : undefined,
      );
    }
    return value;
  }
}

function failed(diagnostics: Diagnostics): StateResult {
  return { state: undefined, private: undefined, diagnostics: diagnostics.all() };
}

/** An object of `schema` with every attribute null and every list or set block empty. */
export function nullObject(schema: Schema): Record<string, Value> {
  const object = emptyRecord();
  for (const name of Object.keys(schema.attributes)) object[name] = null;
  for (const [name, b] of Object.entries(schema.blocks))
    object[name] = b.nesting === "single" ? null : [];
  return object;
}
