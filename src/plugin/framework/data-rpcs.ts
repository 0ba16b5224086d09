/**
 * Data source and ephemeral resource RPCs. Both start from the configuration with computed
 * attributes unknown, let the handler fill them in, and hold the result to the configuration.
 */
import type { DataSource } from "../data-source.js";
import type { Diagnostics } from "../diagnostics.js";
import type { EphemeralResource } from "../ephemeral-resource.js";
import { formatPath } from "../path.js";
import type { Schema } from "../schema/schema.js";
import type { Value } from "../values/value.js";
import {
  encodeResponse,
  type ConfigRequest,
  type EphemeralPrivateRequest,
} from "../wire/tfplugin6.js";
import { reconcileWithPlan } from "./consistency.js";
import {
  decodeValue,
  encodeState,
  newDiagnostics,
  requestContext,
  runHandler,
  unknownType,
  validateWithHandler,
  type Host,
} from "./host.js";
import { planChange } from "./planning.js";
import { cloneValue } from "./shape.js";

/** Handles data source and ephemeral resource RPCs. */
export class DataRpcs {
  constructor(private readonly host: Host) {}

  private dataSource(typeName: string, diagnostics: Diagnostics): DataSource<Schema> | undefined {
    const found = this.host.provider.dataSources?.[typeName];
    if (!found) unknownType(diagnostics, "data source", typeName);
    return found;
  }

  private ephemeral(
    typeName: string,
    diagnostics: Diagnostics,
  ): EphemeralResource<Schema> | undefined {
    const found = this.host.provider.ephemeralResources?.[typeName];
    if (!found) unknownType(diagnostics, "ephemeral resource", typeName);
    return found;
  }

  /** ValidateDataResourceConfig / ValidateEphemeralResourceConfig. */
  async validate(
    kind: "data source" | "ephemeral resource",
    req: ConfigRequest,
    signal: AbortSignal,
  ) {
    const diagnostics = newDiagnostics();
    const target =
      kind === "data source"
        ? this.dataSource(req.typeName, diagnostics)
        : this.ephemeral(req.typeName, diagnostics);
    if (target) {
      await validateWithHandler(this.host, target, req.config, req.typeName, signal, diagnostics);
    }
    return encodeResponse.diagnosticsOnly(1, diagnostics.all());
  }

  /** ReadDataSource. */
  async read(req: ConfigRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const dataSource = this.dataSource(req.typeName, diagnostics);
    if (!dataSource) return encodeResponse.readDataSource(undefined, diagnostics.all());
    const schema = dataSource.schema;
    const config = decodeValue(req.config, schema.type);
    const planned = planChange(schema, { prior: null, proposed: config, config }).planned;
    const response = { state: cloneValue(planned), diagnostics };
    const context = requestContext(this.host, signal, {
      tf_data_source_type: req.typeName,
      tf_rpc: "ReadDataSource",
    });
    await runHandler(
      this.host,
      diagnostics,
      `Reading data source ${req.typeName}`,
      context.signal,
      () => dataSource.read({ ...context, config: config as never }, response as never),
    );
    if (diagnostics.hasErrors()) return encodeResponse.readDataSource(undefined, diagnostics.all());
    const state = this.holdTo(
      schema,
      planned,
      response.state,
      `data source ${req.typeName}`,
      diagnostics,
    );
    return encodeResponse.readDataSource(encodeState(schema, state), diagnostics.all());
  }

  /** OpenEphemeralResource. */
  async open(req: ConfigRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const none = { result: undefined, renewAt: undefined, private: undefined };
    const ephemeral = this.ephemeral(req.typeName, diagnostics);
    if (!ephemeral)
      return encodeResponse.openEphemeralResource({ ...none, diagnostics: diagnostics.all() });
    const schema = ephemeral.schema;
    const config = decodeValue(req.config, schema.type);
    const planned = planChange(schema, { prior: null, proposed: config, config }).planned;
    const response = {
      result: cloneValue(planned),
      renewAt: undefined as Date | undefined,
      private: undefined as Uint8Array | undefined,
      diagnostics,
    };
    const context = requestContext(this.host, signal, {
      tf_ephemeral_resource_type: req.typeName,
      tf_rpc: "OpenEphemeralResource",
    });
    await runHandler(this.host, diagnostics, `Opening ${req.typeName}`, context.signal, () =>
      ephemeral.open({ ...context, config: config as never }, response as never),
    );
    if (diagnostics.hasErrors())
      return encodeResponse.openEphemeralResource({ ...none, diagnostics: diagnostics.all() });
    const result = this.holdTo(
      schema,
      planned,
      response.result,
      `ephemeral resource ${req.typeName}`,
      diagnostics,
    );
    return encodeResponse.openEphemeralResource({
      result: encodeState(schema, result),
      renewAt: response.renewAt,
      private: response.private,
      diagnostics: diagnostics.all(),
    });
  }

  /** RenewEphemeralResource. */
  async renew(req: EphemeralPrivateRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const ephemeral = this.ephemeral(req.typeName, diagnostics);
    const response = { renewAt: undefined as Date | undefined, private: req.private, diagnostics };
    const renew = ephemeral?.renew?.bind(ephemeral);
    if (renew) {
      const context = requestContext(this.host, signal, {
        tf_ephemeral_resource_type: req.typeName,
        tf_rpc: "RenewEphemeralResource",
      });
      await runHandler(this.host, diagnostics, `Renewing ${req.typeName}`, context.signal, () =>
        renew({ ...context, private: req.private }, response),
      );
    }
    return encodeResponse.renewEphemeralResource({ ...response, diagnostics: diagnostics.all() });
  }

  /** CloseEphemeralResource. */
  async close(req: EphemeralPrivateRequest, signal: AbortSignal): Promise<Uint8Array> {
    const diagnostics = newDiagnostics();
    const ephemeral = this.ephemeral(req.typeName, diagnostics);
    const close = ephemeral?.close?.bind(ephemeral);
    if (close) {
      const context = requestContext(this.host, signal, {
        tf_ephemeral_resource_type: req.typeName,
        tf_rpc: "CloseEphemeralResource",
      });
      await runHandler(this.host, diagnostics, `Closing ${req.typeName}`, context.signal, () =>
        close({ ...context, private: req.private }, { diagnostics }),
      );
    }
    return encodeResponse.diagnosticsOnly(1, diagnostics.all());
  }

  private holdTo(
    schema: Schema,
    planned: Value,
    actual: Value,
    what: string,
    diagnostics: Diagnostics,
  ): Value {
    const { value, problems } = reconcileWithPlan(schema.type, planned, actual);
    for (const problem of problems) {
      const where = formatPath(problem.path) || "the object";
      diagnostics.error(
        `Provider bug: ${what} returned an invalid result`,
        problem.kind === "changed"
          ? `The handler changed the configured value of ${where}; the configured value was kept.`
          : `The handler left ${where} unknown; it was returned as null.`,
        problem.path.length > 0 ? problem.path : undefined,
      );
    }
    return value;
  }
}
