import { createProviderService } from "../../../src/plugin/rpc/provider-service.js";
import {
  attr,
  createLogger,
  defineDataSource,
  defineEphemeralResource,
  defineProvider,
  schema,
} from "../../../src/plugin/index.js";
import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import {
  callProvider,
  diagnosticsOf,
  dynamic,
  msgpackOf,
  type Plain,
} from "../support/protocol.js";

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

const call = (method: string, request: Plain = {}) => callProvider(service, method, request);

const configOf = (typeName: string, key: string) => ({
  typeName,
  config: dynamic(encodeMsgpack({ key, value: null }, lookupSchema.type)),
});
const value = (message: Plain | null) => decodeMsgpack(msgpackOf(message), lookupSchema.type);

describe("data sources and ephemeral resources", () => {
  beforeAll(() => call("ConfigureProvider"));

  it("reads a data source, filling computed attributes from provider data", async () => {
    const answer = await call("ReadDataSource", configOf("kv_lookup", "a"));
    expect(value(answer.state)).toEqual({ key: "a", value: "apple" });
    expect(diagnosticsOf(answer.diagnostics)).toEqual([]);
  });

  it("returns the handler's diagnostics on the attribute", async () => {
    const answer = await call("ReadDataSource", configOf("kv_lookup", "zz"));
    const [diagnostic] = diagnosticsOf(answer.diagnostics);
    expect(diagnostic).toMatchObject({ summary: "No such key", attribute: [{ attribute: "key" }] });
  });

  it("opens, renews and closes an ephemeral resource, carrying private bytes", async () => {
    const opened = await call("OpenEphemeralResource", configOf("kv_lease", "b"));
    expect(value(opened.result)).toEqual({ key: "b", value: "lease-for-b" });
    expect(opened.renewAt.seconds).toBe(Date.parse("2030-01-01T00:00:00Z") / 1000);
    const priv = opened.private as number[];
    expect(priv).toEqual([7]);
    const renewed = await call("RenewEphemeralResource", { typeName: "kv_lease", private: priv });
    expect(renewed.private).toEqual([7, 8]);
    const closed = await call("CloseEphemeralResource", { typeName: "kv_lease", private: priv });
    expect(diagnosticsOf(closed.diagnostics)).toEqual([]);
  });

  it("lists data sources and ephemeral resources in GetMetadata", async () => {
    const answer = await call("GetMetadata");
    expect(answer.dataSources).toEqual([{ typeName: "kv_lookup" }]);
    expect(answer.ephemeralResources).toEqual([{ typeName: "kv_lease" }]);
  });
});
