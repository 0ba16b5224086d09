/**
 * Hand-written codecs for the tfplugin6 messages this host exchanges: requests are decoded,
 * responses encoded. Only what we use is modelled; anything else in a request is skipped.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { AttributePath } from "../path.js";
import {
  readClientCapabilities,
  readDynamicValue,
  writeAttributePath,
  writeDiagnostics,
  writeDynamicValue,
  writeSchema,
  writeServerCapabilities,
  writeTimestamp,
  type ClientCapabilities,
  type DynamicValueBytes,
  type ServerCapabilities,
  type WireSchema,
} from "./common.js";
import { ProtoFields, ProtoWriter } from "./protobuf.js";

/** A request carrying only a type name and a configuration (the Validate* RPCs). */
export interface ConfigRequest {
  readonly typeName: string;
  readonly config: DynamicValueBytes | undefined;
  readonly clientCapabilities: ClientCapabilities;
}

/** ConfigureProvider.Request. */
export interface ConfigureProviderRequest extends ConfigRequest {
  readonly terraformVersion: string;
}

/** UpgradeResourceState.Request. */
export interface UpgradeResourceStateRequest {
  readonly typeName: string;
  readonly version: number;
  readonly rawState: { readonly json?: Uint8Array; readonly flatmap?: Record<string, string> };
}

/** ReadResource.Request. */
export interface ReadResourceRequest {
  readonly typeName: string;
  readonly currentState: DynamicValueBytes | undefined;
  readonly private: Uint8Array;
  readonly clientCapabilities: ClientCapabilities;
}

/** PlanResourceChange.Request. */
export interface PlanResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: DynamicValueBytes | undefined;
  readonly proposedNewState: DynamicValueBytes | undefined;
  readonly config: DynamicValueBytes | undefined;
  readonly priorPrivate: Uint8Array;
  readonly clientCapabilities: ClientCapabilities;
}

/** ApplyResourceChange.Request. */
export interface ApplyResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: DynamicValueBytes | undefined;
  readonly plannedState: DynamicValueBytes | undefined;
  readonly config: DynamicValueBytes | undefined;
  readonly plannedPrivate: Uint8Array;
}

/** ImportResourceState.Request. */
export interface ImportResourceStateRequest {
  readonly typeName: string;
  readonly id: string;
  readonly clientCapabilities: ClientCapabilities;
}

/** RenewEphemeralResource.Request and CloseEphemeralResource.Request. */
export interface EphemeralPrivateRequest {
  readonly typeName: string;
  readonly private: Uint8Array | undefined;
}

/** MoveResourceState.Request (only what an answer needs). */
export interface MoveResourceStateRequest {
  readonly sourceTypeName: string;
  readonly targetTypeName: string;
}

/** CallFunction.Request (only what an answer needs). */
export interface CallFunctionRequest {
  readonly name: string;
}

