/**
 * Bundles a provider's entry and everything it imports into one self-contained JavaScript file.
 *
 * The output is byte-for-byte deterministic: esbuild runs with a fixed working directory, so the
 * only paths it writes (module comments in unminified output) are relative to it, and nothing
 * from the clock or environment enters the file. That keeps the package's `h1:` hash identical on
 * every machine that builds the same sources with the same dependencies.
 *
 * Format: CommonJS by default. With a got + zod program on Node 20 it reached its handshake
 * 5–15 ms sooner than the same bundle as ESM (`npm run bench:bundle`); CommonJS dependencies
 * may `require` Node built-ins without a `createRequire` banner; and a CommonJS program can be
 * compiled with a V8 code cache: with the `launcher` option the file holds `launcher.ts`, which
 * checks the Node.js version, then reads the program from a second file beside it and compiles it
 * with a cache kept outside the package. Top-level `await` is not available in it.
 * Every `Intl.ListFormat` in the program becomes a `DeferredListFormat`, which initialises ICU
 * only when a list is first formatted (`deferred-list-format.ts` says why).
 * `import.meta.url`, `import.meta.dirname` and `import.meta.filename` are rewritten to the
 * bundle's own location, so code using them keeps working, relative to the bundle instead of the
 * source file (files read that way must be shipped beside the bundle).
 */
import { build, type Metafile, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LaunchConfig } from "./launcher.js";
import { MIN_NODE_MAJOR } from "./shim.js";

/** What to bundle and how. */
export interface BundleOptions {
  /** The entry module (TypeScript or JavaScript). */
  readonly entry: string;
  /** The file to write. */
  readonly outFile: string;
  /**
   * Directory that paths in the bundle are relative to; default: the nearest directory above
   * `entry` holding a `package.json`. Keep it stable across machines.
   */
  readonly rootDir?: string;
  /** Module format; default `"cjs"`. An ESM bundle gets a `require` made by `createRequire`. */
  readonly format?: "cjs" | "esm";
  /** Minify whitespace, syntax and identifiers (function and class names are kept); default `true`. */
  readonly minify?: boolean;
  /** Put the program behind the launcher (CommonJS only); default: a plain bundle. */
  readonly launcher?: LauncherOptions;
  /** esbuild plugins for the program (benchmarks use one to swap a module for an alternative). */
  readonly plugins?: readonly Plugin[];
}

/** How the launcher introduces itself; see `launcher.ts`. */
export interface LauncherOptions {
  /** Name at the start of its version error line, e.g. `terraform-provider-demo`. */
  readonly programName: string;
  /** Variable naming a node executable (the version error suggests it). */
  readonly nodeVariable: string;
  /** Variable that turns the code cache off (`off`) or names its directory. */
  readonly cacheVariable: string;
  /** Lowest accepted Node.js major version; default {@link MIN_NODE_MAJOR}. */
  readonly minNodeMajor?: number;
  /** File name of the program, written beside the launcher's `outFile`. */
  readonly programFile: string;
}

/** The written bundle. */
export interface BundleResult {
  /** Absolute path of the bundle (with a launcher: the launcher's file). */
  readonly outFile: string;
  /** With a launcher: absolute path of the program's file beside it. */
  readonly programFile?: string;
  /** Bytes written: the bundle's, plus the program's with a launcher. */
  readonly bytes: number;
  /** Hex SHA-256 of the bundle's content (with a launcher: of the program's). */
  readonly sha256: string;
  /** esbuild's warnings, formatted; empty for a clean build. */
  readonly warnings: readonly string[];
}

/** The Node.js version the bundle's syntax targets; the launcher refuses older majors. */
export const BUNDLE_TARGET = "node20";

/** The oldest Node.js the launcher itself parses on, so that it can say what is wrong. */
const LAUNCHER_TARGET = "node8";

const IMPORT_META_URL = "__bundle_import_meta_url";

