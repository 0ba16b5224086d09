/**
 * Drives the amazonads handlers the way Terraform's RPCs do, in process: validate, plan (the
 * framework's planning rules, then `modifyPlan`), apply (create/update/delete, held to the plan),
 * read, import. Values are plain objects; an attribute left out of a config is null.
 */
import { planChange } from "../../../src/plugin/framework/planning.js";
import { reconcileWithPlan } from "../../../src/plugin/framework/consistency.js";
import { validateConfig } from "../../../src/plugin/framework/validation.js";
import {
  Diagnostics,
  createLogger,
  formatPath,
  type AttributePath,
  type DataSource,
  type Diagnostic,
  type EphemeralResource,
  type Logger,
  type Provider,
  type Resource,
  type Schema,
  type Value,
} from "../../../src/plugin/index.js";
import { nullObject } from "../../../src/plugin/framework/resource-rpcs.js";
import { cloneValue } from "../../../src/plugin/framework/shape.js";
import { isWhollyKnown } from "../../../src/plugin/values/value.js";
import type { ProviderData } from "../../../src/provider/provider-data.js";
import type { providerSchema } from "../../../src/provider/provider.js";

type AnyResource = Resource<Schema, ProviderData>;
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

function seen(diagnostics: Diagnostics): SeenDiagnostic[] {
  shown.push(...diagnostics.all().map((d) => JSON.stringify(d)));
  return diagnostics.all().map((d) => ({
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

/** Handler calls against one configured provider. */
export class Driver {
  private constructor(
    private readonly provider: Provider<typeof providerSchema, ProviderData>,
    readonly data: ProviderData,
  ) {}

  /** Configures `provider` with a provider block (unset attributes null). */
  static async configure(
    provider: Provider<typeof providerSchema, ProviderData>,
    block: Row = {},
  ): Promise<Driver> {
    const diagnostics = new Diagnostics();
    const response = { providerData: undefined as ProviderData | undefined, diagnostics };
    await provider.configure?.(
      {
        config: fill(provider.schema, block) as never,
        terraformVersion: "1.11.4",
        log: testLog,
        signal: new AbortController().signal,
      },
      response,
    );
    if (!response.providerData || diagnostics.hasErrors()) {
      throw new Error(`configure failed: ${JSON.stringify(seen(diagnostics))}`);
    }
    return new Driver(provider, response.providerData);
  }

  private resource(type: string): AnyResource {
    const resource = this.provider.resources?.[type];
    if (!resource) throw new Error(`no resource ${type}`);
    return resource;
  }

  private context(signal?: AbortSignal) {
    return {
      providerData: this.data,
      log: testLog,
      signal: signal ?? new AbortController().signal,
    };
  }

  /** ValidateResourceConfig: schema checks, then the handler's. */
  async validate(type: string, config: Row): Promise<SeenDiagnostic[]> {
    const resource = this.resource(type);
    const diagnostics = new Diagnostics();
    const value = fill(resource.schema, config);
    validateConfig(resource.schema, value, diagnostics);
    if (!diagnostics.hasErrors()) {
      await resource.validateConfig?.({ config: value as never, log: testLog }, { diagnostics });
    }
    return seen(diagnostics);
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
    const framework =
      filled === null
        ? { planned: null, requiresReplace: [] as AttributePath[] }
        : planChange(schema, {
            prior,
            proposed: proposedNew(schema, filled, prior),
            config: filled,
          });
    const diagnostics = new Diagnostics();
    const response = {
      plan: framework.planned,
      requiresReplace: framework.requiresReplace,
      private: priorPrivate,
      diagnostics,
    };
    await resource.modifyPlan?.(
      { ...this.context(), config: filled as never, state: prior as never, private: priorPrivate },
      response as never,
    );
    return {
      planned: response.plan as Row | null,
      requiresReplace: response.requiresReplace.map(formatPath),
      private: response.private,
      diagnostics: seen(diagnostics),
    };
  }

  /** ApplyResourceChange: create, update or delete, with the result held to the plan. */
  async apply(
    type: string,
    planned: Row | null,
    config: Row | null,
    prior: Row | null,
    options: { private?: Uint8Array; signal?: AbortSignal } = {},
  ): Promise<StateResult> {
    const resource = this.resource(type);
    const diagnostics = new Diagnostics();
    const context = this.context(options.signal);
    if (planned === null) {
      await resource.delete(
        { ...context, state: prior as never, private: options.private },
        {
          diagnostics,
        },
      );
      return {
        state: diagnostics.hasErrors() ? prior : null,
        private: undefined,
        diagnostics: seen(diagnostics),
      };
    }
    const response = { state: cloneValue(planned), private: options.private, diagnostics };
    const request = {
      ...context,
      config: fill(resource.schema, config ?? {}) as never,
      plan: planned as never,
      private: options.private,
    };
    if (prior === null) await resource.create(request, response as never);
    else await resource.update({ ...request, state: prior as never }, response as never);
    let state = response.state as Row | null;
    if (diagnostics.hasErrors()) {
      // As the framework does: a failed handler's state counts only when it is complete.
      if (state === null || !isWhollyKnown(state)) state = prior;
    } else {
      const { value, problems } = reconcileWithPlan(resource.schema.type, planned, state);
      if (problems.length > 0) {
        throw new Error(`handler broke its plan at ${problems.map((p) => formatPath(p.path))}`);
      }
      state = value as Row;
    }
    return { state, private: response.private, diagnostics: seen(diagnostics) };
  }

  /** Plan then apply a create; throws with the diagnostics when planning fails. */
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
    const diagnostics = new Diagnostics();
    const response = { state: cloneValue(state), private: priv, diagnostics };
    await resource.read(
      { ...this.context(), state: state as never, private: priv },
      response as never,
    );
    return {
      state: diagnostics.hasErrors() ? state : (response.state as Row | null),
      private: response.private,
      diagnostics: seen(diagnostics),
    };
  }

  /** ImportResourceState. */
  async import(type: string, id: string): Promise<StateResult> {
    const resource = this.resource(type);
    const diagnostics = new Diagnostics();
    const response = { state: nullObject(resource.schema), private: undefined, diagnostics };
    await resource.importState?.({ ...this.context(), id }, response as never);
    return {
      state: diagnostics.hasErrors() ? null : (response.state as Row),
      private: response.private,
      diagnostics: seen(diagnostics),
    };
  }

  /** ReadDataSource. */
  async readData(type: string, config: Row): Promise<StateResult> {
    const dataSource = this.provider.dataSources?.[type] as DataSource<Schema, ProviderData>;
    const diagnostics = new Diagnostics();
    const filled = fill(dataSource.schema, config);
    const planned = planChange(dataSource.schema, { prior: null, proposed: filled, config: filled })
      .planned as Row;
    const response = { state: cloneValue(planned), diagnostics };
    await dataSource.read({ ...this.context(), config: filled as never }, response as never);
    return {
      state: diagnostics.hasErrors() ? null : (response.state as Row),
      private: undefined,
      diagnostics: seen(diagnostics),
    };
  }

  /** The ephemeral resource's handlers, with this driver's context. */
  ephemeral(type: string) {
    const ephemeral = this.provider.ephemeralResources?.[type] as EphemeralResource<
      Schema,
      ProviderData
    >;
    const context = () => this.context();
    return {
      /** ValidateEphemeralResourceConfig: schema checks, then the handler's. */
      validate: async (config: Row) => {
        const diagnostics = new Diagnostics();
        const value = fill(ephemeral.schema, config);
        validateConfig(ephemeral.schema, value, diagnostics);
        if (!diagnostics.hasErrors()) {
          await ephemeral.validateConfig?.(
            { config: value as never, log: testLog },
            { diagnostics },
          );
        }
        return seen(diagnostics);
      },
      open: async (config: Row) => {
        const diagnostics = new Diagnostics();
        const filled = fill(ephemeral.schema, config);
        const planned = planChange(ephemeral.schema, {
          prior: null,
          proposed: filled,
          config: filled,
        }).planned as Row;
        const response = {
          result: cloneValue(planned),
          renewAt: undefined as Date | undefined,
          private: undefined as Uint8Array | undefined,
          diagnostics,
        };
        await ephemeral.open({ ...context(), config: filled as never }, response as never);
        return { ...response, diagnostics: seen(diagnostics) };
      },
      renew: async (priv: Uint8Array | undefined) => {
        const diagnostics = new Diagnostics();
        const response = { renewAt: undefined as Date | undefined, private: priv, diagnostics };
        await ephemeral.renew?.({ ...context(), private: priv }, response);
        return { ...response, diagnostics: seen(diagnostics) };
      },
      close: async (priv: Uint8Array | undefined) => {
        const diagnostics = new Diagnostics();
        await ephemeral.close?.({ ...context(), private: priv }, { diagnostics });
        return seen(diagnostics);
      },
    };
  }
}

/** Only the errors of a diagnostics list. */
export const errors = (list: readonly SeenDiagnostic[]) =>
  list.filter((d) => d.severity === "error");

/** Only the warnings of a diagnostics list. */
export const warnings = (list: readonly SeenDiagnostic[]) =>
  list.filter((d) => d.severity === "warning");
