import { createProviderService } from "../../../src/plugin/framework/provider-service.js";
import {
  attr,
  createLogger,
  defineProvider,
  defineResource,
  schema,
  type Logger,
  type Resource,
} from "../../../src/plugin/index.js";
import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import { Unknown, UNKNOWN, type Value } from "../../../src/plugin/values/value.js";
import { readAttributePath, readDiagnostics } from "../../../src/plugin/wire/common.js";
import { ProtoFields, ProtoWriter } from "../../../src/plugin/wire/protobuf.js";

const thingSchema = schema({
  description: "A thing.",
  attributes: {
    id: attr.string({ computed: true, useStateForUnknown: true, description: "Id." }),
    name: attr.string({ required: true, requiresReplace: true, description: "Name." }),
    token: attr.string({ optional: true, sensitive: true, description: "Token." }),
  },
});
type Thing = Resource<typeof thingSchema, string>;

function serviceWith(overrides: Partial<Thing>, log?: Logger) {
  const thing = defineResource<typeof thingSchema, string>({
    schema: thingSchema,
    create: (_req, resp) => void (resp.state.id = "t-1"),
    read: () => undefined,
    update: () => undefined,
    delete: () => undefined,
    ...overrides,
  });
  const provider = defineProvider({
    typeName: "test",
    schema: schema({ description: "Test provider.", attributes: {} }),
    configure: (_req, resp) => void (resp.providerData = "configured"),
    resources: { test_thing: thing },
  });
  return createProviderService(provider, log ?? createLogger({ level: undefined, module: "test" }));
}

const dyn = (value: Value) => (w: ProtoWriter) =>
  w.bytes(1, encodeMsgpack(value, thingSchema.type), true);

async function call(
  service: ReturnType<typeof serviceWith>,
  method: string,
  request: Uint8Array,
  signal?: AbortSignal,
) {
  const handler = service.methods.get(`/tfplugin6.Provider/${method}`);
  if (!handler) throw new Error(`no ${method}`);
  return new ProtoFields(await handler(request, signal ?? new AbortController().signal));
}

const state = (fields: ProtoFields, n: number) =>
  decodeMsgpack(fields.message(n)?.bytes(1) ?? new Uint8Array(), thingSchema.type);

function applyRequest(prior: Value, planned: Value, config: Value) {
  return new ProtoWriter()
    .string(1, "test_thing")
    .message(2, dyn(prior))
    .message(3, dyn(planned))
    .message(4, dyn(config))
    .finish();
}

/** ApplyResourceChange creating a thing named "n". */
const createRequest = () =>
  applyRequest(null, { id: UNKNOWN, name: "n", token: null }, { id: null, name: "n", token: null });

