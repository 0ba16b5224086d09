/**
 * Data source and ephemeral resource operations on plain values. Both start from the
 * configuration with computed attributes unknown, let the handler fill them in, and hold the result
 * to the configuration.
 */
import type { DataSource } from "../data-source.js";
import { Diagnostics, type Diagnostic } from "../diagnostics.js";
import type { EphemeralResource } from "../ephemeral-resource.js";
import { formatPath } from "../path.js";
import type { Schema } from "../schema/schema.js";
import type { Value } from "../values/value.js";
import { reconcileWithPlan } from "./consistency.js";
import { requestContext, runHandler, type Host } from "./host.js";
import { planChange } from "./planning.js";
import { withoutWriteOnly } from "./redaction.js";
import { cloneValue } from "./shape.js";

/** A data source type of the provider, whatever its schema. */
export type AnyDataSource = DataSource<Schema, unknown>;
/** An ephemeral resource type of the provider, whatever its schema. */
export type AnyEphemeral = EphemeralResource<Schema, unknown>;

/** A request about one configured object. */
export interface ConfigRequest {
  readonly typeName: string;
  readonly config: Value;
  readonly signal: AbortSignal;
}

/** A request carrying an ephemeral resource's private bytes (renew, close). */
export interface PrivateRequest {
  readonly typeName: string;
  readonly private: Uint8Array | undefined;
  readonly signal: AbortSignal;
}

/** A data source's state (undefined after an error). */
export interface ReadResult {
  readonly state: Value | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** An opened ephemeral resource (result undefined after an error). */
export interface OpenResult {
  readonly result: Value | undefined;
  readonly renewAt: Date | undefined;
  readonly private: Uint8Array | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** A renewed ephemeral resource. */
export interface RenewResult {
  readonly renewAt: Date | undefined;
  readonly private: Uint8Array | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs the data source and ephemeral resource operations of one provider. */
export class DataServer {
  constructor(private readonly host: Host) {}

  /** ReadDataSource. */
  async read(dataSource: AnyDataSource, request: ConfigRequest): Promise<ReadResult> {
    const diagnostics = new Diagnostics();
    const { typeName, config } = request;
    const schema = dataSource.schema;
    const planned = planChange(schema, { prior: null, proposed: config, config }).planned;
    const response = { state: cloneValue(planned), diagnostics };
    const context = requestContext(this.host, request.signal, {
      tf_data_source_type: typeName,
      tf_rpc: "ReadDataSource",
    });
    await runHandler(
      this.host,
      diagnostics,
      `Reading data source ${typeName}`,
      context.signal,
      () => dataSource.read({ ...context, config: config as never }, response as never),
    );
    if (diagnostics.hasErrors()) return { state: undefined, diagnostics: diagnostics.all() };
    const what = `data source ${typeName}`;
    const state = holdTo(schema, planned, response.state, what, diagnostics);
    return { state, diagnostics: diagnostics.all() };
  }

  /** OpenEphemeralResource. */
  async open(ephemeral: AnyEphemeral, request: ConfigRequest): Promise<OpenResult> {
    const diagnostics = new Diagnostics();
    const { typeName, config } = request;
    const schema = ephemeral.schema;
    const planned = planChange(schema, { prior: null, proposed: config, config }).planned;
    const response = {
      result: cloneValue(planned),
      renewAt: undefined as Date | undefined,
      private: undefined as Uint8Array | undefined,
      diagnostics,
    };
    const context = requestContext(this.host, request.signal, {
      tf_ephemeral_resource_type: typeName,
      tf_rpc: "OpenEphemeralResource",
    });
    await runHandler(this.host, diagnostics, `Opening ${typeName}`, context.signal, () =>
      ephemeral.open({ ...context, config: config as never }, response as never),
    );
    if (diagnostics.hasErrors()) {
      return {
        result: undefined,
        renewAt: undefined,
        private: undefined,
        diagnostics: diagnostics.all(),
      };
    }
    const what = `ephemeral resource ${typeName}`;
    const result = holdTo(schema, planned, response.result, what, diagnostics);
    return { ...response, result, diagnostics: diagnostics.all() };
  }

  /** RenewEphemeralResource. */
  async renew(ephemeral: AnyEphemeral, request: PrivateRequest): Promise<RenewResult> {
    const diagnostics = new Diagnostics();
    const response = {
      renewAt: undefined as Date | undefined,
      private: request.private,
      diagnostics,
    };
    const renew = ephemeral.renew?.bind(ephemeral);
    if (renew) {
      const context = requestContext(this.host, request.signal, {
        tf_ephemeral_resource_type: request.typeName,
        tf_rpc: "RenewEphemeralResource",
      });
      await runHandler(this.host, diagnostics, `Renewing ${request.typeName}`, context.signal, () =>
        renew({ ...context, private: request.private }, response),
      );
    }
    return { ...response, diagnostics: diagnostics.all() };
  }

  /** CloseEphemeralResource. */
  async close(ephemeral: AnyEphemeral, request: PrivateRequest): Promise<readonly Diagnostic[]> {
    const diagnostics = new Diagnostics();
    const close = ephemeral.close?.bind(ephemeral);
    if (close) {
      const context = requestContext(this.host, request.signal, {
        tf_ephemeral_resource_type: request.typeName,
        tf_rpc: "CloseEphemeralResource",
      });
      await runHandler(this.host, diagnostics, `Closing ${request.typeName}`, context.signal, () =>
        close({ ...context, private: request.private }, { diagnostics }),
      );
    }
    return diagnostics.all();
  }
}

// The result must keep the configured values; computed ones must be known.
function holdTo(
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
  return withoutWriteOnly(schema, value);
}