/** Request decoders, by RPC. */
export const decodeRequest = {
  /** ValidateProviderConfig.Request: config is field 1 (no type name). */
  validateProviderConfig(bytes: Uint8Array): ConfigRequest {
    const f = new ProtoFields(bytes);
    return { typeName: "", config: readDynamicValue(f.message(1)), clientCapabilities: none };
  },
  /** ValidateResourceConfig / ValidateDataResourceConfig / ValidateEphemeralResourceConfig / ReadDataSource / OpenEphemeralResource. */
  typedConfig(bytes: Uint8Array, capabilitiesField = 3): ConfigRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: f.string(1),
      config: readDynamicValue(f.message(2)),
      clientCapabilities: readClientCapabilities(f.message(capabilitiesField)),
    };
  },
  /** ConfigureProvider.Request. */
  configureProvider(bytes: Uint8Array): ConfigureProviderRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: "",
      terraformVersion: f.string(1),
      config: readDynamicValue(f.message(2)),
      clientCapabilities: readClientCapabilities(f.message(3)),
    };
  },
  /** UpgradeResourceState.Request. */
  upgradeResourceState(bytes: Uint8Array): UpgradeResourceStateRequest {
    const f = new ProtoFields(bytes);
    const raw = f.message(3);
    const json = raw?.optionalBytes(1);
    const flatmap = raw?.stringMap(2);
    return {
      typeName: f.string(1),
      version: f.int(2),
      rawState: {
        ...(json ? { json } : {}),
        ...(flatmap && Object.keys(flatmap).length > 0 ? { flatmap } : {}),
      },
    };
  },
  /** ReadResource.Request. */
  readResource(bytes: Uint8Array): ReadResourceRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: f.string(1),
      currentState: readDynamicValue(f.message(2)),
      private: f.bytes(3),
      clientCapabilities: readClientCapabilities(f.message(5)),
    };
  },
  /** PlanResourceChange.Request. */
  planResourceChange(bytes: Uint8Array): PlanResourceChangeRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: f.string(1),
      priorState: readDynamicValue(f.message(2)),
      proposedNewState: readDynamicValue(f.message(3)),
      config: readDynamicValue(f.message(4)),
      priorPrivate: f.bytes(5),
      clientCapabilities: readClientCapabilities(f.message(7)),
    };
  },
  /** ApplyResourceChange.Request. */
  applyResourceChange(bytes: Uint8Array): ApplyResourceChangeRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: f.string(1),
      priorState: readDynamicValue(f.message(2)),
      plannedState: readDynamicValue(f.message(3)),
      config: readDynamicValue(f.message(4)),
      plannedPrivate: f.bytes(5),
    };
  },
  /** ImportResourceState.Request. */
  importResourceState(bytes: Uint8Array): ImportResourceStateRequest {
    const f = new ProtoFields(bytes);
    return {
      typeName: f.string(1),
      id: f.string(2),
      clientCapabilities: readClientCapabilities(f.message(3)),
    };
  },
  /** RenewEphemeralResource.Request / CloseEphemeralResource.Request. */
  ephemeralPrivate(bytes: Uint8Array): EphemeralPrivateRequest {
    const f = new ProtoFields(bytes);
    return { typeName: f.string(1), private: f.optionalBytes(2) };
  },
  /** MoveResourceState.Request. */
  moveResourceState(bytes: Uint8Array): MoveResourceStateRequest {
    const f = new ProtoFields(bytes);
    return { sourceTypeName: f.string(2), targetTypeName: f.string(5) };
  },
  /** CallFunction.Request. */
  callFunction(bytes: Uint8Array): CallFunctionRequest {
    return { name: new ProtoFields(bytes).string(1) };
  },
};

const none: ClientCapabilities = { deferralAllowed: false, writeOnlyAttributesAllowed: false };

/** Every schema a provider announces. */
export interface ProviderSchemas {
  readonly provider: WireSchema;
  readonly resources: ReadonlyMap<string, WireSchema>;
  readonly dataSources: ReadonlyMap<string, WireSchema>;
  readonly ephemeralResources: ReadonlyMap<string, WireSchema>;
  readonly capabilities: ServerCapabilities;
}

