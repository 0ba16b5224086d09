/**
 * The provider server: the provider's operations on plain values, as Terraform's RPCs ask for them
 * but with nothing of the wire. It finds resource, data source and ephemeral resource types by name,
 * validates and configures the provider, and hands instance operations to {@link ResourceServer}
 * and {@link DataServer}. Tests drive it directly; the RPC layer decodes and encodes around it.
 */
import { Diagnostics, type Diagnostic } from "../diagnostics.js";
import type { Logger } from "../logging.js";
import type { Provider } from "../provider.js";
import type { Schema } from "../schema/schema.js";
import type { Value } from "../values/value.js";
import { DataServer, type AnyDataSource, type AnyEphemeral } from "./data-server.js";
import { runHandler, unknownType, validateWithHandler, type Host, type Validated } from "./host.js";
import { ResourceServer, type AnyResource } from "./resource-server.js";

/** A type found by name, or the diagnostics saying it does not exist. */
export type Lookup<T> =
  | { readonly found: T; readonly diagnostics?: undefined }
  | { readonly found?: undefined; readonly diagnostics: readonly Diagnostic[] };

/** A Validate*Config RPC: the type's name and its configuration. */
export interface ValidateRequest {
  readonly typeName: string;
  readonly config: Value;
  readonly signal: AbortSignal;
  /**
   * Whether Terraform accepts write-only attributes (ValidateResourceConfig's client capability,
   * sent by Terraform 1.11 and later). Absent or false: a write-only attribute set in the
   * configuration is an error naming the version needed.
   */
  readonly writeOnlyAllowed?: boolean;
}

/** ConfigureProvider. */
export interface ConfigureRequest {
  readonly config: Value;
  readonly terraformVersion: string;
  readonly signal: AbortSignal;
}

/** Serves one provider definition. */
export class ProviderServer<D = unknown> {
  /** Managed resource operations. */
  readonly resources: ResourceServer;
  /** Data source and ephemeral resource operations. */
  readonly data: DataServer;
  private readonly host: Host<D>;

  constructor(provider: Provider<Schema, D>, log: Logger) {
    this.host = { provider, providerData: undefined, log };
    this.resources = new ResourceServer(this.host as Host);
    this.data = new DataServer(this.host as Host);
  }

  /** The provider definition served. */
  get provider(): Provider<Schema, D> {
    return this.host.provider;
  }

  /** What ConfigureProvider produced, handed to every handler as `providerData`. */
  get providerData(): D | undefined {
    return this.host.providerData;
  }

  /** The managed resource type `typeName`. */
  resource(typeName: string): Lookup<AnyResource> {
    return find(this.host.provider.resources, "resource", typeName);
  }

  /** The data source type `typeName`. */
  dataSource(typeName: string): Lookup<AnyDataSource> {
    return find(this.host.provider.dataSources, "data source", typeName);
  }

  /** The ephemeral resource type `typeName`. */
  ephemeral(typeName: string): Lookup<AnyEphemeral> {
    return find(this.host.provider.ephemeralResources, "ephemeral resource", typeName);
  }

  /** ValidateProviderConfig: the schema's checks, then the provider's `validateConfig`. */
  validateProviderConfig(config: Value, signal: AbortSignal): Promise<readonly Diagnostic[]> {
    const typeName = "the provider configuration";
    return this.validate(this.host.provider, { typeName, config, signal });
  }

  /**
   * ValidateResourceConfig, ValidateDataResourceConfig, ValidateEphemeralResourceConfig: the
   * schema's checks, then (if those pass) the type's own `validateConfig`.
   */
  async validate(target: Validated, request: ValidateRequest): Promise<readonly Diagnostic[]> {
    const diagnostics = new Diagnostics();
    const { typeName, config, signal, writeOnlyAllowed } = request;
    await validateWithHandler(
      this.host as Host,
      target,
      config,
      typeName,
      signal,
      diagnostics,
      writeOnlyAllowed,
    );
    return diagnostics.all();
  }

  /** ConfigureProvider: runs the provider's `configure` and keeps the provider data it made. */
  async configureProvider(request: ConfigureRequest): Promise<readonly Diagnostic[]> {
    const diagnostics = new Diagnostics();
    const { provider, log } = this.host;
    const { config, terraformVersion, signal } = request;
    this.host.terraformVersion = terraformVersion || undefined;
    const configure = provider.configure?.bind(provider);
    if (!configure) return diagnostics.all();
    const response = { providerData: undefined as D | undefined, diagnostics };
    await runHandler(this.host as Host, diagnostics, "Configuring the provider", signal, () =>
      configure({ config: config as never, terraformVersion, log, signal }, response),
    );
    this.host.providerData = response.providerData;
    return diagnostics.all();
  }
}

function find<T>(
  types: Readonly<Record<string, T>> | undefined,
  kind: string,
  typeName: string,
): Lookup<T> {
  const found = types?.[typeName];
  if (found) return { found };
  const diagnostics = new Diagnostics();
  unknownType(diagnostics, kind, typeName);
  return { diagnostics: diagnostics.all() };
}
