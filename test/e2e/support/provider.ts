/**
 * Shared setup of the provider's end-to-end tests: the real provider entry (src/provider/main.ts)
 * bundled into a Terraform working directory, the emulator on 127.0.0.1 in this process, and the
 * `AMAZON_ADS_*` environment pointing the provider at the emulator's per-region URLs with
 * `{region}`. Terraform runs for real, offline.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDER_VERSION } from "../../../src/provider/provider-address.js";
import {
  emulatorVariables,
  startEmulator,
  type Emulator,
  type EmulatorLogEntry,
  type EmulatorOptions,
} from "../../../src/emulator/index.js";
import { Workspace, type TerraformResult } from "./terraform.js";

/** The `terraform` block every configuration starts with. */
export const REQUIRED_PROVIDERS = `
terraform {
  required_providers {
    amazonads = { source = "terraform.local/amazon-ads/amazonads", version = "${PROVIDER_VERSION}" }
  }
}
`;

/** The `terraform` block and an empty provider block (settings from the environment). */
export const HEADER = `${REQUIRED_PROVIDERS}provider "amazonads" {}
`;

/** A working directory with the provider, an emulator, and the environment joining them. */
export interface ProviderHarness {
  readonly ws: Workspace;
  readonly emulator: Emulator;
  /** `AMAZON_ADS_*` variables pointing at the emulator (with `{region}`). */
  readonly env: Readonly<Record<string, string>>;
  /** Writes `main.tf`: the terraform block, `provider` (default: an empty block) and `body`. */
  configure(body: string, provider?: string): void;
  /** Runs terraform with the harness environment plus `env`. */
  tf(args: readonly string[], env?: Record<string, string | undefined>): Promise<TerraformResult>;
  /** A value of `terraform output -json`. */
  output(name: string): Promise<unknown>;
  /** The state as `terraform state pull` prints it (empty resources when there is none). */
  state(): Promise<TerraformState>;
  /** Replaces the state with `state` (`terraform state push`), as time passing would change it. */
  pushState(state: TerraformState): Promise<void>;
  /** Deletes the local state (and its backup), so the next command starts from nothing. */
  resetState(): void;
  /** Every request the emulator finished since the harness started (no secrets in them). */
  readonly requests: EmulatorLogEntry[];
  /** Stops the emulator and removes the directory. */
  finish(): Promise<void>;
}

/** A Terraform state as `terraform state pull` prints it. */
export interface TerraformState {
  serial: number;
  resources: StateResource[];
}

/** One resource of a Terraform state. */
export interface StateResource {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly instances: { attributes: Record<string, unknown>; index_key?: number | string }[];
}

const entry = fileURLToPath(new URL("../../../src/provider/main.ts", import.meta.url));

/** Creates a working directory with the provider bundled into it and starts an emulator. */
export async function startProviderHarness(
  options: EmulatorOptions = {},
): Promise<ProviderHarness> {
  const requests: EmulatorLogEntry[] = [];
  const emulator = await startEmulator({
    autoApprove: true,
    ...options,
    log: (entry) => {
      requests.push(entry);
      options.log?.(entry);
    },
  });
  const ws = await Workspace.create({
    entry,
    host: "terraform.local",
    namespace: "amazon-ads",
    type: "amazonads",
    version: PROVIDER_VERSION,
  });
  const env = {
    ...emulatorVariables(emulator),
    AMAZON_ADS_TEST_ACCOUNT_POLL_SECONDS: "0.05",
  };
  const tf = (args: readonly string[], extra: Record<string, string | undefined> = {}) =>
    ws.terraform(args, { ...env, ...extra });
  return {
    ws,
    emulator,
    env,
    configure: (body, provider = 'provider "amazonads" {}') =>
      ws.write("main.tf", `${REQUIRED_PROVIDERS}${provider}\n${body}`),
    tf,
    async output(name) {
      const result = await tf(["output", "-json", name]);
      if (result.code !== 0) throw new Error(`terraform output ${name} failed: ${result.output}`);
      return JSON.parse(result.stdout) as unknown;
    },
    async state() {
      const pulled = await tf(["state", "pull"]);
      if (pulled.code !== 0) throw new Error(`terraform state pull failed: ${pulled.output}`);
      return pulled.stdout.trim() === ""
        ? { serial: 0, resources: [] }
        : (JSON.parse(pulled.stdout) as TerraformState);
    },
    async pushState(state) {
      ws.write("pushed.tfstate", JSON.stringify(state));
      const pushed = await tf(["state", "push", "pushed.tfstate"]);
      if (pushed.code !== 0) throw new Error(`terraform state push failed: ${pushed.output}`);
    },
    resetState() {
      for (const name of ["terraform.tfstate", "terraform.tfstate.backup"]) {
        rmSync(join(ws.dir, name), { force: true });
      }
    },
    requests,
    async finish() {
      ws.remove();
      await emulator.close();
    },
  };
}

/** Fails with terraform's output when the command did not succeed. */
export function expectSuccess(result: TerraformResult): TerraformResult {
  if (result.code !== 0) throw new Error(`terraform failed (${result.code}):\n${result.output}`);
  return result;
}

/** The texts of `secrets` found in `text` (reported by position, never the secret itself). */
export function leakedSecrets(text: string, secrets: readonly string[]): number[] {
  return secrets.flatMap((secret, index) => (text.includes(secret) ? [index] : []));
}

/**
 * A pattern for `text` as terraform prints it: words may be wrapped onto the next line, which
 * inside a diagnostic's box (as cdktf shows it) begins with `│`.
 */
export function wrapped(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped.replace(/ /g, "[\\s│]+"));
}
