/**
 * End-to-end harness for the example app: a temporary CDKTF project whose app is this repository's
 * main.ts (state, cdktf.out and plugin cache all inside the project directory), the real cdktf CLI
 * run in it, and the environment that points the provider at an emulator.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorEndpointVariables, type Emulator } from "../../../src/emulator/index.js";
import { readOutputs, type StackOutput } from "../../../scripts/start/outputs.js";

/** The repository's root directory. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The example app's stacks. */
export const PRODUCER = "amazon-ads-connection";
export const CONSUMER = "amazon-ads-consumer";

/** The outcome of a command. */
export interface CommandResult {
  readonly code: number | null;
  /** stdout and stderr together, without terminal escape sequences. */
  readonly output: string;
  /** Each stream on its own, without terminal escape sequences. */
  readonly stdout: string;
  readonly stderr: string;
}

// cdktf draws progress with escape sequences even without a terminal.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g; // eslint-disable-line no-control-regex

/** Runs a command to completion, collecting its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const streams = { stdout: "", stderr: "" };
    for (const name of ["stdout", "stderr"] as const) {
      child[name].on("data", (chunk: Buffer) => {
        output += chunk.toString();
        streams[name] += chunk.toString();
      });
    }
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        output: output.replace(ESCAPES, ""),
        stdout: streams.stdout.replace(ESCAPES, ""),
        stderr: streams.stderr.replace(ESCAPES, ""),
      }),
    );
  });
}

/**
 * The environment with nothing of the caller's Amazon Ads or Terraform-variable settings, and
 * without a `TF_CLI_CONFIG_FILE` that names a missing file (Terraform then prints an error-level
 * warning on every command, which the tests would take for the deploy's own).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("AMAZON_ADS_") || name.startsWith("TF_VAR_") || name.startsWith("TF_LOG")) {
      delete env[name];
    }
  }
  if (env.TF_CLI_CONFIG_FILE !== undefined && !existsSync(env.TF_CLI_CONFIG_FILE)) {
    delete env.TF_CLI_CONFIG_FILE;
  }
  return env;
}

/** The provider's settings for an emulator: demo credentials, per-region URLs via `{region}`. */
export function emulatorSettings(emulator: Emulator): NodeJS.ProcessEnv {
  return {
    AMAZON_ADS_CLIENT_ID: emulator.clientId,
    TF_VAR_client_secret: emulator.clientSecret,
    ...emulatorEndpointVariables(emulator),
  };
}

/** A temporary CDKTF project running this repository's main.ts (or another app of it). */
export class ExampleProject {
  private constructor(readonly dir: string) {}

  /** Creates the project directory and its cdktf.json, running `app` (default: main.ts). */
  static create(app = join(ROOT, "main.ts")): ExampleProject {
    const dir = mkdtempSync(join(tmpdir(), "cdktf-e2e-"));
    writeFileSync(
      join(dir, "cdktf.json"),
      JSON.stringify({
        language: "typescript",
        app: `${join(ROOT, "node_modules/.bin/tsx")} ${app}`,
        sendCrashReports: "false",
        terraformProviders: [],
        terraformModules: [],
        context: {},
      }),
    );
    return new ExampleProject(dir);
  }

  /** The environment for cdktf here: `extra` on top of a clean one, state kept in the project. */
  env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return {
      ...cleanEnv(),
      CHECKPOINT_DISABLE: "1",
      // Keep terraform's provider cache out of the home directory of whoever runs the tests.
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
      AMAZON_ADS_EXAMPLE_STATE_DIR: this.dir,
      ...extra,
    };
  }

  /** Runs the real cdktf CLI in the project. */
  cdktf(args: readonly string[], extra: NodeJS.ProcessEnv): Promise<CommandResult> {
    return runCommand(join(ROOT, "node_modules/.bin/cdktf"), args, {
      cwd: this.dir,
      env: this.env(extra),
    });
  }

  /** A stack's outputs after a deploy (`terraform output -json`). */
  outputs(stack: string): Promise<Record<string, StackOutput>> {
    return readOutputs(join(this.dir, "cdktf.out", "stacks", stack), this.env({}));
  }

  /** Rewrites a stack's local state file, resource by resource (as time passing would). */
  editState(stack: string, edit: (resource: StateResource) => void): void {
    const path = join(this.dir, `terraform.${stack}.tfstate`);
    const state = JSON.parse(readFileSync(path, "utf8")) as {
      serial: number;
      resources: StateResource[];
    };
    state.resources.forEach(edit);
    state.serial += 1;
    writeFileSync(path, JSON.stringify(state));
  }

  /** Removes the project directory. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One resource of a Terraform state file. */
export interface StateResource {
  readonly type: string;
  readonly instances: { attributes: Record<string, unknown> }[];
}

/** The plain values of outputs, by name. */
export function values(outputs: Record<string, StackOutput>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([name, o]) => [name, o.value]));
}
