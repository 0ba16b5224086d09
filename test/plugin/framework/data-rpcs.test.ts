import { createProviderService } from "../../../src/plugin/framework/provider-service.js";
import {
  attr,
  createLogger,
  defineDataSource,
  defineEphemeralResource,
  defineProvider,
  schema,
} from "../../../src/plugin/index.js";
import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import { readDiagnostics } from "../../../src/plugin/wire/common.js";
import { ProtoFields, ProtoWriter } from "../../../src/plugin/wire/protobuf.js";

const lookupSchema = schema({
  description: "Lookup.",
  attributes: {
    key: attr.string({ required: true, description: "Key." }),
    value: attr.string({ computed: true, description: "Value." }),
  },
});

const lookup = defineDataSource<typeof lookupSchema, Record<string, string>>({
  schema: lookupSchema,
  read(req, resp) {
    const found = req.providerData?.[req.config.key];
    if (found === undefined)
      resp.diagnostics.error("No such key", `Nothing is stored under ${req.config.key}.`, [
        { attribute: "key" },
      ]);
    else resp.state.value = found;
  },
});

const lease = defineEphemeralResource<typeof lookupSchema, Record<string, string>>({
  schema: lookupSchema,
  open(req, resp) {
    resp.result.value = `lease-for-${req.config.key}`;
    resp.renewAt = new Date("2030-01-01T00:00:00Z");
    resp.private = Uint8Array.from([7]);
  },
  renew(req, resp) {
    resp.private = Uint8Array.from([...(req.private ?? []), 8]);
  },
  close(req, resp) {
    if (req.private?.[0] !== 7)
      resp.diagnostics.error("Lost the lease", "Private data did not come back.");
  },
});

const service = createProviderService(
  defineProvider({
    typeName: "kv",
    schema: schema({ description: "KV.", attributes: {} }),
    configure: (_req, resp) => void (resp.providerData = { a: "apple" }),
    dataSources: { kv_lookup: lookup },
    ephemeralResources: { kv_lease: lease },
  }),
  createLogger({ level: undefined, module: "kv" }),
);

async function call(method: string, request: Uint8Array) {
  const handler = service.methods.get(`/tfplugin6.Provider/${method}`);
  return new ProtoFields(await handler!(request, new AbortController().signal));
}

const configOf = (typeName: string, key: string) =>
  new ProtoWriter()
    .string(1, typeName)
    .message(2, (v) => v.bytes(1, encodeMsgpack({ key, value: null }, lookupSchema.type)))
    .finish();
const value = (fields: ProtoFields | undefined) =>
  decodeMsgpack(fields?.bytes(1) ?? new Uint8Array(), lookupSchema.type);

describe("data sources and ephemeral resources", () => {
  beforeAll(() => call("ConfigureProvider", new Uint8Array()));

  it("reads a data source, filling computed attributes from provider data", async () => {
    const fields = await call("ReadDataSource", configOf("kv_lookup", "a"));
    expect(value(fields.message(1))).toEqual({ key: "a", value: "apple" });
    expect(readDiagnostics(fields, 2)).toEqual([]);
  });

  it("returns the handler's diagnostics on the attribute", async () => {
    const [diagnostic] = readDiagnostics(
      await call("ReadDataSource", configOf("kv_lookup", "zz")),
      2,
    );
    expect(diagnostic).toMatchObject({ summary: "No such key", attribute: [{ attribute: "key" }] });
  });

  it("opens, renews and closes an ephemeral resource, carrying private bytes", async () => {
    const opened = await call("OpenEphemeralResource", configOf("kv_lease", "b"));
    expect(value(opened.message(3))).toEqual({ key: "b", value: "lease-for-b" });
    expect(opened.message(2)?.int(1)).toBe(Date.parse("2030-01-01T00:00:00Z") / 1000);
    const priv = opened.bytes(4);
    const renewed = await call(
      "RenewEphemeralResource",
      new ProtoWriter().string(1, "kv_lease").bytes(2, priv).finish(),
    );
    expect(renewed.bytes(3)).toEqual(Uint8Array.from([7, 8]));
    const closed = await call(
      "CloseEphemeralResource",
      new ProtoWriter().string(1, "kv_lease").bytes(2, priv).finish(),
    );
    expect(readDiagnostics(closed, 1)).toEqual([]);
  });

  it("lists data sources and ephemeral resources in GetMetadata", async () => {
    const fields = await call("GetMetadata", new Uint8Array());
    expect(fields.messages(3).map((m) => m.string(1))).toEqual(["kv_lookup"]);
    expect(fields.messages(6).map((m) => m.string(1))).toEqual(["kv_lease"]);
  });
});
