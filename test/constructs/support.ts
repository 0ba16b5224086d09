/** Helpers for construct tests: synthesize a scope into parsed JSON, sample values. */
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** A valid LwA client id (the emulator's demo app). */
export const CLIENT_ID = "amzn1.application-oa2-client.5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f";

/** A fresh stack in a testing app. */
export function testStack(id = "stack"): TerraformStack {
  return new TerraformStack(Testing.app(), id);
}

/** Synthesized Terraform JSON, explored freely by tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON shape
export type SynthJson = Record<string, any>;

/** The synthesized JSON of a stack, parsed (cdktf's metadata removed). */
export function synthJson(stack: TerraformStack): SynthJson {
  return JSON.parse(Testing.synth(stack)) as SynthJson;
}

/** The first (usually only) resource of a type in synthesized JSON. */
export function onlyResource(json: SynthJson, type: string): SynthJson {
  const resources = Object.values(json.resource?.[type] ?? {}) as SynthJson[];
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return resources[0]!;
}

/** Every file below `dir` with its text. */
export function filesBelow(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, "latin1") }));
}

let probes = 0;

/** What a token (or any value) synthesizes to in `stack`. */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `probe_${++probes}`;
  new TerraformOutput(stack, id, { value, staticId: true });
  const out = synthJson(stack).output[id].value as unknown;
  stack.node.tryRemoveChild(id);
  return out;
}
