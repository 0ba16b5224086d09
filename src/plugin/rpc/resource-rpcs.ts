/**
 * The managed-resource RPCs: each decodes its values against the resource's schema, asks the
 * server, and encodes the answer.
 */
import type * as tf from "../proto/gen/tfplugin6.js";
import type { ProviderServer } from "../server/provider-server.js";
import {
  fromDynamic,
  fromPrivate,
  NO_BYTES,
  toAttributePath,
  toDiagnostics,
  toDynamic,
} from "./messages.js";
import type { ServiceImplementation } from "./service.js";

type Rpcs = Pick<
  ServiceImplementation<typeof tf.ProviderDefinition>,
  | "validateResourceConfig"
  | "upgradeResourceState"
  | "readResource"
  | "planResourceChange"
  | "applyResourceChange"
  | "importResourceState"
>;

/** The managed-resource RPCs of `server`. */
export function resourceRpcs(server: ProviderServer): Rpcs {
  return {
    async validateResourceConfig(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const config = fromDynamic(req.config, found.schema.type);
      const result = await server.validate(found, {
        typeName: req.typeName,
        config,
        signal,
        // Terraform before 1.11 sends no capabilities: it knows nothing of write-only attributes.
        writeOnlyAllowed: req.clientCapabilities?.writeOnlyAttributesAllowed ?? false,
      });
      return { diagnostics: toDiagnostics(result) };
    },

    async upgradeResourceState(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) return { diagnostics: toDiagnostics(diagnostics) };
      const raw = req.rawState;
      const rawState = {
        ...(raw && raw.json.length > 0 ? { json: new TextDecoder().decode(raw.json) } : {}),
        ...(raw && Object.keys(raw.flatmap).length > 0 ? { flatmap: raw.flatmap } : {}),
      };
      const { typeName, version } = req;
      const result = await server.resources.upgrade(found, { typeName, version, rawState, signal });
      return {
        upgradedState: toDynamic(result.state, found.schema.type),
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async readResource(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) return { private: req.private, diagnostics: toDiagnostics(diagnostics) };
      const type = found.schema.type;
      const result = await server.resources.read(found, {
        typeName: req.typeName,
        state: fromDynamic(req.currentState, type),
        private: fromPrivate(req.private),
        signal,
      });
      return {
        newState: toDynamic(result.state, type),
        private: result.private ?? NO_BYTES,
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async planResourceChange(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) {
        return {
          requiresReplace: [],
          plannedPrivate: NO_BYTES,
          diagnostics: toDiagnostics(diagnostics),
        };
      }
      const type = found.schema.type;
      const result = await server.resources.plan(found, {
        typeName: req.typeName,
        prior: fromDynamic(req.priorState, type),
        proposed: fromDynamic(req.proposedNewState, type),
        config: fromDynamic(req.config, type),
        private: fromPrivate(req.priorPrivate),
        signal,
      });
      return {
        plannedState: toDynamic(result.planned, type),
        requiresReplace: result.requiresReplace.map(toAttributePath),
        plannedPrivate: result.private ?? NO_BYTES,
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async applyResourceChange(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) return { private: NO_BYTES, diagnostics: toDiagnostics(diagnostics) };
      const type = found.schema.type;
      const result = await server.resources.apply(found, {
        typeName: req.typeName,
        prior: fromDynamic(req.priorState, type),
        planned: fromDynamic(req.plannedState, type),
        config: fromDynamic(req.config, type),
        private: fromPrivate(req.plannedPrivate),
        signal,
      });
      return {
        newState: toDynamic(result.state, type),
        private: result.private ?? NO_BYTES,
        diagnostics: toDiagnostics(result.diagnostics),
      };
    },

    async importResourceState(req, signal) {
      const { found, diagnostics } = server.resource(req.typeName);
      if (!found) return { importedResources: [], diagnostics: toDiagnostics(diagnostics) };
      const { typeName, id } = req;
      const result = await server.resources.importState(found, { typeName, id, signal });
      const imported =
        result.state === undefined
          ? []
          : [
              {
                typeName,
                state: toDynamic(result.state, found.schema.type),
                private: result.private ?? NO_BYTES,
              },
            ];
      return { importedResources: imported, diagnostics: toDiagnostics(result.diagnostics) };
    },
  };
}
