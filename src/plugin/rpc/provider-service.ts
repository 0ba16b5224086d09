/**
 * The `tfplugin6.Provider` service: every RPC Terraform may call, by method path, as functions from
 * request bytes to response bytes. Each RPC decodes (generated codecs), asks the provider server,
 * and encodes; the gRPC server only moves the bytes.
 */
import type { Logger } from "../logging.js";
import type { Provider } from "../provider.js";
import * as tf from "../proto/gen/tfplugin6.js";
import type { Schema } from "../schema/schema.js";
import { ProviderServer } from "../server/provider-server.js";
import type { UnaryHandler } from "../transport/grpc-server.js";
import { CallSignals } from "./call-signals.js";
import { dataRpcs } from "./data-rpcs.js";
import { fromDynamic, toDiagnostics } from "./messages.js";
import { resourceRpcs } from "./resource-rpcs.js";
import { toWireSchema } from "./schema.js";
import { unaryHandlers } from "./service.js";

/** The service's methods; every handler's request signal also follows StopProvider. */
export interface ProviderService {
  /** Handlers by full method path (`/tfplugin6.Provider/<Method>`). */
  readonly methods: ReadonlyMap<string, UnaryHandler>;
}

const CAPABILITIES: tf.ServerCapabilities = {
  planDestroy: true,
  getProviderSchemaOptional: true,
  moveResourceState: false,
};

/** Builds the tfplugin6.Provider service for a provider definition. */
export function createProviderService<S extends Schema, D>(
  provider: Provider<S, D>,
  log: Logger,
): ProviderService {
  const server = new ProviderServer(provider as unknown as Provider<Schema, unknown>, log);
  const calls = new CallSignals();
  let schemas: tf.GetProviderSchema_Response | undefined;
  const names = (types: Readonly<Record<string, unknown>> | undefined) =>
    Object.keys(types ?? {}).map((typeName) => ({ typeName }));

  const handlers = unaryHandlers(tf.ProviderDefinition, {
    ...resourceRpcs(server),
    ...dataRpcs(server),
    getMetadata: async () => ({
      serverCapabilities: CAPABILITIES,
      diagnostics: [],
      dataSources: names(provider.dataSources),
      resources: names(provider.resources),
      ephemeralResources: names(provider.ephemeralResources),
    }),
    getProviderSchema: async () => (schemas ??= providerSchemas(server.provider)),
    validateProviderConfig: async (req, signal) => {
      const config = fromDynamic(req.config, provider.schema.type);
      return { diagnostics: toDiagnostics(await server.validateProviderConfig(config, signal)) };
    },
    configureProvider: async (req, signal) => {
      const config = fromDynamic(req.config, provider.schema.type);
      const { terraformVersion } = req;
      const diagnostics = await server.configureProvider({ config, terraformVersion, signal });
      return { diagnostics: toDiagnostics(diagnostics) };
    },
    stopProvider: async () => {
      log.info("Terraform asked the provider to stop; cancelling in-flight operations");
      calls.stop(new Error("Terraform stopped the provider"));
      return { Error: "" };
    },
    // Capabilities this provider does not offer get an answer rather than UNIMPLEMENTED.
    getFunctions: async () => ({ diagnostics: [] }),
    callFunction: async (req) => ({
      error: { text: `This provider has no function named ${req.name}.` },
    }),
    getResourceIdentitySchemas: async () => ({ diagnostics: [] }),
    moveResourceState: async (req) => ({
      diagnostics: [
        {
          severity: tf.Diagnostic_Severity.ERROR,
          summary: `${req.targetTypeName} does not accept moved state`,
          detail:
            `This provider cannot move ${req.sourceTypeName} into ${req.targetTypeName}. Remove the ` +
            "moved block and import the object instead.",
        },
      ],
    }),
  });
  const stopPath = `/${tf.ProviderDefinition.fullName}/${tf.ProviderDefinition.methods.stopProvider.name}`;
  return {
    methods: new Map(
      [...handlers].map(([path, handler]) => [
        path,
        path === stopPath ? handler : calls.follow(handler),
      ]),
    ),
  };
}

function providerSchemas(provider: Provider<Schema, unknown>): tf.GetProviderSchema_Response {
  const wire = (types: Readonly<Record<string, { schema: Schema }>> | undefined) =>
    Object.fromEntries(
      Object.entries(types ?? {}).map(([name, x]) => [name, toWireSchema(x.schema)]),
    );
  return {
    provider: toWireSchema(provider.schema),
    resourceSchemas: wire(provider.resources),
    dataSourceSchemas: wire(provider.dataSources),
    ephemeralResourceSchemas: wire(provider.ephemeralResources),
    diagnostics: [],
    serverCapabilities: CAPABILITIES,
  };
}
