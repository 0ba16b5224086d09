/**
 * The managed-resource RPCs: validate, upgrade, read, plan, apply and import, each turning wire
 * values into typed requests, running the handler, and checking what it returned.
 */
import type { Diagnostics } from "../diagnostics.js";
import { formatPath } from "../path.js";
import type { Resource } from "../resource.js";
import type { Schema } from "../schema/schema.js";
import { decodeFlatmap } from "../values/flatmap.js";
import { decodeJsonValue, jsonTreeToPlain, parseJsonLosslessly } from "../values/json.js";
import { emptyRecord, isWhollyKnown, type Value } from "../values/value.js";
import {
  encodeResponse,
  type ApplyResourceChangeRequest,
  type ConfigRequest,
  type ImportResourceStateRequest,
  type PlanResourceChangeRequest,
  type ReadResourceRequest,
  type UpgradeResourceStateRequest,
} from "../wire/tfplugin6.js";
import { reconcileWithPlan, withoutUnknowns } from "./consistency.js";
import {
  decodeValue,
  encodeState,
  newDiagnostics,
  requestContext,
  runHandler,
  traceValue,
  unknownType,
  validateWithHandler,
  type Host,
} from "./host.js";
import { planChange } from "./planning.js";
import { cloneValue } from "./shape.js";

type AnyResource = Resource<Schema, unknown>;

/** Handles the resource RPCs of one provider. */
export class ResourceRpcs {
  constructor(private readonly host: Host) {}

  private find(typeName: string, diagnostics: Diagnostics): AnyResource | undefined {
    const resource = this.host.provider.resources?.[typeName];
    if (!resource) unknownType(diagnostics, "resource", typeName);
    return resource;
  }

  /** ValidateResourceConfig. */
  async validate(req: ConfigRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const resource = this.find(req.typeName, diagnostics);
    if (resource) {
      await validateWithHandler(this.host, resource, req.config, req.typeName, signal, diagnostics);
    }
    return encodeResponse.diagnosticsOnly(1, diagnostics.all());
  }

  /** UpgradeResourceState: current-version JSON is decoded directly; older versions go through `upgradeState`. */
  async upgrade(req: UpgradeResourceStateRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const resource = this.find(req.typeName, diagnostics);
    if (!resource) return encodeResponse.upgradeResourceState(undefined, diagnostics.all());
    const schema = resource.schema;
    const { json, flatmap } = req.rawState;
    const tree = json ? parseJsonLosslessly(new TextDecoder().decode(json)) : undefined;
    let state: Value = null;
    if (tree === undefined && flatmap === undefined) state = null;
    else if (req.version === schema.version) {
      state =
        tree !== undefined
          ? decodeJsonValue(tree, schema.type)
          : decodeFlatmap(flatmap ?? {}, schema.type);
    } else if (req.version > schema.version) {
      diagnostics.error(
        `State of ${req.typeName} is from a newer provider`,
        `The state was written with schema version ${req.version}, but this provider knows versions up to ` +
          `${schema.version}. Use the provider version that wrote it, or a newer one.`,
      );
    } else if (!resource.upgradeState) {
      diagnostics.error(
        `Cannot upgrade the state of ${req.typeName}`,
        `The state has schema version ${req.version}; this provider (version ${schema.version}) has no upgrade ` +
          "for it. This is a bug in the provider.",
      );
    } else {
      const response = { state: undefined as Value | undefined, diagnostics };
      const rawState = tree !== undefined ? jsonTreeToPlain(tree) : flatmap;
      const context = requestContext(this.host, signal, { tf_resource_type: req.typeName });
      const upgrade = resource.upgradeState.bind(resource);
      await runHandler(
        this.host,
        diagnostics,
        `Upgrading the state of ${req.typeName}`,
        signal,
        () =>
          upgrade(
            { version: req.version, rawState, log: context.log, signal: context.signal },
            response as never,
          ),
      );
      if (response.state === undefined && !diagnostics.hasErrors()) {
        diagnostics.error(
          `Upgrading the state of ${req.typeName} produced nothing`,
          "This is a bug in the provider.",
        );
      }
      state = response.state ?? null;
    }
    if (diagnostics.hasErrors())
      return encodeResponse.upgradeResourceState(undefined, diagnostics.all());
    return encodeResponse.upgradeResourceState(encodeState(schema, state), diagnostics.all());
  }

