/**
 * Write-only attributes through the RPC layer, with requests encoded independently of the host's
 * codecs: the schema flag Terraform reads, the client capability that allows them, and values
 * that reach the handler but never a planned or new state.
 */
import { createProviderService } from "../../../src/plugin/rpc/provider-service.js";
import {
  attr,
  createLogger,
  defineProvider,
  defineResource,
  schema,
} from "../../../src/plugin/index.js";
import { decodeMsgpack, encodeMsgpack } from "../../../src/plugin/values/msgpack.js";
import { UNKNOWN, type Value } from "../../../src/plugin/values/value.js";
import {
  callProvider,
  diagnosticsOf,
  dynamic,
  msgpackOf,
  type Plain,
} from "../support/protocol.js";

const secretSchema = schema({
  description: "A secret set once.",
  attributes: {
    id: attr.string({ computed: true, description: "Id." }),
    password_wo: attr.string({
      optional: true,
      sensitive: true,
      writeOnly: true,
      description: "The password, never stored.",
    }),
    password_wo_version: attr.number({ optional: true, description: "Bumped with each password." }),
  },
});

function service(seen: unknown[] = []) {
  const secret = defineResource({
    schema: secretSchema,
    create(req, resp) {
      seen.push(req.config.password_wo);
      resp.state.id = "s-1";
    },
    read: () => undefined,
    update: () => undefined,
    delete: () => undefined,
  });
  const provider = defineProvider({
    typeName: "test",
    schema: schema({ description: "Test provider.", attributes: {} }),
    resources: { test_secret: secret },
  });
  return createProviderService(provider, createLogger({ level: undefined, module: "test" }));
}

const dyn = (value: Value) => dynamic(encodeMsgpack(value, secretSchema.type));
const decoded = (value: Plain | null) => decodeMsgpack(msgpackOf(value), secretSchema.type);
const CONFIG = { id: null, password_wo: "hunter2", password_wo_version: 1 };

function validate(served: ReturnType<typeof service>, capabilities?: Plain) {
  return callProvider(served, "ValidateResourceConfig", {
    typeName: "test_secret",
    config: dyn(CONFIG),
    ...(capabilities ? { clientCapabilities: capabilities } : {}),
  });
}

describe("write-only attributes on the wire", () => {
  it("flags the attribute write_only in GetProviderSchema", async () => {
    const answer = await callProvider(service(), "GetProviderSchema");
    const attributes = answer.resourceSchemas.test_secret.block.attributes as Plain[];
    const flags = Object.fromEntries(attributes.map((a) => [a.name, a.writeOnly]));
    expect(flags).toEqual({ id: false, password_wo: true, password_wo_version: false });
  });

  it("accepts a write-only value when Terraform says it supports them (1.11 and later)", async () => {
    const answer = await validate(service(), { writeOnlyAttributesAllowed: true });
    expect(diagnosticsOf(answer.diagnostics)).toEqual([]);
  });

  it("refuses it on Terraform 1.10.5, naming that version and the one needed, on the attribute", async () => {
    const served = service();
    await callProvider(served, "ConfigureProvider", {
      terraformVersion: "1.10.5",
      config: dynamic(encodeMsgpack({}, ["object", {}])),
    });
    const [error, ...more] = diagnosticsOf((await validate(served)).diagnostics);
    expect(more).toEqual([]);
    expect(error).toMatchObject({
      severity: "error",
      summary: "password_wo needs Terraform 1.11 or later",
      attribute: [{ attribute: "password_wo" }],
    });
    expect(error?.detail).toContain("This is Terraform 1.10.5, which does not");
    expect(error?.detail).not.toContain("hunter2");
  });

  it("refuses it before any configure (terraform validate) when the capability is missing", async () => {
    const [error] = diagnosticsOf(
      (await validate(service(), { writeOnlyAttributesAllowed: false })).diagnostics,
    );
    expect(error?.summary).toBe("password_wo needs Terraform 1.11 or later");
    expect(error?.detail).toContain("This Terraform did not say it supports them");
  });

  it("hands the value to create, and plans and stores it as null", async () => {
    const seen: unknown[] = [];
    const served = service(seen);
    const plan = await callProvider(served, "PlanResourceChange", {
      typeName: "test_secret",
      priorState: dyn(null),
      proposedNewState: dyn(CONFIG),
      config: dyn(CONFIG),
    });
    const planned = decoded(plan.plannedState) as Record<string, Value>;
    expect(planned.password_wo).toBeNull();
    expect(planned.password_wo_version).toBe(1);
    const applied = await callProvider(served, "ApplyResourceChange", {
      typeName: "test_secret",
      priorState: dyn(null),
      plannedState: dyn({ ...planned, id: UNKNOWN }),
      config: dyn(CONFIG),
    });
    expect(seen).toEqual(["hunter2"]);
    expect(decoded(applied.newState)).toEqual({
      id: "s-1",
      password_wo: null,
      password_wo_version: 1,
    });
  });
});
