/**
 * Every attribute of every schema has its binding: a config prop with the right optionality and
 * type (read with the TypeScript compiler from the generated source), a getter on the class, and
 * a place in the synthesized JSON under its Terraform name. The binding of each Terraform type is
 * found by its `tfResourceType`, in the namespaces the package exports.
 */
import { TerraformDataSource, TerraformProvider, Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { join } from "node:path";
import ts from "typescript";
import { BINDINGS_DIR } from "../../../scripts/bindings/generate.js";
import * as bindings from "../../../src/constructs/bindings/index.js";
import type { CtyType, Schema } from "../../../src/plugin/index.js";
import { PROVIDER_TYPE } from "../../../src/provider/provider-address.js";
import { DATA_SOURCES, RESOURCES, providerSchema } from "../../../src/provider/provider.js";
import { resolved, synthJson } from "../support.js";

type Kind = "provider" | "resource" | "dataSource";
type BindingClass = (new (
  scope: Construct,
  id: string,
  config: Record<string, unknown>,
) => object) & {
  readonly name: string;
  readonly tfResourceType?: string;
};

/** Every bound Terraform type with its kind and schema. */
const TYPES: [string, Kind, Schema][] = [
  [PROVIDER_TYPE, "provider", providerSchema],
  ...Object.entries(RESOURCES).map(([type, r]): [string, Kind, Schema] => [
    type,
    "resource",
    r.schema,
  ]),
  ...Object.entries(DATA_SOURCES).map(([type, d]): [string, Kind, Schema] => [
    type,
    "dataSource",
    d.schema,
  ]),
];

function kindOf(binding: BindingClass): Kind {
  if (binding.prototype instanceof TerraformProvider) return "provider";
  return binding.prototype instanceof TerraformDataSource ? "dataSource" : "resource";
}

/** The class bound to a Terraform type of a kind, from the bindings' namespaces. */
function bindingOf(type: string, kind: Kind): BindingClass {
  const found = Object.values(bindings)
    .flatMap((namespace) => Object.values(namespace as Record<string, unknown>))
    .filter((value): value is BindingClass => typeof value === "function")
    .filter((binding) => binding.tfResourceType === type && kindOf(binding) === kind);
  if (found.length !== 1) throw new Error(`${found.length} bindings of ${kind} ${type}`);
  return found[0]!;
}

const program = ts.createProgram([join(BINDINGS_DIR, "index.ts")], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
  types: [],
});

/** The config interface's own props: name → { optional, type text }. */
function configProps(className: string): Map<string, { optional: boolean; type: string }> {
  const interfaces = program
    .getSourceFiles()
    .filter((file) => file.fileName.startsWith(BINDINGS_DIR))
    .flatMap((file) =>
      file.statements
        .filter(
          (s): s is ts.InterfaceDeclaration =>
            ts.isInterfaceDeclaration(s) && s.name.text === `${className}Config`,
        )
        .map((s) => [file, s] as const),
    );
  if (interfaces.length !== 1) throw new Error(`${interfaces.length} ${className}Config found`);
  const [file, found] = interfaces[0]!;
  return new Map(
    found.members
      .filter(ts.isPropertySignature)
      .map((m) => [
        (m.name as ts.Identifier).text,
        { optional: m.questionToken !== undefined, type: m.type!.getText(file) },
      ]),
  );
}

/** `client_id` → `clientId`. */
const camelCase = (snake: string) =>
  snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The TypeScript type a config prop must have, by the attribute's Terraform type (JSON). */
const EXPECTED_TS: Record<string, string> = {
  '"string"': "string",
  '"number"': "number",
  '"bool"': "boolean | cdktf.IResolvable",
  '["list","string"]': "string[]",
};

function sample(type: CtyType): unknown {
  if (type === "string") return "sample";
  if (type === "number") return 7;
  if (type === "bool") return true;
  if (JSON.stringify(type) === '["list","string"]') return ["a", "b"];
  throw new Error(`no sample for ${JSON.stringify(type)}`);
}

