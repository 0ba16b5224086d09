// A temporary Terraform working directory for benchmarks: the built provider package (what ships)
// in its implied local mirror with a seeded lock entry, and a runner for the real terraform that
// times each command and watches the provider processes' memory.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installProviderPackage } from "../../src/plugin/packaging/install.js";
import { packageFileNames } from "../../src/plugin/packaging/package-files.js";
import {
  PROVIDER_HOST,
  PROVIDER_NAMESPACE,
  PROVIDER_TYPE,
  PROVIDER_VERSION,
} from "../../src/provider/provider-address.js";
import { watchProviderMemory, type ProviderMemory } from "./provider-memory.js";

// The bundle's name, in every provider process's command line.
const PROGRAM_MARKER = packageFileNames(PROVIDER_TYPE, PROVIDER_VERSION).bundle;

/** One finished terraform command. */
export interface TerraformRun {
  readonly code: number | null;
  readonly output: string;
  readonly ms: number;
  /** The provider processes it started, and their peak memory. */
  readonly memory: ProviderMemory;
}

/** A working directory; `withProvider` lays the package into it. */
export class TerraformDir {
  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * Creates the directory. With `packageDir` the provider is installed for linux/darwin of this
   * machine's architecture; `env` is added to every command's environment.
   */
  static create(label: string, env: NodeJS.ProcessEnv, packageDir?: string): TerraformDir {
    const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
    if (packageDir !== undefined) {
      installProviderPackage({
        packageDir,
        targetDir: dir,
        host: PROVIDER_HOST,
        namespace: PROVIDER_NAMESPACE,
        type: PROVIDER_TYPE,
        version: PROVIDER_VERSION,
        platforms: [`${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`],
      });
    }
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(base)) {
      if (/^(TF_LOG|TF_VAR_|AMAZON_ADS_)/.test(name)) delete base[name];
    }
    return new TerraformDir(dir, {
      ...base,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      ...env,
    });
  }

  /** Writes `main.tf`. */
  configure(hcl: string): void {
    writeFileSync(join(this.dir, "main.tf"), hcl);
  }

  /** Runs terraform to completion; never throws for a failed command (see `code`). */
  terraform(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<TerraformRun> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn("terraform", [...args], {
        cwd: this.dir,
        env: { ...this.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      // Every command is watched (memory of provider processes, CPU of terraform and its children),
      // so subject and baseline pay the same polling.
      const watch = watchProviderMemory(child.pid ?? -1, PROGRAM_MARKER);
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", (error) => {
        watch.stop();
        reject(error);
      });
      child.on("close", (code) => {
        const ms = performance.now() - started;
        resolve({ code, output, ms, memory: watch.stop() });
      });
    });
  }

  /** Runs terraform and throws with its output unless it exits with one of `okCodes`. */
  async expect(
    args: readonly string[],
    okCodes: readonly number[] = [0],
    env: NodeJS.ProcessEnv = {},
  ): Promise<TerraformRun> {
    const run = await this.terraform(args, env);
    if (run.code === null || !okCodes.includes(run.code)) {
      throw new Error(
        `terraform ${args.join(" ")} exited ${run.code} in ${this.dir}:\n${run.output}`,
      );
    }
    return run;
  }

  /** Removes the directory. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
