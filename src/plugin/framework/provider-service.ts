/**
 * The `tfplugin6.Provider` service: every RPC Terraform may call, by method path, as functions from
 * request bytes to response bytes. Transport-agnostic: the gRPC server only moves the bytes.
 */
import type { Logger } from "../logging.js";
import type { Provider } from "../provider.js";
import type { Schema } from "../schema/schema.js";
import { decodeRequest, encodeResponse, type ProviderSchemas } from "../wire/tfplugin6.js";
import { DataRpcs } from "./data-rpcs.js";
import { decodeValue, newDiagnostics, runHandler, validateWithHandler, type Host } from "./host.js";
import { ResourceRpcs } from "./resource-rpcs.js";
import { toWireSchema } from "./wire-schema.js";

/** Handles one unary RPC: request message bytes in, response message bytes out. */
export type RpcHandler = (request: Uint8Array, signal: AbortSignal) => Promise<Uint8Array>;

/** The service's methods and its stop switch. */
export interface ProviderService {
  /** Handlers by full method path (`/tfplugin6.Provider/<Method>`). */
  readonly methods: ReadonlyMap<string, RpcHandler>;
  /** The signal StopProvider aborts; every handler's request signal follows it. */
  readonly stopSignal: AbortSignal;
}

/** Builds the tfplugin6.Provider service for a provider definition. */
export function createProviderService<S extends Schema, D>(
  provider: Provider<S, D>,
  log: Logger,
): ProviderService {
  const stop = new AbortController();
  const calls = new CallSignals(stop.signal);
  const host: Host = {
    provider: provider as unknown as Provider<Schema, unknown>,
    providerData: undefined,
    log,
    stopSignal: stop.signal,
  };
  const resources = new ResourceRpcs(host);
  const data = new DataRpcs(host);
  let schemas: ProviderSchemas | undefined;
  let schemaResponse: Uint8Array | undefined;
  const allSchemas = () => (schemas ??= buildSchemas(host.provider));

  const methods: Record<string, RpcHandler> = {
    GetMetadata: async () => encodeResponse.getMetadata(allSchemas()),
    GetProviderSchema: async () =>
      (schemaResponse ??= encodeResponse.getProviderSchema(allSchemas(), [])),
    ValidateProviderConfig: async (bytes, signal) => {
      const req = decodeRequest.validateProviderConfig(bytes);
      const diagnostics = newDiagnostics();
      const what = "the provider configuration";
      await validateWithHandler(host, provider, req.config, what, signal, diagnostics);
      return encodeResponse.diagnosticsOnly(2, diagnostics.all());
    },
    ConfigureProvider: async (bytes, signal) => {
      const req = decodeRequest.configureProvider(bytes);
      const diagnostics = newDiagnostics();
      const config = decodeValue(req.config, provider.schema.type);
      const configure = provider.configure?.bind(provider);
      if (configure) {
        const response = { providerData: undefined as D | undefined, diagnostics };
        await runHandler(host, diagnostics, "Configuring the provider", signal, () =>
          configure(
            { config: config as never, terraformVersion: req.terraformVersion, log, signal },
            response,
          ),
        );
        host.providerData = response.providerData;
      }
      return encodeResponse.diagnosticsOnly(1, diagnostics.all());
    },
    ValidateResourceConfig: (bytes, signal) =>
      resources.validate(decodeRequest.typedConfig(bytes), signal),
    UpgradeResourceState: (bytes, signal) =>
      resources.upgrade(decodeRequest.upgradeResourceState(bytes), signal),
    ReadResource: (bytes, signal) => resources.read(decodeRequest.readResource(bytes), signal),
    PlanResourceChange: (bytes, signal) =>
      resources.plan(decodeRequest.planResourceChange(bytes), signal),
    ApplyResourceChange: (bytes, signal) =>
      resources.apply(decodeRequest.applyResourceChange(bytes), signal),
    ImportResourceState: (bytes, signal) =>
      resources.import(decodeRequest.importResourceState(bytes), signal),
    ValidateDataResourceConfig: (bytes, signal) =>
      data.validate("data source", decodeRequest.typedConfig(bytes), signal),
    ReadDataSource: (bytes, signal) => data.read(decodeRequest.typedConfig(bytes, 4), signal),
    ValidateEphemeralResourceConfig: (bytes, signal) =>
      data.validate("ephemeral resource", decodeRequest.typedConfig(bytes), signal),
    OpenEphemeralResource: (bytes, signal) => data.open(decodeRequest.typedConfig(bytes), signal),
    RenewEphemeralResource: (bytes, signal) =>
      data.renew(decodeRequest.ephemeralPrivate(bytes), signal),
    CloseEphemeralResource: (bytes, signal) =>
      data.close(decodeRequest.ephemeralPrivate(bytes), signal),
    StopProvider: async () => {
      log.info("Terraform asked the provider to stop; cancelling in-flight operations");
      calls.stop(new Error("Terraform stopped the provider"));
      stop.abort(new Error("Terraform stopped the provider"));
      return encodeResponse.stopProvider("");
    },
    // Capabilities this provider does not offer get an answer rather than UNIMPLEMENTED.
    GetFunctions: async () => encodeResponse.getFunctions(),
    CallFunction: async (bytes) =>
      encodeResponse.callFunctionError(
        `This provider has no function named ${decodeRequest.callFunction(bytes).name}.`,
      ),
    GetResourceIdentitySchemas: async () => encodeResponse.getResourceIdentitySchemas(),
    MoveResourceState: async (bytes) => {
      const req = decodeRequest.moveResourceState(bytes);
      const diagnostics = newDiagnostics();
      diagnostics.error(
        `${req.targetTypeName} does not accept moved state`,
        `This provider cannot move ${req.sourceTypeName} into ${req.targetTypeName}. Remove the moved block and ` +
          "import the object instead.",
      );
      return encodeResponse.moveResourceState(diagnostics.all());
    },
  };
  return {
    methods: new Map(
      Object.entries(methods).map(([name, handler]) => [
        `/tfplugin6.Provider/${name}`,
        name === "StopProvider" ? handler : calls.follow(handler),
      ]),
    ),
    stopSignal: stop.signal,
  };
}

