/**
 * End-to-end harness: a temporary Terraform working directory whose implied local mirror
 * (`terraform.d/plugins/…`) holds a provider bundled from a TypeScript entry the way the shipped
 * package is (`bundleProvider`: CommonJS, which got's dependencies need) and started by a
 * `#!/bin/sh` shim, plus helpers to run the real `terraform` binary in it, offline.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProvider } from "../../../src/plugin/packaging/bundle.js";

/** Where a provider package goes and what it is built from. */
export interface ProviderPackage {
  /** Absolute path of the provider's TypeScript entry (it calls `serve`). */
  readonly entry: string;
  /** Source address parts: `<host>/<namespace>/<type>`. */
  readonly host: string;
  readonly namespace: string;
  readonly type: string;
  readonly version: string;
}

/** The outcome of one terraform command. */
export interface TerraformResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together. */
  readonly output: string;
}

/** A terraform command still running (for interrupting it). */
export interface RunningTerraform {
  readonly process: ChildProcess;
  /** Resolves once `text` appears in stdout. */
  waitForOutput(text: string): Promise<void>;
  /** Resolves when the command ends. */
  readonly result: Promise<TerraformResult>;
  /**
   * Presses Ctrl-C: SIGINT to terraform's whole process group, providers included, as a terminal
   * does (so a provider that did not ignore SIGINT would die here).
   */
  interrupt(): void;
}

const NO_COLOR = new Set(["init", "validate", "plan", "apply", "destroy", "import", "refresh"]);

/** The `<os>_<arch>` directory name Terraform uses for this machine. */
export function terraformPlatform(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return `${process.platform}_${arch}`;
}

/** A temporary working directory with one provider in its implied local mirror. */
export class Workspace {
  private readonly running = new Set<ChildProcess>();
  private constructor(readonly dir: string) {}

  /** Creates an empty directory, for a provider installed some other way (install-provider). */
  static empty(): Workspace {
    return new Workspace(mkdtempSync(join(tmpdir(), "tf-e2e-")));
  }

  /** Creates the directory and bundles the provider into its mirror. */
  static async create(pkg: ProviderPackage): Promise<Workspace> {
    const dir = mkdtempSync(join(tmpdir(), "tf-e2e-"));
    const packageDir = join(
      dir,
      "terraform.d/plugins",
      pkg.host,
      pkg.namespace,
      pkg.type,
      pkg.version,
      terraformPlatform(),
    );
    mkdirSync(packageDir, { recursive: true });
    await bundleProvider({
      entry: pkg.entry,
      outFile: join(packageDir, "provider.cjs"),
      minify: false,
    });
    const shim = join(packageDir, `terraform-provider-${pkg.type}_v${pkg.version}`);
    writeFileSync(shim, '#!/bin/sh\nexec node "$(dirname "$0")/provider.cjs" "$@"\n');
    chmodSync(shim, 0o755);
    return new Workspace(dir);
  }

  /** Writes a file (e.g. `main.tf`) into the working directory. */
  write(name: string, content: string): void {
    writeFileSync(join(this.dir, name), content);
  }

  /** Starts a terraform command; `env` adds to (or with undefined, removes from) the environment. */
  start(args: readonly string[], env: Record<string, string | undefined> = {}): RunningTerraform {
    const [command = "", ...rest] = args;
    const fullArgs = NO_COLOR.has(command) ? [command, "-no-color", ...rest] : [...args];
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
    };
    delete environment.TF_LOG;
    delete environment.TF_LOG_PROVIDER;
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete environment[key];
      else environment[key] = value;
    }
    // Its own process group, so that interrupt() reaches the providers too, as Ctrl-C does.
    const child = spawn("terraform", fullArgs, {
      cwd: this.dir,
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.running.add(child);
    child.on("close", () => this.running.delete(child));
    let stdout = "";
    let stderr = "";
    const waiters: { text: string; resolve: () => void }[] = [];
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const waiter of waiters.filter((w) => stdout.includes(w.text))) waiter.resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const result = new Promise<TerraformResult>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr, output: stdout + stderr }));
    });
    return {
      process: child,
      result,
      interrupt: () => signalGroup(child, "SIGINT"),
      waitForOutput: (text) =>
        stdout.includes(text)
          ? Promise.resolve()
          : new Promise((resolve) => waiters.push({ text, resolve })),
    };
  }

  /** Runs a terraform command to completion. */
  terraform(
    args: readonly string[],
    env: Record<string, string | undefined> = {},
  ): Promise<TerraformResult> {
    return this.start(args, env).result;
  }

  /** Ends any terraform command still running (and its providers), then removes the directory. */
  remove(): void {
    for (const child of this.running) signalGroup(child, "SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Sends `signal` to the process group `child` leads; a group already gone is not an error. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
