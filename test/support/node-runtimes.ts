/**
 * The Node.js versions the tests and benchmarks run things on: the machine's own (the one running
 * Jest) and Node.js 22 and 24, which the root `npm ci` installs from the npm registry into
 * tools/node-runtimes/ (see README, "Development"). A test that needs a version that is missing
 * fails, saying how to install it: it never skips.
 */
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One Node.js installation. */
export interface NodeRuntime {
  /** Major version, e.g. 22. */
  readonly major: number;
  /** Full version without the `v`, e.g. `22.23.5`. */
  readonly version: string;
  /** The node executable. */
  readonly bin: string;
  /** The directory to put first on `PATH` so that `node` means this one. */
  readonly binDir: string;
}

/** The extra majors tools/node-runtimes provides. */
export type ExtraNodeMajor = 22 | 24;

const EXTRA_MAJORS: readonly ExtraNodeMajor[] = [22, 24];
const TOOLS = fileURLToPath(new URL("../../tools/node-runtimes/", import.meta.url));

/**
 * Node.js `major` from tools/node-runtimes; throws, saying what to do, when it is not installed
 * or when the npm registry has no build of it for this platform.
 */
export function nodeRuntime(major: ExtraNodeMajor): NodeRuntime {
  const alias = `node${major}-${process.platform}-${process.arch}`;
  const pinned = pinnedAliases();
  if (!pinned.includes(alias)) {
    const platforms = pinned.filter((name) => name.startsWith(`node${major}-`)).map(platformOf);
    throw new Error(
      `No Node.js ${major} for ${process.platform}-${process.arch}: tools/node-runtimes/package.json ` +
        `pins the npm registry's node-<platform> packages for ${platforms.join(", ")} only ` +
        "(there is no current build for this platform on the registry).",
    );
  }
  const dir = join(TOOLS, "node_modules", alias);
  const bin = join(dir, "bin", "node");
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(
      `Node.js ${major} is not installed: ${bin} is missing. Run \`npm ci\` in the repository ` +
        "root: its prepare step installs Node.js 22 and 24 from the npm registry into " +
        "tools/node-runtimes/ (with `--ignore-scripts` it does not).",
    );
  }
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    version: string;
  };
  return { major, version, bin, binDir: dirname(bin) };
}

/**
 * The machine's own Node.js (the one running this process) first, then every extra version that
 * is installed, without duplicates.
 */
export function nodeRuntimes(): NodeRuntime[] {
  const own: NodeRuntime = {
    major: Number(process.versions.node.split(".")[0]),
    version: process.versions.node,
    bin: process.execPath,
    binDir: dirname(process.execPath),
  };
  const extra = EXTRA_MAJORS.flatMap((major) => {
    try {
      return [nodeRuntime(major)];
    } catch {
      return [];
    }
  });
  return [own, ...extra.filter((runtime) => runtime.version !== own.version)];
}

/**
 * `env` (default: this process's) with `runtime.binDir` first on `PATH`, so that every child
 * that looks `node` up there (Terraform's provider shim, npx, a CLI's shebang) runs `runtime`.
 */
export function withNodeOnPath(
  runtime: NodeRuntime,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const path = env.PATH ?? "";
  return { ...env, PATH: path === "" ? runtime.binDir : `${runtime.binDir}${delimiter}${path}` };
}

function pinnedAliases(): string[] {
  const manifest = JSON.parse(readFileSync(join(TOOLS, "package.json"), "utf8")) as {
    optionalDependencies?: Record<string, string>;
  };
  return Object.keys(manifest.optionalDependencies ?? {});
}

function platformOf(alias: string): string {
  return alias.replace(/^node\d+-/, "");
}