describe.each(TYPES)("the binding of %s (%s)", (type, kind, schema) => {
  const attributes = Object.entries(schema.attributes);
  const configurable = attributes.filter(([, a]) => a.mode !== "computed");
  const Binding = bindingOf(type, kind);
  const sampleConfig = () =>
    Object.fromEntries(configurable.map(([name, a]) => [camelCase(name), sample(a.type)]));

  it("has a config prop for each configurable attribute, optional unless the schema requires it", () => {
    const expected = new Map(
      configurable.map(([name, a]) => [
        camelCase(name),
        { optional: a.mode !== "required", type: EXPECTED_TS[JSON.stringify(a.type)] },
      ]),
    );
    if (kind === "provider") expected.set("alias", { optional: true, type: "string" });
    expect(Object.fromEntries(configProps(Binding.name))).toEqual(Object.fromEntries(expected));
  });

  it("has a getter for every attribute", () => {
    const missing = attributes
      .map(([name]) => camelCase(name))
      .filter(
        (prop) =>
          typeof Object.getOwnPropertyDescriptor(Binding.prototype, prop)?.get !== "function",
      );
    expect(missing).toEqual([]);
  });

  it("synthesizes every configurable attribute under its Terraform name", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new Binding(stack, "it", sampleConfig());
    const json = synthJson(stack);
    const block =
      kind === "provider"
        ? json.provider[type][0]
        : json[kind === "resource" ? "resource" : "data"][type].it;
    const { "//": _metadata, ...attributesOut } = block as Record<string, unknown>;
    expect(attributesOut).toEqual(
      Object.fromEntries(configurable.map(([name, a]) => [name, sample(a.type)])),
    );
  });

  it("reads every attribute back: the configured value for the provider, else a reference", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const made = new Binding(stack, "it", sampleConfig()) as Record<string, unknown>;
    if (kind === "provider") {
      for (const [name, a] of attributes) {
        expect({ name, value: made[camelCase(name)] }).toEqual({ name, value: sample(a.type) });
      }
      return;
    }
    const address = `${kind === "dataSource" ? "data." : ""}${type}.it`;
    for (const [name] of attributes) {
      expect({ name, value: resolved(stack, made[camelCase(name)]) }).toEqual({
        name,
        value: `\${${address}.${name}}`,
      });
    }
  });
});

describe("dataAmazonadsProfiles.DataAmazonadsProfiles.profiles", () => {
  it("reads one element's fields by index", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const data = new bindings.dataAmazonadsProfiles.DataAmazonadsProfiles(stack, "all", {
      refreshToken: "${var.rt}",
    });
    expect(resolved(stack, data.profiles.get(1).profileId)).toBe(
      "${data.amazonads_profiles.all.profiles[1].profile_id}",
    );
    expect(resolved(stack, data.profiles.get(0).validPaymentMethod)).toBe(
      "${data.amazonads_profiles.all.profiles[0].valid_payment_method}",
    );
    expect(resolved(stack, data.profileIds)).toBe("${data.amazonads_profiles.all.profile_ids}");
  });
});

describe("profileSet.ProfileSet.profiles", () => {
  it("reads one country's fields by key, quoted so that Terraform takes it as a string", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const set = new bindings.profileSet.ProfileSet(stack, "eu", {
      refreshToken: "${var.rt}",
      countryCodes: ["DE", "FR"],
    });
    expect(resolved(stack, set.profiles.get("DE").profileId)).toBe(
      '${amazonads_profile_set.eu.profiles["DE"].profile_id}',
    );
    expect(resolved(stack, set.profiles.get("FR").apiUrl)).toBe(
      '${amazonads_profile_set.eu.profiles["FR"].api_url}',
    );
    expect(resolved(stack, set.profileIds.lookup("DE"))).toBe(
      '${amazonads_profile_set.eu.profile_ids["DE"]}',
    );
    expect(resolved(stack, set.profiles)).toBe("${amazonads_profile_set.eu.profiles}");
  });
});

describe("authorization.Authorization.generateConfigForImport", () => {
  it("declares an import of an existing grant by its id, through the given provider", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const provider = new bindings.provider.AmazonadsProvider(stack, "provider", { alias: "app" });
    bindings.authorization.Authorization.generateConfigForImport(
      stack,
      "grant",
      "grant-0123456789abcdef",
      provider,
    );
    expect(synthJson(stack).import).toEqual([
      {
        id: "grant-0123456789abcdef",
        provider: "amazonads.app",
        to: "amazonads_authorization.grant",
      },
    ]);
  });
});