  /** ReadResource: the handler refreshes state or sets it null when the object is gone. */
  async read(req: ReadResourceRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const resource = this.find(req.typeName, diagnostics);
    if (!resource) return encodeResponse.readResource(undefined, req.private, diagnostics.all());
    const schema = resource.schema;
    const state = decodeValue(req.currentState, schema.type);
    if (state === null)
      return encodeResponse.readResource(encodeState(schema, null), req.private, diagnostics.all());
    const priv = req.private.length > 0 ? req.private : undefined;
    const response = { state: cloneValue(state), private: priv, diagnostics };
    const context = requestContext(this.host, signal, {
      tf_resource_type: req.typeName,
      tf_rpc: "ReadResource",
    });
    await runHandler(this.host, diagnostics, `Reading ${req.typeName}`, context.signal, () =>
      resource.read({ ...context, state: state as never, private: priv }, response as never),
    );
    let newState: Value = response.state;
    if (diagnostics.hasErrors()) newState = state;
    else if (!isWhollyKnown(newState)) {
      diagnostics.error(
        `Reading ${req.typeName} left values unknown`,
        "This is a bug in the provider.",
      );
      newState = withoutUnknowns(newState);
    }
    traceValue(this.host, "read resource", schema, { state: newState });
    return encodeResponse.readResource(
      encodeState(schema, newState),
      response.private ?? new Uint8Array(),
      diagnostics.all(),
    );
  }

  /** PlanResourceChange: framework planning rules, then the handler's `modifyPlan`. */
  async plan(req: PlanResourceChangeRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const empty = new Uint8Array();
    const resource = this.find(req.typeName, diagnostics);
    if (!resource) {
      return encodeResponse.planResourceChange({
        planned: undefined,
        requiresReplace: [],
        plannedPrivate: empty,
        diagnostics: diagnostics.all(),
      });
    }
    const schema = resource.schema;
    const prior = decodeValue(req.priorState, schema.type);
    const proposed = decodeValue(req.proposedNewState, schema.type);
    const config = decodeValue(req.config, schema.type);
    const plan =
      proposed === null
        ? { planned: null, requiresReplace: [] }
        : planChange(schema, { prior, proposed, config });
    const priv = req.priorPrivate.length > 0 ? req.priorPrivate : undefined;
    const response = {
      plan: plan.planned,
      requiresReplace: plan.requiresReplace,
      private: priv,
      diagnostics,
    };
    if (resource.modifyPlan) {
      const modify = resource.modifyPlan.bind(resource);
      const context = requestContext(this.host, signal, {
        tf_resource_type: req.typeName,
        tf_rpc: "PlanResourceChange",
      });
      await runHandler(this.host, diagnostics, `Planning ${req.typeName}`, context.signal, () =>
        modify(
          {
            ...context,
            config: (proposed === null ? null : config) as never,
            state: prior as never,
            private: priv,
          },
          response as never,
        ),
      );
    }
    traceValue(this.host, "planned resource change", schema, { prior, planned: response.plan });
    return encodeResponse.planResourceChange({
      planned: encodeState(schema, response.plan),
      requiresReplace: response.requiresReplace,
      plannedPrivate: response.private ?? empty,
      diagnostics: diagnostics.all(),
    });
  }

