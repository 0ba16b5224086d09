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
  /** Whether the command was still running at `killAfterMs`, and was killed. */
  readonly killed: boolean;
}

// cdktf draws progress with escape sequences even without a terminal.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g; // eslint-disable-line no-control-regex

/** How to run a command. */
export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * A safety bound for a command that might wait forever (a prompt): past it, the command's
   * whole process group (terraform included) is killed and the result says so.
   * @default no bound
   */
  readonly killAfterMs?: number;
}

/** Runs a command to completion (stdin is /dev/null), collecting its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  { killAfterMs, ...options }: RunOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    // With a bound, its own process group, so that the kill reaches terraform too.
    const child = spawn(command, args, {
      ...options,
      stdio: ["ignore", "pipe", "pipe"],
      detached: killAfterMs !== undefined,
    });
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
          }, killAfterMs);
    let output = "";
    const streams = { stdout: "", stderr: "" };
    for (const name of ["stdout", "stderr"] as const) {
      child[name].on("data", (chunk: Buffer) => {
        output += chunk.toString();
        streams[name] += chunk.toString();
      });
    }
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        output: output.replace(ESCAPES, ""),
        stdout: streams.stdout.replace(ESCAPES, ""),
        stderr: streams.stderr.replace(ESCAPES, ""),
        killed,
      });
    });
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

  /** Runs the real cdktf CLI in the project (stdin is /dev/null). */
  cdktf(
    args: readonly string[],
    extra: NodeJS.ProcessEnv,
    bound: { killAfterMs?: number } = {},
  ): Promise<CommandResult> {
    return runCommand(join(ROOT, "node_modules/.bin/cdktf"), args, {
      cwd: this.dir,
      env: this.env(extra),
      ...bound,
    });
  }

  /** A stack's outputs after a deploy (`terraform output -json`). */
  outputs(stack: string): Promise<Record<string, StackOutput>> {
    return readOutputs(join(this.dir, "cdktf.out", "stacks", stack), this.env({}));
  }

  /** The refresh token of the grant a stack's state holds (the one place that holds it). */
  storedRefreshToken(stack: string): string {
    const state = JSON.parse(
      readFileSync(join(this.dir, `terraform.${stack}.tfstate`), "utf8"),
    ) as { resources: StateResource[] };
    const grant = state.resources.find((r) => r.type === "amazonads_authorization");
    return String(grant?.instances[0]?.attributes.refresh_token);
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
