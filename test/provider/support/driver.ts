/**
 * Drives the amazonads provider the way Terraform's RPCs do, in process, through the plugin's
 * server layer (the same code the RPCs call, on decoded values): validate, plan, apply, read,
 * import, data sources and ephemeral resources. What Terraform itself computes before an RPC (the
 * proposed new state) is done here; everything the provider does is the server's. Values are plain
 * objects; an attribute left out of a config is null.
 */
import {
  createLogger,
  formatPath,
  type Diagnostic,
  type Logger,
  type Provider,
  type Schema,
  type Value,
} from "../../../src/plugin/index.js";
import { ProviderServer, type Lookup } from "../../../src/plugin/server/provider-server.js";
import { nullObject } from "../../../src/plugin/server/resource-server.js";
import type { ProviderData } from "../../../src/provider/provider-data.js";
import type { providerSchema } from "../../../src/provider/provider.js";

type Row = Record<string, Value>;

/** Lines logged by handlers, as JSON text, for leak checks. */
export const logged: string[] = [];

/** Every diagnostic a handler reported, as JSON text, for leak checks. */
export const shown: string[] = [];

/** A logger that keeps every line (debug and up) in {@link logged}. */
export const testLog: Logger = createLogger({
  level: "trace",
  module: "test",
  write: (line) => void logged.push(line),
});

/** A diagnostic as tests compare it: severity, summary, detail and the path as text. */
export interface SeenDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly summary: string;
  readonly detail: string;
  readonly attribute: string | undefined;
}

function seen(diagnostics: readonly Diagnostic[]): SeenDiagnostic[] {
  shown.push(...diagnostics.map((d) => JSON.stringify(d)));
  return diagnostics.map((d) => ({
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    attribute: d.attribute ? formatPath(d.attribute) : undefined,
  }));
}

/** A whole object of `schema` from the attributes given (others null). */
export function fill(schema: Schema, partial: Row): Row {
  return { ...nullObject(schema), ...partial };
}

// Terraform's proposed new state: configured values, else the prior value of computed attributes.
function proposedNew(schema: Schema, config: Row, prior: Row | null): Row {
  const out: Row = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    const configured = config[name] ?? null;
    const computed = attribute.mode === "computed" || attribute.mode === "optional-computed";
    out[name] = configured !== null || !computed ? configured : (prior?.[name] ?? null);
  }
  return out;
}

/** Planned change of one resource. */
export interface PlanResult {
  readonly planned: Row | null;
  readonly requiresReplace: string[];
  readonly private: Uint8Array | undefined;
  readonly diagnostics: SeenDiagnostic[];
}

/** Result of an operation that yields a state. */
export interface StateResult {
  readonly state: Row | null;
  readonly private: Uint8Array | undefined;
  readonly diagnostics: SeenDiagnostic[];
}

/** Server calls against one configured provider. */
export class Driver {
  private constructor(
    private readonly server: ProviderServer<ProviderData>,
    readonly data: ProviderData,
  ) {}

  /** Configures `provider` with a provider block (unset attributes null). */
  static async configure(
    provider: Provider<typeof providerSchema, ProviderData>,
    block: Row = {},
    terraformVersion = "1.11.4",
  ): Promise<Driver> {
    const server = new ProviderServer(
      provider as unknown as Provider<Schema, ProviderData>,
      testLog,
    );
    const diagnostics = await server.configureProvider({
      config: fill(provider.schema, block),
      terraformVersion,
      signal: new AbortController().signal,
    });
    const data = server.providerData;
    if (!data || diagnostics.some((d) => d.severity === "error")) {
      throw new Error(`configure failed: ${JSON.stringify(seen(diagnostics))}`);
    }
    return new Driver(server, data);
  }

  private resource(type: string) {
    return found(this.server.resource(type), type);
  }

  /**
   * ValidateResourceConfig: schema checks, then the handler's. Terraform 1.11 and later say they
   * accept write-only attributes; `writeOnlyAllowed: false` is what older ones send.
   */
  async validate(
    type: string,
    config: Row,
    { writeOnlyAllowed = true }: { writeOnlyAllowed?: boolean } = {},
  ): Promise<SeenDiagnostic[]> {
    const resource = this.resource(type);
    const filled = fill(resource.schema, config);
    const request = { typeName: type, config: filled, signal: live(), writeOnlyAllowed };
    return seen(await this.server.validate(resource, request));
  }

  /** PlanResourceChange for a create (prior null), update, or destroy (config null). */
  async plan(
    type: string,
    config: Row | null,
    prior: Row | null = null,
    priorPrivate?: Uint8Array,
  ): Promise<PlanResult> {
    const resource = this.resource(type);
    const schema = resource.schema;
    const filled = config === null ? null : fill(schema, config);
    const result = await this.server.resources.plan(resource, {
      typeName: type,
      prior,
      proposed: filled === null ? null : proposedNew(schema, filled, prior),
      config: filled,
      private: priorPrivate,
      signal: live(),
    });
    return {
      planned: result.planned as Row | null,
      requiresReplace: result.requiresReplace.map(formatPath),
      private: result.private,
      diagnostics: seen(result.diagnostics),
    };
  }