/**
 * Gives every call one signal that aborts when the call ends early or when Terraform stops the
 * provider. Calls in flight are kept in a set that StopProvider aborts, rather than combining
 * signals per call with `AbortSignal.any`, which cost ~45 µs per call and keeps a weak reference
 * to every call's signal on the long-lived stop signal.
 */
class CallSignals {
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly stopped: AbortSignal) {}

  /** Wraps a handler so that its signal follows both the call's and the stop signal. */
  follow(handler: RpcHandler): RpcHandler {
    return async (bytes, callSignal) => {
      const controller = new AbortController();
      const forward = () => controller.abort(callSignal.reason);
      if (this.stopped.aborted) controller.abort(this.stopped.reason);
      else if (callSignal.aborted) forward();
      else callSignal.addEventListener("abort", forward, { once: true });
      this.inFlight.add(controller);
      try {
        return await handler(bytes, controller.signal);
      } finally {
        this.inFlight.delete(controller);
        callSignal.removeEventListener("abort", forward);
      }
    };
  }

  /** Aborts every call in flight. */
  stop(reason: Error): void {
    for (const controller of this.inFlight) controller.abort(reason);
  }
}

function buildSchemas(provider: Provider<Schema, unknown>): ProviderSchemas {
  const wire = (entries: Readonly<Record<string, { schema: Schema }>> | undefined) =>
    new Map(Object.entries(entries ?? {}).map(([name, x]) => [name, toWireSchema(x.schema)]));
  return {
    provider: toWireSchema(provider.schema),
    resources: wire(provider.resources),
    dataSources: wire(provider.dataSources),
    ephemeralResources: wire(provider.ephemeralResources),
    capabilities: { planDestroy: true, getProviderSchemaOptional: true, moveResourceState: false },
  };
}