  /** ApplyResourceChange: create, update or delete, then hold the result to the plan. */
  async apply(req: ApplyResourceChangeRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const resource = this.find(req.typeName, diagnostics);
    if (!resource)
      return encodeResponse.applyResourceChange(undefined, new Uint8Array(), diagnostics.all());
    const schema = resource.schema;
    const prior = decodeValue(req.priorState, schema.type);
    const planned = decodeValue(req.plannedState, schema.type);
    const config = decodeValue(req.config, schema.type);
    const priv = req.plannedPrivate.length > 0 ? req.plannedPrivate : undefined;
    const verb = planned === null ? "delete" : prior === null ? "create" : "update";
    const context = requestContext(this.host, signal, {
      tf_resource_type: req.typeName,
      tf_rpc: "ApplyResourceChange",
      tf_operation: verb,
    });
    const what = `${verb === "create" ? "Creating" : verb === "update" ? "Updating" : "Deleting"} ${req.typeName}`;

    if (planned === null) {
      await runHandler(this.host, diagnostics, what, context.signal, () =>
        resource.delete({ ...context, state: prior as never, private: priv }, { diagnostics }),
      );
      // A failed delete leaves the object in state.
      const after = diagnostics.hasErrors() ? prior : null;
      return encodeResponse.applyResourceChange(
        encodeState(schema, after),
        req.plannedPrivate,
        diagnostics.all(),
      );
    }

    const response = { state: cloneValue(planned), private: priv, diagnostics };
    const request = { ...context, config: config as never, plan: planned as never, private: priv };
    await runHandler(this.host, diagnostics, what, context.signal, () =>
      verb === "create"
        ? resource.create(request, response as never)
        : resource.update({ ...request, state: prior as never }, response as never),
    );
    let newState: Value = response.state;
    if (diagnostics.hasErrors()) {
      // Keep what the handler reports only when it is complete; else nothing changed.
      if (newState === null || !isWhollyKnown(newState)) newState = prior;
    } else {
      const { value, problems } = reconcileWithPlan(schema.type, planned, newState);
      for (const problem of problems) {
        const where = formatPath(problem.path) || "the object";
        diagnostics.error(
          `Provider bug: ${req.typeName} broke its plan`,
          problem.kind === "changed"
            ? `The ${verb} handler returned a value for ${where} that differs from the planned value; ` +
                "the planned value was kept. Please report this to the provider's maintainers."
            : `The ${verb} handler left ${where} unknown; it was stored as null. ` +
                "Please report this to the provider's maintainers.",
          problem.path.length > 0 ? problem.path : undefined,
        );
      }
      newState = value;
    }
    traceValue(this.host, "applied resource change", schema, { planned, state: newState });
    return encodeResponse.applyResourceChange(
      encodeState(schema, newState),
      response.private ?? new Uint8Array(),
      diagnostics.all(),
    );
  }

  /** ImportResourceState: the handler identifies the object; Terraform reads it next. */
  async import(req: ImportResourceStateRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const resource = this.find(req.typeName, diagnostics);
    if (!resource) return encodeResponse.importResourceState([], diagnostics.all());
    if (!resource.importState) {
      diagnostics.error(
        `${req.typeName} cannot be imported`,
        `The provider does not support importing ${req.typeName}. Create it with Terraform instead.`,
      );
      return encodeResponse.importResourceState([], diagnostics.all());
    }
    const schema = resource.schema;
    const response = {
      state: nullObject(schema),
      private: undefined as Uint8Array | undefined,
      diagnostics,
    };
    const context = requestContext(this.host, signal, {
      tf_resource_type: req.typeName,
      tf_rpc: "ImportResourceState",
    });
    const importState = resource.importState.bind(resource);
    await runHandler(this.host, diagnostics, `Importing ${req.typeName}`, context.signal, () =>
      importState({ ...context, id: req.id }, response as never),
    );
    if (diagnostics.hasErrors()) return encodeResponse.importResourceState([], diagnostics.all());
    const state = withoutUnknowns(response.state);
    return encodeResponse.importResourceState(
      [
        {
          typeName: req.typeName,
          state: encodeState(schema, state),
          private: response.private ?? new Uint8Array(),
        },
      ],
      diagnostics.all(),
    );
  }
}

/** An object of `schema` with every attribute null and every list or set block empty. */
export function nullObject(schema: Schema): Record<string, Value> {
  const object = emptyRecord();
  for (const name of Object.keys(schema.attributes)) object[name] = null;
  for (const [name, b] of Object.entries(schema.blocks))
    object[name] = b.nesting === "single" ? null : [];
  return object;
}
