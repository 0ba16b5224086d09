/**
 * Every attribute of every schema has its binding: a config prop with the right optionality and
 * type (read with the TypeScript compiler from the generated source), a getter on the class, and
 * a place in the synthesized JSON under its Terraform name.
 */
import { Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { join } from "node:path";
import ts from "typescript";
import { bindingCatalog, type BindingSpec } from "../../../scripts/bindings/catalog.js";
import { BINDINGS_DIR } from "../../../scripts/bindings/generate.js";
import { camelCase } from "../../../scripts/bindings/names.js";
import type { CtyType } from "../../../src/plugin/index.js";
import { resolved, synthJson } from "../support.js";

type BindingClass = new (scope: Construct, id: string, config: Record<string, unknown>) => object;

const specs = bindingCatalog();
const program = ts.createProgram(
  specs.map((s) => join(BINDINGS_DIR, `${s.fileName}.ts`)),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
    types: [],
  },
);

/** The config interface's own props: name → { optional, type text }. */
function configProps(spec: BindingSpec): Map<string, { optional: boolean; type: string }> {
  const source = program.getSourceFile(join(BINDINGS_DIR, `${spec.fileName}.ts`))!;
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(s) && s.name.text === `${spec.className}Config`,
  );
  if (!found) throw new Error(`no ${spec.className}Config in ${spec.fileName}.ts`);
  return new Map(
    found.members
      .filter(ts.isPropertySignature)
      .map((m) => [
        (m.name as ts.Identifier).text,
        { optional: m.questionToken !== undefined, type: m.type!.getText(source) },
      ]),
  );
}

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

async function bindingClass(spec: BindingSpec): Promise<BindingClass> {
  const module = (await import(join(BINDINGS_DIR, `${spec.fileName}.ts`))) as Record<
    string,
    unknown
  >;
  return module[spec.className] as BindingClass;
}

describe.each(specs.map((s) => [s.terraformType, s] as const))("the binding of %s", (_, spec) => {
  const attributes = Object.entries(spec.schema.attributes);
  const configurable = attributes.filter(([, a]) => a.mode !== "computed");

  it("has a config prop for each configurable attribute, optional unless the schema requires it", () => {
    const props = configProps(spec);
    const expected = new Map(
      configurable.map(([name, a]) => [
        camelCase(name),
        { optional: a.mode !== "required", type: EXPECTED_TS[JSON.stringify(a.type)] },
      ]),
    );
    if (spec.kind === "provider") expected.set("alias", { optional: true, type: "string" });
    expect(Object.fromEntries(props)).toEqual(Object.fromEntries(expected));
  });

  it("has a getter for every attribute", async () => {
    const Binding = await bindingClass(spec);
    const missing = attributes
      .map(([name]) => camelCase(name))
      .filter(
        (prop) =>
          typeof Object.getOwnPropertyDescriptor(Binding.prototype, prop)?.get !== "function",
      );
    expect(missing).toEqual([]);
  });

  it("synthesizes every configurable attribute under its Terraform name", async () => {
    const Binding = await bindingClass(spec);
    const stack = new TerraformStack(Testing.app(), "stack");
    const config = Object.fromEntries(
      configurable.map(([name, a]) => [camelCase(name), sample(a.type)]),
    );
    new Binding(stack, "it", config);
    const json = synthJson(stack);
    const block =
      spec.kind === "provider"
        ? json.provider[spec.terraformType][0]
        : json[spec.kind === "resource" ? "resource" : "data"][spec.terraformType].it;
    const { "//": _metadata, ...attributesOut } = block as Record<string, unknown>;
    expect(attributesOut).toEqual(
      Object.fromEntries(configurable.map(([name, a]) => [name, sample(a.type)])),
    );
  });

  it("reads every attribute back: the configured value for the provider, else a reference", async () => {
    const Binding = await bindingClass(spec);
    const stack = new TerraformStack(Testing.app(), "stack");
    const config = Object.fromEntries(
      configurable.map(([name, a]) => [camelCase(name), sample(a.type)]),
    );
    const made = new Binding(stack, "it", config) as Record<string, unknown>;
    if (spec.kind === "provider") {
      for (const [name, a] of attributes) {
        expect({ name, value: made[camelCase(name)] }).toEqual({ name, value: sample(a.type) });
      }
      return;
    }
    const address = `${spec.kind === "dataSource" ? "data." : ""}${spec.terraformType}.it`;
    for (const [name] of attributes) {
      expect({ name, value: resolved(stack, made[camelCase(name)]) }).toEqual({
        name,
        value: `\${${address}.${name}}`,
      });
    }
  });
});

describe("DataAmazonadsProfiles.profiles", () => {
  it("reads one element's fields by index", async () => {
    const { DataAmazonadsProfiles } = await import("../../../src/constructs/bindings/index.js");
    const stack = new TerraformStack(Testing.app(), "stack");
    const data = new DataAmazonadsProfiles(stack, "all", { refreshToken: "${var.rt}" });
    expect(resolved(stack, data.profiles.get(1).profileId)).toBe(
      "${data.amazonads_profiles.all.profiles[1].profile_id}",
    );
    expect(resolved(stack, data.profiles.get(0).validPaymentMethod)).toBe(
      "${data.amazonads_profiles.all.profiles[0].valid_payment_method}",
    );
    expect(resolved(stack, data.profileIds)).toBe("${data.amazonads_profiles.all.profile_ids}");
  });
});

describe("AmazonadsProfileSet.profiles", () => {
  it("reads one country's fields by key, quoted so that Terraform takes it as a string", async () => {
    const { AmazonadsProfileSet } = await import("../../../src/constructs/bindings/index.js");
    const stack = new TerraformStack(Testing.app(), "stack");
    const set = new AmazonadsProfileSet(stack, "eu", {
      refreshToken: "${var.rt}",
      countryCodes: ["DE", "FR"],
    });
    expect(resolved(stack, set.profiles.get("DE").profileId)).toBe(
      '${amazonads_profile_set.eu.profiles["DE"].profile_id}',
    );
    expect(resolved(stack, set.profiles.get("FR").apiUrl)).toBe(
      '${amazonads_profile_set.eu.profiles["FR"].api_url}',
    );
    expect(resolved(stack, set.profiles)).toBe("${amazonads_profile_set.eu.profiles}");
    expect(resolved(stack, set.profileIds)).toBe("${amazonads_profile_set.eu.profile_ids}");
  });
});