describe("the tfplugin6.Provider service", () => {
  it("announces plan_destroy and get_provider_schema_optional with the schemas", async () => {
    const fields = await call(serviceWith({}), "GetProviderSchema", new Uint8Array());
    const capabilities = fields.message(6);
    expect(capabilities?.bool(1)).toBe(true);
    expect(capabilities?.bool(2)).toBe(true);
    const resources = fields.messages(2).map((entry) => entry.string(1));
    expect(resources).toEqual(["test_thing"]);
  });

  it("creates: the handler fills computed values and gets the configured provider data", async () => {
    let seen: unknown;
    const service = serviceWith({
      create(req, resp) {
        seen = req.providerData;
        resp.state.id = "t-9";
      },
    });
    await call(service, "ConfigureProvider", new ProtoWriter().finish());
    const fields = await call(service, "ApplyResourceChange", createRequest());
    expect(seen).toBe("configured");
    expect(state(fields, 1)).toEqual({ id: "t-9", name: "n", token: null });
    expect(readDiagnostics(fields, 3)).toEqual([]);
  });

  it("turns a handler's contradiction of the plan into a provider-bug diagnostic on the attribute", async () => {
    const service = serviceWith({
      create(_req, resp) {
        resp.state.id = "t-1";
        resp.state.name = "someone else";
      },
    });
    const fields = await call(service, "ApplyResourceChange", createRequest());
    const [diagnostic] = readDiagnostics(fields, 3);
    expect(diagnostic?.summary).toMatch(/Provider bug/);
    expect(diagnostic?.attribute).toEqual([{ attribute: "name" }]);
    expect(state(fields, 1)).toEqual({ id: "t-1", name: "n", token: null });
  });

  it("turns an exception into a short error diagnostic and logs the stack only at debug", async () => {
    const lines: string[] = [];
    const log = createLogger({ level: "debug", module: "test", write: (l) => lines.push(l) });
    const service = serviceWith(
      {
        create() {
          throw new Error("quota exceeded\nwith a long second line");
        },
      },
      log,
    );
    const fields = await call(service, "ApplyResourceChange", createRequest());
    expect(readDiagnostics(fields, 3)).toEqual([
      { severity: "error", summary: "Creating test_thing failed", detail: "quota exceeded" },
    ]);
    expect(state(fields, 1)).toBeNull(); // nothing was created
    expect(lines.some((l) => l.includes('"stack"') && l.includes('"@level":"debug"'))).toBe(true);
  });

  it("plans requires-replace paths for the resource", async () => {
    const prior = { id: "t-1", name: "a", token: null };
    const config = { id: null, name: "b", token: null };
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .message(2, dyn(prior))
      .message(3, dyn({ ...config, id: "t-1" }))
      .message(4, dyn(config))
      .finish();
    const fields = await call(serviceWith({}), "PlanResourceChange", req);
    expect(fields.messages(2).map(readAttributePath)).toEqual([[{ attribute: "name" }]]);
    expect(state(fields, 1)).toEqual({ id: "t-1", name: "b", token: null });
  });

  it("plans a destroy as null", async () => {
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .message(2, dyn({ id: "t-1", name: "a", token: null }))
      .message(3, dyn(null))
      .message(4, dyn(null))
      .finish();
    const fields = await call(serviceWith({}), "PlanResourceChange", req);
    expect(state(fields, 1)).toBeNull();
  });

  it("StopProvider aborts the signal of an in-flight handler", async () => {
    let aborted = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const service = serviceWith({
      create: (req) =>
        new Promise<void>((_resolve, reject) => {
          req.signal.addEventListener("abort", () => {
            aborted = true;
            reject(new Error("stopped"));
          });
          started();
        }),
    });
    const pending = call(service, "ApplyResourceChange", createRequest());
    await running;
    await call(service, "StopProvider", new Uint8Array());
    const fields = await pending;
    expect(aborted).toBe(true);
    expect(readDiagnostics(fields, 3)[0]?.summary).toBe("Creating test_thing was cancelled");
  });

  it("aborts a handler's signal when Terraform cancels that call alone", async () => {
    const signals: AbortSignal[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const service = serviceWith({
      create: (req) =>
        new Promise<void>((_resolve, reject) => {
          signals.push(req.signal);
          req.signal.addEventListener("abort", () => reject(new Error("cancelled")));
          started();
        }),
    });
    const cancel = new AbortController();
    const pending = call(service, "ApplyResourceChange", createRequest(), cancel.signal);
    await running;
    cancel.abort();
    await pending;
    expect(signals[0]?.aborted).toBe(true);
    // Another call is not affected, and later calls are not stopped.
    const fields = await call(
      service,
      "ReadResource",
      new ProtoWriter().string(1, "test_thing").finish(),
    );
    expect(readDiagnostics(fields, 3)).toEqual([]);
  });

  it("does not start a handler for a call that arrives after StopProvider", async () => {
    let started = false;
    const service = serviceWith({ create: () => void (started = true) });
    await call(service, "StopProvider", new Uint8Array());
    const fields = await call(service, "ApplyResourceChange", createRequest());
    expect(started).toBe(false);
    expect(readDiagnostics(fields, 3)[0]?.summary).toBe("Creating test_thing was cancelled");
    expect(state(fields, 1)).toBeNull();
  });

  it("removes a resource that Read reports gone", async () => {
    const service = serviceWith({ read: (_req, resp) => void (resp.state = null) });
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .message(2, dyn({ id: "t-1", name: "a", token: null }))
      .finish();
    expect(state(await call(service, "ReadResource", req), 1)).toBeNull();
  });

  it("upgrades stored JSON of the current version by decoding it against the schema", async () => {
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .message(3, (r) =>
        r.bytes(1, new TextEncoder().encode('{"id":"t-1","name":"a","token":"s","gone":1}')),
      )
      .finish();
    const fields = await call(serviceWith({}), "UpgradeResourceState", req);
    expect(state(fields, 1)).toEqual({ id: "t-1", name: "a", token: "s" });
  });

  it("calls upgradeState for older versions with plain JSON", async () => {
    const service = serviceWith({
      upgradeState(req, resp) {
        const old = req.rawState as { identifier: string; label: string };
        resp.state = { id: old.identifier, name: old.label, token: null };
      },
    });
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .int(2, -1)
      .message(3, (r) => r.bytes(1, new TextEncoder().encode('{"identifier":"t-1","label":"a"}')))
      .finish();
    expect(state(await call(service, "UpgradeResourceState", req), 1)).toEqual({
      id: "t-1",
      name: "a",
      token: null,
    });
  });

  it("says clearly that a resource without importState cannot be imported", async () => {
    const req = new ProtoWriter().string(1, "test_thing").string(2, "t-1").finish();
    const [diagnostic] = readDiagnostics(
      await call(serviceWith({}), "ImportResourceState", req),
      2,
    );
    expect(diagnostic?.summary).toBe("test_thing cannot be imported");
  });

  it("imports with every attribute null except what the handler sets", async () => {
    const service = serviceWith({ importState: (req, resp) => void (resp.state.id = req.id) });
    const req = new ProtoWriter().string(1, "test_thing").string(2, "t-7").finish();
    const imported = (await call(service, "ImportResourceState", req)).messages(1)[0];
    expect(imported?.string(1)).toBe("test_thing");
    expect(
      decodeMsgpack(imported?.message(2)?.bytes(1) ?? new Uint8Array(), thingSchema.type),
    ).toEqual({
      id: "t-7",
      name: null,
      token: null,
    });
  });

  it("reports an unknown resource type as a diagnostic", async () => {
    const req = new ProtoWriter().string(1, "test_nope").finish();
    const [diagnostic] = readDiagnostics(
      await call(serviceWith({}), "ValidateResourceConfig", req),
      1,
    );
    expect(diagnostic?.summary).toBe("Unknown resource type test_nope");
  });

  it("redacts sensitive values when it traces them", async () => {
    const lines: string[] = [];
    const log = createLogger({ level: "trace", module: "test", write: (l) => lines.push(l) });
    const service = serviceWith({}, log);
    await call(
      service,
      "ApplyResourceChange",
      applyRequest(
        null,
        { id: UNKNOWN, name: "n", token: "tok-SECRET" },
        { id: null, name: "n", token: "tok-SECRET" },
      ),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("")).not.toContain("tok-SECRET");
    expect(lines.join("")).toContain("<sensitive>");
  });

  it("answers functions and moves without crashing", async () => {
    const service = serviceWith({});
    expect((await call(service, "GetFunctions", new Uint8Array())).messages(1)).toEqual([]);
    const move = await call(
      service,
      "MoveResourceState",
      new ProtoWriter().string(5, "test_thing").finish(),
    );
    expect(readDiagnostics(move, 2)[0]?.severity).toBe("error");
  });

  it("keeps a refined unknown from the config in the plan", async () => {
    const refined = new Unknown(Uint8Array.from([0x81, 0x01, 0xc3]));
    const config = { id: null, name: refined, token: null };
    const req = new ProtoWriter()
      .string(1, "test_thing")
      .message(2, dyn(null))
      .message(3, dyn(config))
      .message(4, dyn(config))
      .finish();
    const planned = state(await call(serviceWith({}), "PlanResourceChange", req), 1) as Record<
      string,
      Value
    >;
    expect((planned.name as Unknown).refinement).toEqual(refined.refinement);
  });
});
