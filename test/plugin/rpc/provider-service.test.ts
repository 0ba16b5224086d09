import { createProviderService } from "../../../src/plugin/rpc/provider-service.js";
import {
  attr,
  createLogger,
  defineProvider,
  defineResource,
  planModifiers,
  schema,
  type Logger,
  type Resource,
} from "../../../src/plugin/index.js";
import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import { Unknown, UNKNOWN, type Value } from "../../../src/plugin/values/value.js";
import {
  callProvider,
  diagnosticsOf,
  dynamic,
  msgpackOf,
  pathOf,
  type Plain,
} from "../support/protocol.js";

const thingSchema = schema({
  description: "A thing.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "Id.",
    }),
    name: attr.string({
      required: true,
      planModifiers: [planModifiers.requiresReplace()],
      description: "Name.",
    }),
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

const dyn = (value: Value) => dynamic(encodeMsgpack(value, thingSchema.type));
const call = callProvider;

/** The value in a DynamicValue of the answer (null when absent). */
const state = (value: Plain | null) => decodeMsgpack(msgpackOf(value), thingSchema.type);

function applyRequest(prior: Value, planned: Value, config: Value): Plain {
  return {
    typeName: "test_thing",
    priorState: dyn(prior),
    plannedState: dyn(planned),
    config: dyn(config),
  };
}

/** ApplyResourceChange creating a thing named "n". */
const createRequest = () =>
  applyRequest(null, { id: UNKNOWN, name: "n", token: null }, { id: null, name: "n", token: null });

