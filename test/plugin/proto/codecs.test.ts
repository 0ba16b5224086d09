// The generated codecs against an independent implementation (protobufjs reading the same .proto
// files at run time): requests encoded by protobufjs decode with the generated code, responses
// encoded by the generated code decode with protobufjs.
import {
  ConnInfo,
  GRPCBrokerDefinition,
  StdioData,
  StdioData_Channel,
} from "../../../src/plugin/proto/gen/go-plugin.js";
import * as tf from "../../../src/plugin/proto/gen/tfplugin6.js";
import { toAttributePath, toDiagnostics } from "../../../src/plugin/rpc/messages.js";
import {
  decodeMessage,
  diagnosticsOf,
  encodeMessage,
  pathOf,
  protocol,
} from "../support/protocol.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("generated protocol codecs, checked against protobufjs", () => {
  it("decode a PlanResourceChange request, skipping fields the .proto leaves out", () => {
    const request = encodeMessage("tfplugin6.PlanResourceChange.Request", {
      typeName: "notes_note",
      priorState: { msgpack: bytes(0xc0) },
      proposedNewState: { msgpack: bytes(0x80) },
      config: { json: new TextEncoder().encode("{}") },
      priorPrivate: bytes(1, 2, 3),
      clientCapabilities: { deferralAllowed: true, writeOnlyAttributesAllowed: true },
    });
    // What a newer Terraform adds (provider_meta = 6, prior_identity = 8, an unassigned 99).
    const newer = Buffer.concat([
      request,
      bytes(0x32, 0x02, 0x0a, 0x00),
      bytes(0x42, 0x03, 0x0a, 0x01, 0xc0),
      bytes(0x98, 0x06, 0xb9, 0x60),
    ]);
    const decoded = tf.PlanResourceChange_Request.decode(newer);
    expect(decoded.typeName).toBe("notes_note");
    expect(decoded.priorState?.msgpack).toEqual(bytes(0xc0));
    expect(decoded.proposedNewState?.msgpack).toEqual(bytes(0x80));
    expect(decoded.config?.json).toEqual(new TextEncoder().encode("{}"));
    expect(decoded.priorPrivate).toEqual(bytes(1, 2, 3));
    expect(decoded.clientCapabilities).toEqual({
      deferralAllowed: true,
      writeOnlyAttributesAllowed: true,
    });
  });

  it("encode a PlanResourceChange response with replacement paths and diagnostics", () => {
    const paths = [
      [{ attribute: "rule" }, { index: 0 }, { attribute: "port" }],
      [{ attribute: "tags" }, { key: "" }],
      [{ attribute: "" }],
    ];
    const diagnostics = [
      {
        severity: "warning" as const,
        summary: "careful",
        detail: "really",
        attribute: [{ attribute: "x" }],
      },
      { severity: "error" as const, summary: "broken", detail: "" },
    ];
    const encoded = tf.PlanResourceChange_Response.encode({
      plannedState: { msgpack: bytes(0x80), json: new Uint8Array() },
      requiresReplace: paths.map(toAttributePath),
      plannedPrivate: bytes(9),
      diagnostics: toDiagnostics(diagnostics),
    }).finish();
    const read = decodeMessage("tfplugin6.PlanResourceChange.Response", encoded);
    expect(read.plannedState.msgpack).toEqual([0x80]);
    // Zero and empty members of a oneof still say which member they are.
    expect(read.requiresReplace.map(pathOf)).toEqual(paths);
    expect(read.plannedPrivate).toEqual([9]);
    expect(diagnosticsOf(read.diagnostics)).toEqual(diagnostics);
  });

  it("decode UpgradeResourceState raw state as JSON or flatmap", () => {
    const json = tf.UpgradeResourceState_Request.decode(
      encodeMessage("tfplugin6.UpgradeResourceState.Request", {
        typeName: "t",
        version: 3,
        rawState: { json: new TextEncoder().encode('{"a":1}') },
      }),
    );
    expect(json.version).toBe(3);
    expect(new TextDecoder().decode(json.rawState?.json)).toBe('{"a":1}');
    const flat = tf.UpgradeResourceState_Request.decode(
      encodeMessage("tfplugin6.UpgradeResourceState.Request", {
        typeName: "t",
        version: -1,
        rawState: { flatmap: { a: "1", "b.#": "0" } },
      }),
    );
    expect(flat.version).toBe(-1);
    expect(flat.rawState?.flatmap).toEqual({ a: "1", "b.#": "0" });
  });

  it("encode a GetProviderSchema response with schema maps and capabilities", () => {
    const attribute: tf.Schema_Attribute = {
      name: "id",
      type: new TextEncoder().encode('"string"'),
      description: "Id.",
      required: false,
      optional: false,
      computed: true,
      sensitive: true,
      descriptionKind: tf.StringKind.MARKDOWN,
      deprecated: false,
      writeOnly: true,
    };
    const block: tf.Schema_Block = {
      version: 2,
      attributes: [attribute],
      blockTypes: [],
      description: "A thing.",
      descriptionKind: tf.StringKind.PLAIN,
      deprecated: true,
    };
    const schema: tf.Schema = { version: 2, block };
    const encoded = tf.GetProviderSchema_Response.encode({
      provider: schema,
      resourceSchemas: { t_thing: schema },
      dataSourceSchemas: { t_things: schema },
      ephemeralResourceSchemas: { t_lease: schema },
      diagnostics: [],
      serverCapabilities: {
        planDestroy: true,
        getProviderSchemaOptional: true,
        moveResourceState: false,
      },
    }).finish();
    const read = decodeMessage("tfplugin6.GetProviderSchema.Response", encoded);
    expect(Object.keys(read.resourceSchemas)).toEqual(["t_thing"]);
    expect(Object.keys(read.dataSourceSchemas)).toEqual(["t_things"]);
    expect(Object.keys(read.ephemeralResourceSchemas)).toEqual(["t_lease"]);
    expect(read.serverCapabilities).toEqual({
      planDestroy: true,
      getProviderSchemaOptional: true,
      moveResourceState: false,
    });
    const readBlock = read.resourceSchemas.t_thing.block;
    expect(readBlock).toMatchObject({ version: 2, description: "A thing.", deprecated: true });
    expect(readBlock.attributes[0]).toMatchObject({
      name: "id",
      computed: true,
      sensitive: true,
      writeOnly: true,
      descriptionKind: "MARKDOWN",
    });
  });

  it("encode OpenEphemeralResource's renewal time and private bytes, even empty ones", () => {
    const encoded = tf.OpenEphemeralResource_Response.encode({
      diagnostics: [],
      renewAt: new Date("2030-01-01T00:00:01.250Z"),
      result: { msgpack: bytes(0x80), json: new Uint8Array() },
      private: new Uint8Array(),
    }).finish();
    const read = decodeMessage("tfplugin6.OpenEphemeralResource.Response", encoded);
    expect(read.renewAt).toEqual({
      seconds: Date.parse("2030-01-01T00:00:01Z") / 1000,
      nanos: 250_000_000,
    });
    expect(read.private).toEqual([]);
    // Present, although empty: protobufjs sets only the optional fields it read.
    const raw = protocol.lookupType("tfplugin6.OpenEphemeralResource.Response").decode(encoded);
    expect(Object.keys(raw.toJSON())).toContain("private");
  });

  it("decode ephemeral private bytes as absent or present", () => {
    const absent = tf.RenewEphemeralResource_Request.decode(
      encodeMessage("tfplugin6.RenewEphemeralResource.Request", { typeName: "t" }),
    );
    expect(absent.private).toBeUndefined();
    const present = tf.CloseEphemeralResource_Request.decode(
      encodeMessage("tfplugin6.CloseEphemeralResource.Request", { typeName: "t", private: [7] }),
    );
    expect(present.private).toEqual(bytes(7));
  });

  it("encode StopProvider's error and CallFunction's error", () => {
    const stop = tf.StopProvider_Response.encode({ Error: "busy" }).finish();
    expect(decodeMessage("tfplugin6.StopProvider.Response", stop).Error).toBe("busy");
    const call = tf.CallFunction_Response.encode({ error: { text: "no such function" } }).finish();
    expect(decodeMessage("tfplugin6.CallFunction.Response", call).error.text).toBe(
      "no such function",
    );
  });

  it("decode the request of every unary Provider RPC the host answers", () => {
    const requests: Record<string, object> = {
      ValidateResourceConfig: { typeName: "t", config: { msgpack: [0x80] } },
      ValidateDataResourceConfig: { typeName: "t", config: { msgpack: [0x80] } },
      ValidateEphemeralResourceConfig: { typeName: "t", config: { msgpack: [0x80] } },
      ValidateProviderConfig: { config: { msgpack: [0x80] } },
      ConfigureProvider: { terraformVersion: "1.11.4", config: { msgpack: [0x80] } },
      ReadResource: { typeName: "t", currentState: { msgpack: [0x80] }, private: [1] },
      ApplyResourceChange: {
        typeName: "t",
        plannedState: { msgpack: [0x80] },
        plannedPrivate: [1],
      },
      ImportResourceState: { typeName: "t", id: "x-1" },
      ReadDataSource: { typeName: "t", config: { msgpack: [0x80] } },
      OpenEphemeralResource: { typeName: "t", config: { msgpack: [0x80] } },
      MoveResourceState: { sourceTypeName: "a", targetTypeName: "b" },
      CallFunction: { name: "f" },
    };
    const methods = Object.values(tf.ProviderDefinition.methods);
    for (const [name, request] of Object.entries(requests)) {
      const method = methods.find((m) => m.name === name)!;
      const decoded = method.requestType.decode(
        encodeMessage(`tfplugin6.${name}.Request`, request),
      ) as unknown as Record<string, unknown>;
      // Every field protobufjs wrote comes back under the same name with the same content.
      for (const [field, value] of Object.entries(request)) {
        const [got, sent] = [normalise(decoded[field]), normalise(value)];
        if (typeof sent === "object") expect({ [name]: got }).toMatchObject({ [name]: sent });
        else expect({ [name]: got }).toEqual({ [name]: sent });
      }
    }
  });

  it("encode and decode go-plugin's broker and stdio messages", () => {
    const info = {
      serviceId: 7,
      network: "unix",
      address: "/tmp/x.sock",
      knock: { knock: true, ack: false, error: "" },
    };
    expect(ConnInfo.decode(encodeMessage("plugin.ConnInfo", info))).toEqual(info);
    const data = StdioData.encode({
      channel: StdioData_Channel.STDERR,
      data: bytes(104, 105),
    }).finish();
    expect(decodeMessage("plugin.StdioData", data)).toEqual({
      channel: "STDERR",
      data: [104, 105],
    });
    expect(GRPCBrokerDefinition.methods.startStream).toMatchObject({
      requestStream: true,
      responseStream: true,
    });
  });
});

// Byte arrays and Uint8Arrays compare alike.
function normalise(value: unknown): unknown {
  if (value instanceof Uint8Array || Array.isArray(value))
    return Array.from(value as ArrayLike<number>);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}