/** Bundles `entry` into `outFile` with esbuild; rejects with esbuild's errors on failure. */
export async function bundleProvider(options: BundleOptions): Promise<BundleResult> {
  const format = options.format ?? "cjs";
  const entry = resolve(options.entry);
  const outFile = resolve(options.outFile);
  const rootDir = resolve(options.rootDir ?? packageRootOf(entry));
  const banner =
    format === "cjs"
      ? `var ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;`
      : 'import { createRequire as __bundle_create_require } from "node:module";\n' +
        "const require = __bundle_create_require(import.meta.url);";
  if (options.launcher && format !== "cjs") {
    throw new Error("The launcher runs CommonJS programs only: bundle with format cjs.");
  }
  const result = await build({
    absWorkingDir: rootDir,
    entryPoints: [entry],
    outfile: outFile,
    write: false,
    bundle: true,
    platform: "node",
    target: BUNDLE_TARGET,
    format,
    minify: options.minify ?? true,
    // Minified names would change what `fn.name` and `SomeError.name` return at run time.
    keepNames: true,
    sourcemap: false,
    legalComments: "eof",
    banner: { js: banner },
    define: {
      "Intl.ListFormat": "DeferredListFormat",
      ...(format === "cjs" && {
        "import.meta.url": IMPORT_META_URL,
        "import.meta.dirname": "__dirname",
        "import.meta.filename": "__filename",
      }),
    },
    inject: [besideThisModule("deferred-list-format")],
    metafile: true,
    logLevel: "silent",
    plugins: [...(options.plugins ?? [])],
  });
  const program = result.outputFiles?.[0]?.text ?? "";
  mkdirSync(dirname(outFile), { recursive: true });
  let programFile: string | undefined;
  if (options.launcher) {
    refuseDynamicImports(result.metafile);
    programFile = join(dirname(outFile), options.launcher.programFile);
    refuseNonAscii(program);
    writeFileSync(
      outFile,
      await withLauncher(program, options.launcher, rootDir, options.minify ?? true),
    );
    writeFileSync(programFile, program);
  } else {
    writeFileSync(outFile, program);
  }
  const content = readFileSync(programFile ?? outFile);
  return {
    outFile,
    ...(programFile !== undefined && { programFile }),
    bytes: content.length + (programFile === undefined ? 0 : readFileSync(outFile).length),
    sha256: createHash("sha256").update(content).digest("hex"),
    warnings: result.warnings.map(
      (warning) =>
        `${warning.location ? `${warning.location.file}:${warning.location.line}: ` : ""}${warning.text}`,
    ),
  };
}

// The launcher is bundled on its own (for old Node.js versions, so that it can refuse them); the
// program's hash in its configuration keys the code cache.
async function withLauncher(
  program: string,
  launcher: LauncherOptions,
  rootDir: string,
  minify: boolean,
): Promise<string> {
  const config: LaunchConfig = {
    programName: launcher.programName,
    minNodeMajor: launcher.minNodeMajor ?? MIN_NODE_MAJOR,
    nodeVariable: launcher.nodeVariable,
    cacheVariable: launcher.cacheVariable,
    sourceHash: createHash("sha256").update(program).digest("hex"),
    programFile: launcher.programFile,
  };
  const launcherFile = besideThisModule("launcher");
  const result = await build({
    absWorkingDir: rootDir,
    stdin: {
      contents: `require(${JSON.stringify(launcherFile)}).launch(module, ${JSON.stringify(config)});`,
      resolveDir: rootDir,
      sourcefile: "launch.js",
      loader: "js",
    },
    bundle: true,
    write: false,
    platform: "node",
    target: LAUNCHER_TARGET,
    format: "cjs",
    minify,
    sourcemap: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

// The launcher reads the program as Latin-1, which is exact only for ASCII. esbuild escapes
// every non-ASCII character by default; this guards against an option that would stop it.
function refuseNonAscii(program: string): void {
  for (let at = 0; at < program.length; at++) {
    if (program.charCodeAt(at) > 0x7f) {
      throw new Error(
        `The bundled program holds a non-ASCII character at offset ${at}, which the launcher ` +
          "would misread: keep esbuild's charset at its ASCII default.",
      );
    }
  }
}

// The launcher runs the program as a vm.Script, which has no loader for `import()`: a dynamic
// import of anything left outside the bundle (a Node.js built-in) would fail only at run time.
function refuseDynamicImports(metafile: Metafile | undefined): void {
  const external = Object.values(metafile?.outputs ?? {})
    .flatMap((output) => output.imports)
    .filter((i) => i.kind === "dynamic-import" && i.external)
    .map((i) => i.path);
  if (external.length > 0) {
    throw new Error(
      `The provider program imports ${[...new Set(external)].join(", ")} with import(), which ` +
        "cannot run behind the launcher. Load built-ins with createRequire(import.meta.url) instead.",
    );
  }
}

// A module of this folder that goes into bundles: the TypeScript source when running from src/
// (tests, scripts), the compiled file from dist/.
function besideThisModule(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = [`${name}.ts`, `${name}.js`]
    .map((candidate) => join(here, candidate))
    .find((candidate) => existsSync(candidate));
  if (file === undefined) throw new Error(`${name}.ts is missing beside ${here}.`);
  return file;
}

function packageRootOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}