  /**
   * ApplyResourceChange: create, update or delete, with the result held to the plan. A handler
   * that breaks its plan fails the test here rather than passing as an error diagnostic.
   */
  async apply(
    type: string,
    planned: Row | null,
    config: Row | null,
    prior: Row | null,
    options: { private?: Uint8Array; signal?: AbortSignal } = {},
  ): Promise<StateResult> {
    const resource = this.resource(type);
    const result = await this.server.resources.apply(resource, {
      typeName: type,
      prior,
      planned,
      config: config === null ? null : fill(resource.schema, config),
      private: options.private,
      signal: options.signal ?? live(),
    });
    const broken = result.diagnostics.filter((d) => d.summary.startsWith("Provider bug"));
    if (broken.length > 0) throw new Error(`handler broke its plan: ${JSON.stringify(broken)}`);
    return stateResult(result);
  }

  /** Plan then apply a create; returns the plan's diagnostics when planning fails. */
  async create(type: string, config: Row, signal?: AbortSignal): Promise<StateResult> {
    const plan = await this.plan(type, config);
    if (plan.diagnostics.some((d) => d.severity === "error")) {
      return { state: null, private: undefined, diagnostics: plan.diagnostics };
    }
    const applied = await this.apply(type, plan.planned, config, null, {
      ...(plan.private ? { private: plan.private } : {}),
      ...(signal ? { signal } : {}),
    });
    return { ...applied, diagnostics: [...plan.diagnostics, ...applied.diagnostics] };
  }

  /** ReadResource. */
  async read(type: string, state: Row, priv?: Uint8Array): Promise<StateResult> {
    const resource = this.resource(type);
    const request = { typeName: type, state, private: priv, signal: live() };
    return stateResult(await this.server.resources.read(resource, request));
  }

  /** ImportResourceState. */
  async import(type: string, id: string): Promise<StateResult> {
    const resource = this.resource(type);
    const request = { typeName: type, id, signal: live() };
    return stateResult(await this.server.resources.importState(resource, request));
  }

  /** ValidateDataResourceConfig: schema checks, then the handler's. */
  async validateData(type: string, config: Row): Promise<SeenDiagnostic[]> {
    const dataSource = found(this.server.dataSource(type), type);
    const request = { typeName: type, config: fill(dataSource.schema, config), signal: live() };
    return seen(await this.server.validate(dataSource, request));
  }

  /** ReadDataSource. */
  async readData(type: string, config: Row): Promise<StateResult> {
    const dataSource = found(this.server.dataSource(type), type);
    const filled = fill(dataSource.schema, config);
    const result = await this.server.data.read(dataSource, {
      typeName: type,
      config: filled,
      signal: live(),
    });
    return {
      state: (result.state ?? null) as Row | null,
      private: undefined,
      diagnostics: seen(result.diagnostics),
    };
  }

  /** The ephemeral resource's operations. */
  ephemeral(type: string) {
    const ephemeral = found(this.server.ephemeral(type), type);
    const data = this.server.data;
    return {
      /** ValidateEphemeralResourceConfig: schema checks, then the handler's. */
      validate: async (config: Row) => {
        const request = { typeName: type, config: fill(ephemeral.schema, config), signal: live() };
        return seen(await this.server.validate(ephemeral, request));
      },
      open: async (config: Row) => {
        const filled = fill(ephemeral.schema, config);
        const result = await data.open(ephemeral, {
          typeName: type,
          config: filled,
          signal: live(),
        });
        return {
          ...result,
          result: result.result as Row | undefined,
          diagnostics: seen(result.diagnostics),
        };
      },
      renew: async (priv: Uint8Array | undefined) => {
        const result = await data.renew(ephemeral, {
          typeName: type,
          private: priv,
          signal: live(),
        });
        return { ...result, diagnostics: seen(result.diagnostics) };
      },
      close: async (priv: Uint8Array | undefined) =>
        seen(await data.close(ephemeral, { typeName: type, private: priv, signal: live() })),
    };
  }
}

function found<T>(lookup: Lookup<T>, type: string): T {
  if (!lookup.found) throw new Error(`no type ${type}: ${JSON.stringify(lookup.diagnostics)}`);
  return lookup.found;
}

function live(): AbortSignal {
  return new AbortController().signal;
}

function stateResult(result: {
  state: Value | undefined;
  private: Uint8Array | undefined;
  diagnostics: readonly Diagnostic[];
}): StateResult {
  return {
    state: (result.state ?? null) as Row | null,
    private: result.private,
    diagnostics: seen(result.diagnostics),
  };
}

/** Only the errors of a diagnostics list. */
export const errors = (list: readonly SeenDiagnostic[]) =>
  list.filter((d) => d.severity === "error");

/** Only the warnings of a diagnostics list. */
export const warnings = (list: readonly SeenDiagnostic[]) =>
  list.filter((d) => d.severity === "warning");
