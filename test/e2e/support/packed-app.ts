/**
 * The package as users get it: `npm pack` of this repository, installed with npm into a fresh
 * app outside the repository (so nothing resolves to the repository's own node_modules), the
 * app type-checked and compiled against the installed package's declarations, then deployed with
 * the real framework CLI on a chosen Node.js.
 */
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readOutputs, type StackOutput } from "../../../scripts/start/outputs.js";
import { type NodeRuntime, withNodeOnPath } from "../../support/node-runtimes.js";
import { cleanEnv, ROOT, runCommand, type CommandResult } from "./cdktf.js";

/** A CDK framework as a fresh app depends on it. */
export interface Framework {
  /** The framework's package and command: `cdktf` or `cdktn`. */
  readonly name: "cdktf" | "cdktn";
  /** The app's dependencies besides cdktf-amazon-ads, as `npm init` + the framework's docs give. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** Where this repository has the framework's CLI (a devDependency). */
  readonly cli: string;
  /** The import path of cdktf-amazon-ads for this framework. */
  readonly entry: string;
}

/** CDK for Terraform 0.21, with the constructs version its `cdktf init` pins. */
export const CDKTF: Framework = {
  name: "cdktf",
  dependencies: { cdktf: "0.21.0", constructs: "10.4.2" },
  cli: join(ROOT, "node_modules/cdktf-cli/bundle/bin/cdktf"),
  entry: "cdktf-amazon-ads",
};

/** CDK Terrain 0.24, with a constructs version inside its peer range. */
export const CDKTN: Framework = {
  name: "cdktn",
  dependencies: { cdktn: "0.24.0", constructs: "10.7.2" },
  cli: join(ROOT, "node_modules/cdktn-cli/bin/cdktn"),
  entry: "cdktf-amazon-ads/cdktn",
};

/** Types the app's `process.env` needs (what a TypeScript app has anyway). */
const TYPES_NODE = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  }
).devDependencies["@types/node"]!;

/**
 * Packs the repository as `npm publish` would (without rebuilding: `npm ci` built `dist/`) and
 * returns the tarball's path. Fails when `dist/` is older than a source file, so that a stale
 * build is never what gets tested.
 */
export async function packRepository(destination: string): Promise<string> {
  const built = statSync(join(ROOT, "dist", "index.js")).mtimeMs;
  const newer = sourceFiles(join(ROOT, "src")).find((file) => statSync(file).mtimeMs > built);
  if (newer !== undefined) {
    throw new Error(`${newer} is newer than dist/: run \`npm run build\` before these tests.`);
  }
  const packed = await runCommand(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", destination],
    { cwd: ROOT, env: { ...process.env, npm_config_fund: "false" } },
  );
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return join(destination, filename);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** A fresh app, outside the repository, with the packed package installed. */
export class PackedApp {
  private constructor(
    readonly dir: string,
    readonly framework: Framework,
    readonly runtime: NodeRuntime,
  ) {}

  /**
   * Creates the app: package.json depending on the tarball and the framework, `npm install`,
   * `main.ts` (the fixture app, moved to `framework`), and its compilation by `tsc` against the
   * installed declarations.
   */
  static async create(
    tarball: string,
    framework: Framework,
    runtime: NodeRuntime,
  ): Promise<PackedApp> {
    const dir = mkdtempSync(join(tmpdir(), `packed-${framework.name}-`));
    // Installed and compiled once per framework and tarball; each app starts from a copy.
    const key = `${framework.name} ${tarball}`;
    let template = templates.get(key);
    if (template === undefined) {
      template = prepareTemplate(tarball, framework, runtime);
      templates.set(key, template);
    }
    cpSync(await template, dir, { recursive: true, verbatimSymlinks: true });
    return new PackedApp(dir, framework, runtime);
  }

  /** The environment of every command here: `runtime` first on PATH, nothing of the caller's. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...withNodeOnPath(this.runtime, cleanEnv()),
      CHECKPOINT_DISABLE: "1",
      CI: "true",
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
      ...extra,
    };
  }

  /** Runs the framework's real CLI (`cdktf …` or `cdktn …`) in the app. */
  cli(args: readonly string[], extra: NodeJS.ProcessEnv): Promise<CommandResult> {
    return runCommand(this.runtime.bin, [this.framework.cli, ...args], {
      cwd: this.dir,
      env: this.env(extra),
    });
  }

  /** A stack's outputs after a deploy. */
  outputs(stack: string): Promise<Record<string, StackOutput>> {
    return readOutputs(join(this.dir, "cdktf.out", "stacks", stack), this.env());
  }

  /** Removes the app. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const templates = new Map<string, Promise<string>>();

/** Removes the installed templates {@link PackedApp.create} made. */
export async function removeTemplates(): Promise<void> {
  for (const template of templates.values()) {
    rmSync(await template, { recursive: true, force: true });
  }
  templates.clear();
}

/**
 * An app directory with package.json depending on the tarball and the framework, `npm install`
 * run, `main.ts` (the fixture app, moved to `framework`) compiled by `tsc` against the installed
 * declarations, and cdktf.json.
 */
async function prepareTemplate(
  tarball: string,
  framework: Framework,
  runtime: NodeRuntime,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `packed-${framework.name}-template-`));
  const run = async (command: string, args: readonly string[]) => {
    const env = { ...withNodeOnPath(runtime, cleanEnv()), npm_config_fund: "false" };
    const result = await runCommand(command, args, { cwd: dir, env });
    if (result.code !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed in ${dir}:\n${result.output}`);
    }
  };
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "packed-app",
      private: true,
      type: "module",
      dependencies: { "cdktf-amazon-ads": `file:${tarball}`, ...framework.dependencies },
      devDependencies: { "@types/node": TYPES_NODE },
    }),
  );
  await run("npm", ["install", "--prefer-offline", "--no-audit"]);
  writeFileSync(join(dir, "main.ts"), appSource(framework));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        types: ["node"],
      },
      files: ["main.ts"],
    }),
  );
  await run(runtime.bin, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."]);
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: "node main.js", sendCrashReports: "false" }),
  );
  return dir;
}

/** The fixture app, with its imports moved to `framework` as the README's migration says. */
function appSource(framework: Framework): string {
  const source = readFileSync(join(ROOT, "test/fixtures/packed-app/main.ts"), "utf8");
  return source
    .replace(/from "cdktf";/g, `from "${framework.name}";`)
    .replace(/from "cdktf-amazon-ads";/g, `from "${framework.entry}";`);
}