describe("the tfplugin6.Provider service", () => {
  it("announces plan_destroy and get_provider_schema_optional with the schemas", async () => {
    const answer = await call(serviceWith({}), "GetProviderSchema");
    expect(answer.serverCapabilities).toMatchObject({
      planDestroy: true,
      getProviderSchemaOptional: true,
    });
    expect(Object.keys(answer.resourceSchemas)).toEqual(["test_thing"]);
  });

  it("creates: the handler fills computed values and gets the configured provider data", async () => {
    let seen: unknown;
    const service = serviceWith({
      create(req, resp) {
        seen = req.providerData;
        resp.state.id = "t-9";
      },
    });
    await call(service, "ConfigureProvider");
    const answer = await call(service, "ApplyResourceChange", createRequest());
    expect(seen).toBe("configured");
    expect(state(answer.newState)).toEqual({ id: "t-9", name: "n", token: null });
    expect(diagnosticsOf(answer.diagnostics)).toEqual([]);
  });

  it("turns a handler's contradiction of the plan into a provider-bug diagnostic on the attribute", async () => {
    const service = serviceWith({
      create(_req, resp) {
        resp.state.id = "t-1";
        resp.state.name = "someone else";
      },
    });
    const answer = await call(service, "ApplyResourceChange", createRequest());
    const [diagnostic] = diagnosticsOf(answer.diagnostics);
    expect(diagnostic?.summary).toMatch(/Provider bug/);
    expect(diagnostic?.attribute).toEqual([{ attribute: "name" }]);
    expect(state(answer.newState)).toEqual({ id: "t-1", name: "n", token: null });
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
    const answer = await call(service, "ApplyResourceChange", createRequest());
    expect(diagnosticsOf(answer.diagnostics)).toEqual([
      { severity: "error", summary: "Creating test_thing failed", detail: "quota exceeded" },
    ]);
    expect(state(answer.newState)).toBeNull(); // nothing was created
    expect(lines.some((l) => l.includes('"stack"') && l.includes('"@level":"debug"'))).toBe(true);
  });

  it("plans requires-replace paths for the resource", async () => {
    const prior = { id: "t-1", name: "a", token: null };
    const config = { id: null, name: "b", token: null };
    const answer = await call(serviceWith({}), "PlanResourceChange", {
      typeName: "test_thing",
      priorState: dyn(prior),
      proposedNewState: dyn({ ...config, id: "t-1" }),
      config: dyn(config),
    });
    expect(answer.requiresReplace.map(pathOf)).toEqual([[{ attribute: "name" }]]);
    expect(state(answer.plannedState)).toEqual({ id: "t-1", name: "b", token: null });
  });

  it("plans a destroy as null", async () => {
    const answer = await call(serviceWith({}), "PlanResourceChange", {
      typeName: "test_thing",
      priorState: dyn({ id: "t-1", name: "a", token: null }),
      proposedNewState: dyn(null),
      config: dyn(null),
    });
    expect(answer.plannedState).not.toBeNull();
    expect(state(answer.plannedState)).toBeNull();
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
    await call(service, "StopProvider");
    const answer = await pending;
    expect(aborted).toBe(true);
    expect(diagnosticsOf(answer.diagnostics)[0]?.summary).toBe("Creating test_thing was cancelled");
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
    const answer = await call(service, "ReadResource", { typeName: "test_thing" });
    expect(diagnosticsOf(answer.diagnostics)).toEqual([]);
  });

  it("does not start a handler for a call that arrives after StopProvider", async () => {
    let started = false;
    const service = serviceWith({ create: () => void (started = true) });
    await call(service, "StopProvider");
    const answer = await call(service, "ApplyResourceChange", createRequest());
    expect(started).toBe(false);
    expect(diagnosticsOf(answer.diagnostics)[0]?.summary).toBe("Creating test_thing was cancelled");
    expect(state(answer.newState)).toBeNull();
  });

  it("removes a resource that Read reports gone", async () => {
    const service = serviceWith({ read: (_req, resp) => void (resp.state = null) });
    const answer = await call(service, "ReadResource", {
      typeName: "test_thing",
      currentState: dyn({ id: "t-1", name: "a", token: null }),
    });
    expect(answer.newState).not.toBeNull();
    expect(state(answer.newState)).toBeNull();
  });

  it("upgrades stored JSON of the current version by decoding it against the schema", async () => {
    const answer = await call(serviceWith({}), "UpgradeResourceState", {
      typeName: "test_thing",
      rawState: { json: new TextEncoder().encode('{"id":"t-1","name":"a","token":"s","gone":1}') },
    });
    expect(state(answer.upgradedState)).toEqual({ id: "t-1", name: "a", token: "s" });
  });

  it("calls upgradeState for older versions with plain JSON", async () => {
    const service = serviceWith({
      upgradeState(req, resp) {
        const old = req.rawState as { identifier: string; label: string };
        resp.state = { id: old.identifier, name: old.label, token: null };
      },
    });
    const answer = await call(service, "UpgradeResourceState", {
      typeName: "test_thing",
      version: -1,
      rawState: { json: new TextEncoder().encode('{"identifier":"t-1","label":"a"}') },
    });
    expect(state(answer.upgradedState)).toEqual({
      id: "t-1",
      name: "a",
      token: null,
    });
  });

  it("says clearly that a resource without importState cannot be imported", async () => {
    const answer = await call(serviceWith({}), "ImportResourceState", {
      typeName: "test_thing",
      id: "t-1",
    });
    const [diagnostic] = diagnosticsOf(answer.diagnostics);
    expect(diagnostic?.summary).toBe("test_thing cannot be imported");
  });

  it("imports with every attribute null except what the handler sets", async () => {
    const service = serviceWith({ importState: (req, resp) => void (resp.state.id = req.id) });
    const answer = await call(service, "ImportResourceState", {
      typeName: "test_thing",
      id: "t-7",
    });
    const imported = answer.importedResources[0];
    expect(imported?.typeName).toBe("test_thing");
    expect(state(imported?.state)).toEqual({
      id: "t-7",
      name: null,
      token: null,
    });
  });

  it("reports an unknown resource type as a diagnostic", async () => {
    const answer = await call(serviceWith({}), "ValidateResourceConfig", { typeName: "test_nope" });
    const [diagnostic] = diagnosticsOf(answer.diagnostics);
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
    expect((await call(service, "GetFunctions")).diagnostics).toEqual([]);
    const move = await call(service, "MoveResourceState", { targetTypeName: "test_thing" });
    expect(diagnosticsOf(move.diagnostics)[0]?.severity).toBe("error");
    const called = await call(service, "CallFunction", { name: "nope" });
    expect(called.error.text).toMatch(/no function named nope/);
  });

  it("keeps a refined unknown from the config in the plan", async () => {
    const refined = new Unknown(Uint8Array.from([0x81, 0x01, 0xc3]));
    const config = { id: null, name: refined, token: null };
    const answer = await call(serviceWith({}), "PlanResourceChange", {
      typeName: "test_thing",
      priorState: dyn(null),
      proposedNewState: dyn(config),
      config: dyn(config),
    });
    const planned = state(answer.plannedState) as Record<string, Value>;
    expect((planned.name as Unknown).refinement).toEqual(refined.refinement);
  });
});