/** Response encoders, by RPC. */
export const encodeResponse = {
  /** GetProviderSchema.Response. */
  getProviderSchema(s: ProviderSchemas, diagnostics: readonly Diagnostic[]): Uint8Array {
    const w = new ProtoWriter();
    w.message(1, (m) => writeSchema(m, s.provider));
    w.map(2, s.resources, writeSchema);
    w.map(3, s.dataSources, writeSchema);
    writeDiagnostics(w, 4, diagnostics);
    writeServerCapabilities(w, 6, s.capabilities);
    w.map(8, s.ephemeralResources, writeSchema);
    return w.finish();
  },
  /** GetMetadata.Response. */
  getMetadata(s: ProviderSchemas): Uint8Array {
    const w = new ProtoWriter();
    writeServerCapabilities(w, 1, s.capabilities);
    for (const name of s.dataSources.keys()) w.message(3, (m) => m.string(1, name));
    for (const name of s.resources.keys()) w.message(4, (m) => m.string(1, name));
    for (const name of s.ephemeralResources.keys()) w.message(6, (m) => m.string(1, name));
    return w.finish();
  },
  /** Any response whose only field is `repeated Diagnostic diagnostics = <field>`. */
  diagnosticsOnly(field: number, diagnostics: readonly Diagnostic[]): Uint8Array {
    const w = new ProtoWriter();
    writeDiagnostics(w, field, diagnostics);
    return w.finish();
  },
  /** UpgradeResourceState.Response. */
  upgradeResourceState(state: Uint8Array | undefined, diagnostics: readonly Diagnostic[]) {
    const w = new ProtoWriter();
    writeDynamicValue(w, 1, state);
    writeDiagnostics(w, 2, diagnostics);
    return w.finish();
  },
  /** ReadResource.Response. */
  readResource(
    state: Uint8Array | undefined,
    priv: Uint8Array,
    diagnostics: readonly Diagnostic[],
  ) {
    const w = new ProtoWriter();
    writeDynamicValue(w, 1, state);
    writeDiagnostics(w, 2, diagnostics);
    w.bytes(3, priv);
    return w.finish();
  },
  /** PlanResourceChange.Response. */
  planResourceChange(r: {
    planned: Uint8Array | undefined;
    requiresReplace: readonly AttributePath[];
    plannedPrivate: Uint8Array;
    diagnostics: readonly Diagnostic[];
  }): Uint8Array {
    const w = new ProtoWriter();
    writeDynamicValue(w, 1, r.planned);
    for (const path of r.requiresReplace) w.message(2, (p) => writeAttributePath(p, path));
    w.bytes(3, r.plannedPrivate);
    writeDiagnostics(w, 4, r.diagnostics);
    return w.finish();
  },
  /** ApplyResourceChange.Response. */
  applyResourceChange(
    state: Uint8Array | undefined,
    priv: Uint8Array,
    diagnostics: readonly Diagnostic[],
  ) {
    const w = new ProtoWriter();
    writeDynamicValue(w, 1, state);
    w.bytes(2, priv);
    writeDiagnostics(w, 3, diagnostics);
    return w.finish();
  },
  /** ImportResourceState.Response. */
  importResourceState(
    imported: readonly { typeName: string; state: Uint8Array; private: Uint8Array }[],
    diagnostics: readonly Diagnostic[],
  ): Uint8Array {
    const w = new ProtoWriter();
    for (const item of imported) {
      w.message(1, (m) => {
        m.string(1, item.typeName);
        writeDynamicValue(m, 2, item.state);
        m.bytes(3, item.private);
      });
    }
    writeDiagnostics(w, 2, diagnostics);
    return w.finish();
  },
  /** ReadDataSource.Response. */
  readDataSource(state: Uint8Array | undefined, diagnostics: readonly Diagnostic[]) {
    const w = new ProtoWriter();
    writeDynamicValue(w, 1, state);
    writeDiagnostics(w, 2, diagnostics);
    return w.finish();
  },
  /** OpenEphemeralResource.Response. */
  openEphemeralResource(r: {
    result: Uint8Array | undefined;
    renewAt: Date | undefined;
    private: Uint8Array | undefined;
    diagnostics: readonly Diagnostic[];
  }): Uint8Array {
    const w = new ProtoWriter();
    writeDiagnostics(w, 1, r.diagnostics);
    if (r.renewAt) writeTimestamp(w, 2, r.renewAt);
    writeDynamicValue(w, 3, r.result);
    w.bytes(4, r.private, true);
    return w.finish();
  },
  /** RenewEphemeralResource.Response. */
  renewEphemeralResource(r: {
    renewAt: Date | undefined;
    private: Uint8Array | undefined;
    diagnostics: readonly Diagnostic[];
  }): Uint8Array {
    const w = new ProtoWriter();
    writeDiagnostics(w, 1, r.diagnostics);
    if (r.renewAt) writeTimestamp(w, 2, r.renewAt);
    w.bytes(3, r.private, true);
    return w.finish();
  },
  /** GetFunctions.Response with no functions. */
  getFunctions(): Uint8Array {
    return new Uint8Array(0);
  },
  /** CallFunction.Response carrying a FunctionError. */
  callFunctionError(text: string): Uint8Array {
    return new ProtoWriter().message(2, (e) => e.string(1, text)).finish();
  },
  /** GetResourceIdentitySchemas.Response with no identity schemas. */
  getResourceIdentitySchemas(): Uint8Array {
    return new Uint8Array(0);
  },
  /** StopProvider.Response. */
  stopProvider(error: string): Uint8Array {
    return new ProtoWriter().string(1, error).finish();
  },
  /** MoveResourceState.Response. */
  moveResourceState(diagnostics: readonly Diagnostic[]): Uint8Array {
    const w = new ProtoWriter();
    writeDiagnostics(w, 2, diagnostics);
    return w.finish();
  },
};
