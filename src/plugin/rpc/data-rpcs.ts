/**
 * The data source and ephemeral resource RPCs: decode against the type's schema, ask the server,
 * encode the answer.
 */
import type * as tf from "../proto/gen/tfplugin6.js";
import type { ProviderServer } from "../server/provider-server.js";
import { fromDynamic, toDiagnostics, toDynamic } from "./messages.js";
import type { ServiceImplementation } from "./service.js";

type Rpcs = Pick<
  ServiceImplementation<typeof tf.ProviderDefinition>,
  | "validateDataResourceConfig"
  | "readDataSource"
  | "validateEphemeralResourceConfig"
  | "openEphemeralResource"
  | "renewEphemeralResource"
  | "closeEphemeralResource"
>;

/** The data source and ephemeral resource RPCs of `server`. */
export function dataRpcs(server: ProviderServer): Rpcs {
  return {
    async validateDataResourceConfig(req, signal) {
      const { found, diagnostics } = server.dataSource(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const config = fromDynamic(req.config, found.schema.type);
      const result = await server.validate(found, { typeName: req.typeName, config, signal });
      return { diagnostics: toDiagnostics(result) };
    },

    async readDataSource(req, signal) {
      const { found, diagnostics } = server.dataSource(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const type = found.schema.type;
      const config = fromDynamic(req.config, type);
      const result = await server.data.read(found, { typeName: req.typeName, config, signal });
      return {
        state: toDynamic(result.state, type),
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async validateEphemeralResourceConfig(req, signal) {
      const { found, diagnostics } = server.ephemeral(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const config = fromDynamic(req.config, found.schema.type);
      const result = await server.validate(found, { typeName: req.typeName, config, signal });
      return { diagnostics: toDiagnostics(result) };
    },

    async openEphemeralResource(req, signal) {
      const { found, diagnostics } = server.ephemeral(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const type = found.schema.type;
      const config = fromDynamic(req.config, type);
      const result = await server.data.open(found, { typeName: req.typeName, config, signal });
      return {
        result: toDynamic(result.result, type),
        renewAt: result.renewAt,
        private: result.private,
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async renewEphemeralResource(req, signal) {
      const { found, diagnostics } = server.ephemeral(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const { typeName, private: priv } = req;
      const result = await server.data.renew(found, { typeName, private: priv, signal });
      return {
        renewAt: result.renewAt,
        private: result.private,
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async closeEphemeralResource(req, signal) {
      const { found, diagnostics } = server.ephemeral(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const { typeName, private: priv } = req;
      return {
        diagnostics: toDiagnostics(
          await server.data.close(found, { typeName, private: priv, signal }),
        ),
      };
    },
  };
}
