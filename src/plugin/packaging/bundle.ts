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
 * with a cache kept outside the package. Top-level `await` is not available in it. Each npm
 * package that the program reaches only through `import()` then goes into a file of its own,
 * which the launcher compiles (with its own cache) when the program first asks for it
 * (`lazy-packages.ts`).
 * Every `Intl.ListFormat` in the program becomes a `DeferredListFormat`, which initialises ICU
 * only when a list is first formatted (`deferred-list-format.ts` says why).
 * `import.meta.url`, `import.meta.dirname` and `import.meta.filename` are rewritten to the
 * bundle's own location, so code using them keeps working, relative to the bundle instead of the
 * source file (files read that way must be shipped beside the bundle).
 */
import { build, type BuildOptions, type Message, type Metafile, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { LaunchConfig } from "./launcher.js";
import { findLazyPackages, sharedInputs, worthSplitting } from "./lazy-packages.js";
import { chunkFileName } from "./package-files.js";
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
  /** With a launcher: absolute paths of the lazily loaded packages' files beside it. */
  readonly chunkFiles?: readonly string[];
  /** Bytes written: the bundle's, plus the program's and the chunks' with a launcher. */
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
  if (options.launcher && format !== "cjs") {
    throw new Error("The launcher runs CommonJS programs only: bundle with format cjs.");
  }
  const settings = programSettings(options, format, rootDir);
  const first = await build({ ...settings, entryPoints: [entry], outfile: outFile });
  mkdirSync(dirname(outFile), { recursive: true });
  if (!options.launcher) {
    writeFileSync(outFile, first.outputFiles[0]?.text ?? "");
    const content = readFileSync(outFile);
    return { outFile, bytes: content.length, sha256: sha256(content), warnings: warningsOf(first) };
  }

  const launcher = options.launcher;
  const lazy = findLazyPackages(first.metafile, relative(rootDir, entry).split(sep).join("/"));
  const candidates = await Promise.all(
    lazy.map(async ({ name }) => {
      const file = join(dirname(outFile), chunkFileName(launcher.programFile, name));
      const result = await build({
        ...settings,
        stdin: {
          contents: `module.exports = require(${JSON.stringify(name)});`,
          resolveDir: rootDir,
          sourcefile: `${name} (lazily loaded)`,
          loader: "js",
        },
        outfile: file,
      });
      return { name, file, result };
    }),
  );
  // A package on its own exports everything, since nothing tells esbuild which of its exports
  // the program uses: one that grows by it (zod: 103 KB in the program, 570 KB alone) stays.
  const inProgram = bytesInOutput(first.metafile);
  const chunks = candidates.filter(({ result }) =>
    worthSplitting(
      Object.keys(result.metafile.inputs).reduce(
        (sum, file) => sum + (inProgram.get(file) ?? 0),
        0,
      ),
      result.outputFiles[0]?.contents.length ?? 0,
    ),
  );
  const main =
    chunks.length === 0
      ? first
      : await build({
          ...settings,
          entryPoints: [entry],
          outfile: outFile,
          plugins: [...settings.plugins, loadFromChunks(chunks.map((chunk) => chunk.name))],
        });
  refuseDuplicates([{ name: "the program", result: main }, ...chunks]);

  const programFile = join(dirname(outFile), launcher.programFile);
  const program = main.outputFiles[0]?.text ?? "";
  const chunkTexts = chunks.map((chunk) => ({
    ...chunk,
    text: chunk.result.outputFiles[0]?.text ?? "",
  }));
  const launcherText = await withLauncher(
    launcher,
    program,
    chunkTexts.map(({ name, file, text }) => ({ name, file: basename(file), text })),
    rootDir,
    options.minify ?? true,
  );
  writeFileSync(outFile, launcherText);
  writeFileSync(programFile, program);
  for (const chunk of chunkTexts) writeFileSync(chunk.file, chunk.text);
  const content = readFileSync(programFile);
  return {
    outFile,
    programFile,
    chunkFiles: chunkTexts.map((chunk) => chunk.file),
    bytes:
      Buffer.byteLength(launcherText) +
      content.length +
      chunkTexts.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.text), 0),
    sha256: sha256(content),
    warnings: [main, ...chunks.map((chunk) => chunk.result)].flatMap(warningsOf),
  };
}

// What every build of a program shares: its own entry, chunks' entries and outputs differ.
function programSettings(options: BundleOptions, format: "cjs" | "esm", rootDir: string) {
  const banner =
    format === "cjs"
      ? `var ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;`
      : 'import { createRequire as __bundle_create_require } from "node:module";\n' +
        "const require = __bundle_create_require(import.meta.url);";
  return {
    absWorkingDir: rootDir,
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
    // Behind the launcher the program is a vm.Script, which has no loader for `import()`: esbuild
    // turns each import() of what stays outside the bundle (a built-in, a chunk) into require().
    ...(options.launcher && { supported: { "dynamic-import": false } }),
    metafile: true,
    logLevel: "silent",
    plugins: [...(options.plugins ?? [])],
  } satisfies BuildOptions;
}

// Leaves each lazily loaded package out of the program: its imports become require(name), which
// the launcher answers from the package's own file.
function loadFromChunks(names: readonly string[]): Plugin {
  const lazy = new Set(names);
  return {
    name: "load-from-chunks",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        lazy.has(args.path) ? { path: args.path, external: true } : undefined,
      );
    },
  };
}

// A module in two files would run twice, with two copies of its state and classes. The shim that
// stands in for Intl.ListFormat holds neither, so it may sit in each.
function refuseDuplicates(outputs: { name: string; result: { metafile: Metafile } }[]): void {
  const shim = (file: string) => /deferred-list-format\.[jt]s$/.test(file);
  for (const [i, a] of outputs.entries()) {
    for (const b of outputs.slice(i + 1)) {
      const shared = sharedInputs(a.result.metafile, b.result.metafile).filter((f) => !shim(f));
      if (shared.length > 0) {
        throw new Error(
          `${a.name} and ${b.name} would both hold ${shared.slice(0, 5).join(", ")}` +
            `${shared.length > 5 ? ` and ${shared.length - 5} more` : ""}: a lazily loaded ` +
            "package must not share modules with the program or with another such package.",
        );
      }
    }
  }
}

// How many bytes of the output each input file became.
function bytesInOutput(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      bytes.set(file, (bytes.get(file) ?? 0) + input.bytesInOutput);
    }
  }
  return bytes;
}

function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

function warningsOf(result: { warnings: readonly Message[] }): string[] {
  return result.warnings.map(
    (warning) =>
      `${warning.location ? `${warning.location.file}:${warning.location.line}: ` : ""}${warning.text}`,
  );
}

// The launcher is bundled on its own (for old Node.js versions, so that it can refuse them); the
// hashes of the program and of each chunk in its configuration key their code caches.
async function withLauncher(
  launcher: LauncherOptions,
  program: string,
  chunks: readonly { name: string; file: string; text: string }[],
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
    chunks: Object.fromEntries(
      chunks.map(({ name, file, text }) => [
        name,
        { file, sourceHash: createHash("sha256").update(text).digest("hex") },
      ]),
    ),
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
