/**
 * The package as users get it: `npm pack` of this repository, installed with npm into a fresh
 * app outside the repository (so nothing resolves to the repository's own node_modules), the
 * app type-checked and compiled against the installed package's declarations, then deployed with
 * the real framework CLI on a chosen Node.js.
 */
import {
  mkdirSync,
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
    private framework: Framework,
    private node: NodeRuntime,
  ) {}

  /**
   * Creates the app: package.json depending on the tarball and the framework, `npm install`,
   * `main.ts` (the fixture app, written for `framework`) compiled by `tsc` against the installed
   * declarations, and cdktf.json.
   */
  static async create(
    tarball: string,
    framework: Framework,
    runtime: NodeRuntime,
  ): Promise<PackedApp> {
    const app = new PackedApp(mkdtempSync(join(tmpdir(), "packed-app-")), framework, runtime);
    writeFileSync(
      join(app.dir, "package.json"),
      JSON.stringify({
        name: "packed-app",
        private: true,
        type: "module",
        dependencies: { "cdktf-amazon-ads": `file:${tarball}`, ...framework.dependencies },
        devDependencies: { "@types/node": TYPES_NODE },
      }),
    );
    await app.run("npm", ["install", "--prefer-offline", "--no-audit"]);
    await app.writeProgram(readFileSync(join(ROOT, "test/fixtures/packed-app/main.ts"), "utf8"));
    return app;
  }

  /**
   * A second app in a folder of this one, sharing its node_modules: `source` (another app of the
   * repository, e.g. an example) with its imports moved to this app's framework and package.
   */
  async nestedApp(name: string, source: string): Promise<PackedApp> {
    const nested = new PackedApp(join(this.dir, name), this.framework, this.node);
    mkdirSync(nested.dir);
    await nested.writeProgram(source);
    return nested;
  }

  /** The Node.js the app and the CLI run on. */
  get runtime(): NodeRuntime {
    return this.node;
  }

  /**
   * Moves the app to `framework` as the README's migration section says: the framework's
   * packages swapped with npm, the imports of the framework and of cdktf-amazon-ads changed;
   * cdktf.json, cdktf.out and the state stay as they are. From now on it runs on `runtime`.
   */
  async moveTo(framework: Framework, runtime: NodeRuntime): Promise<void> {
    this.node = runtime;
    await this.run("npm", ["uninstall", "--no-audit", ...Object.keys(this.framework.dependencies)]);
    const wanted = Object.entries(framework.dependencies).map(([name, v]) => `${name}@${v}`);
    await this.run("npm", ["install", "--prefer-offline", "--no-audit", "--save-exact", ...wanted]);
    const main = join(this.dir, "main.ts");
    writeFileSync(main, movedTo(framework, readFileSync(main, "utf8")));
    this.framework = framework;
    await this.compile();
  }

  /** The environment of every command here: the runtime first on PATH, nothing of the caller's. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...withNodeOnPath(this.node, cleanEnv()),
      CHECKPOINT_DISABLE: "1",
      CI: "true",
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
      npm_config_fund: "false",
      ...extra,
    };
  }

  /** Runs the framework's real CLI (`cdktf …` or `cdktn …`) in the app. */
  cli(args: readonly string[], extra: NodeJS.ProcessEnv): Promise<CommandResult> {
    return runCommand(this.node.bin, [this.framework.cli, ...args], {
      cwd: this.dir,
      env: this.env(extra),
    });
  }

  /** A stack's outputs after a deploy. */
  outputs(stack: string): Promise<Record<string, StackOutput>> {
    return readOutputs(join(this.dir, "cdktf.out", "stacks", stack), this.env());
  }

  /** The Node.js version that ran the app at its last synth (the fixture app records it). */
  synthesizedOn(): string {
    return readFileSync(join(this.dir, "synthesized-on.txt"), "utf8");
  }

  /** Removes the app. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Writes `source` as main.ts (moved to the app's framework), compiles it, and cdktf.json. */
  private async writeProgram(source: string): Promise<void> {
    writeFileSync(join(this.dir, "main.ts"), movedTo(this.framework, source));
    writeFileSync(
      join(this.dir, "tsconfig.json"),
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
    await this.compile();
    writeFileSync(
      join(this.dir, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: "node main.js", sendCrashReports: "false" }),
    );
  }

  private compile(): Promise<void> {
    return this.run(this.node.bin, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."]);
  }

  private async run(command: string, args: readonly string[]): Promise<void> {
    const result = await runCommand(command, args, { cwd: this.dir, env: this.env() });
    if (result.code !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed in ${this.dir}:\n${result.output}`);
    }
  }
}

/**
 * An app's source with its imports moved to `framework`, as the README's migration says (an
 * app of this repository imports the package from its sources: that becomes the package name).
 */
function movedTo(framework: Framework, source: string): string {
  return source
    .replace(/from "(\.\.\/)+src\/index\.js";/g, `from "${framework.entry}";`)
    .replace(/from "(cdktf|cdktn)";/g, `from "${framework.name}";`)
    .replace(/from "cdktf-amazon-ads(\/cdktn)?";/g, `from "${framework.entry}";`);
}
