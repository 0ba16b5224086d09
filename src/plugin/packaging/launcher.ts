/**
 * The launcher: the first code Node.js runs in a provider package. It refuses a Node.js that is
 * too old (one line on stdout, which Terraform shows verbatim), then reads the provider program
 * from its own file beside the launcher, compiles it with a V8 code cache, and runs it as the
 * CommonJS module it was bundled as.
 *
 * Terraform starts the provider 3–5 times per command, and compiling the ~400 KB program is a
 * large part of each start. The program is a file of its own rather than a string literal inside
 * the launcher, which V8 would scan character by character whenever it compiles the launcher. A
 * package the program loads only on demand (got) is a further file, compiled the same way when
 * the program first `require`s it, so that the starts that never need it do not pay for it.
 *
 * The cache lives outside the package (a file inside the package would change its `h1:` hash),
 * in a directory of the user's own under the temporary directory, one file per program or
 * package file, keyed by its hash and the Node.js version and architecture. A missing, stale,
 * corrupt or foreign cache is ignored, and the file is compiled from source as without one. The
 * cache is written when the process exits, so it includes the functions the process compiled
 * while it ran; a process that worked much more than the cache's writer (a plan that called
 * Amazon, after one that only answered the schema) writes it again.
 *
 * Where Node.js has a compile cache of its own (`module.enableCompileCache`, Node.js ≥ 22.8), the
 * launcher turns it on in the same private directory and lets Node.js's CommonJS loader compile
 * the program instead: it took about as much CPU per start as the cache above (0.93–1.10×,
 * `npm run bench:code-cache`), and it is Node.js's to maintain. Node.js 20 keeps the cache
 * above, and so does a Node.js whose compile cache is disabled (`NODE_DISABLE_COMPILE_CACHE`).
 *
 * This file is bundled for old Node.js versions too, so that the version check itself runs there:
 * it imports only Node.js built-ins, by their old names (no `node:` prefix, which Node.js < 14.18
 * cannot load).
 */
import * as fs from "fs";
import * as nodeModule from "module";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

/** What the build tells the launcher. */
export interface LaunchConfig {
  /** Name at the start of the version error line, e.g. `terraform-provider-demo`. */
  readonly programName: string;
  /** Lowest accepted Node.js major version. */
  readonly minNodeMajor: number;
  /** The variable that names a node executable (mentioned in the version error). */
  readonly nodeVariable: string;
  /** The variable that turns the cache off (`off`) or names its directory. */
  readonly cacheVariable: string;
  /** Hex SHA-256 of the program source (the cache key). */
  readonly sourceHash: string;
  /** The program's file name, in the launcher's directory. */
  readonly programFile: string;
  /**
   * Lazily loaded packages, by the name the program `require`s: each one's file name (in the
   * launcher's directory) and the hex SHA-256 of its source (its cache key).
   */
  readonly chunks?: Readonly<
    Record<string, { readonly file: string; readonly sourceHash: string }>
  >;
}

/** The parts of the process the launcher touches; tests swap them. */
export interface LaunchSeams {
  readonly env: NodeJS.ProcessEnv;
  /** `process.versions.node`. */
  readonly nodeVersion: string;
  /** `process.version`, `process.arch`: part of the cache key. */
  readonly versionTag: string;
  readonly execPath: string;
  readonly uid: number | undefined;
  readonly tmpdir: string;
  /** CPU time the process has used so far, in milliseconds. */
  readonly cpuMs: () => number;
  readonly writeStdout: (text: string) => void;
  readonly exit: (code: number) => void;
  /** Registers work to do when the process exits. */
  readonly onExit: (work: () => void) => void;
  /** Node.js's own compile cache; undefined where it has none (Node.js < 22.8). */
  readonly compileCache?: BuiltInCompileCache;
}

/** Node.js's compile cache (`module.enableCompileCache`), as the launcher uses it. */
export interface BuiltInCompileCache {
  /** Turns it on in `dir`; false when Node.js declines (disabled by the user, or failing). */
  enable(dir: string): boolean;
  /**
   * Compiles and runs `source` as `module` through Node.js's CommonJS loader, which consults the
   * cache; returns the module's final `module.exports`.
   */
  run(module: LaunchModule, source: string): unknown;
}

/** The module the program runs as (its `require`, `module`, `exports`, file name). */
export interface LaunchModule {
  readonly exports: unknown;
  readonly filename: string;
  require(id: string): unknown;
}

/** What a launch did with the cache, for tests and debugging. */
export interface LaunchReport {
  /**
   * `accepted`: compiled from the cache; `rejected`: a cache file V8 refused; `none`: no file;
   * `built-in`: left to Node.js's compile cache (whose verdict Node.js keeps to itself).
   */
  readonly cache: "accepted" | "rejected" | "none" | "off" | "built-in";
  /** The cache file used, if any. */
  readonly file?: string;
}

const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_TAIL = "\n});";

/**
 * A cache file: this magic, the CPU milliseconds its writer had used when it exited (a measure of
 * how much of the program had run, and so been compiled), then V8's data.
 */
const MAGIC = 0x31434356; // "VCC1"
const HEADER_BYTES = 8;
/** An accepted cache is replaced by one from a process that did this much more work. */
const REWRITE_FACTOR = 1.5;

/**
 * Checks the Node.js version, then reads the program file named by `config` beside `module` (the
 * launcher's own module) and runs it as a CommonJS module that shares the launcher's `exports`.
 * The program's `require` of a chunk's package name loads that chunk's file (once) the same way.
 * Returns undefined when it could not start (after `exit(1)` and one line on stdout).
 */
export function launch(
  module: LaunchModule,
  config: LaunchConfig,
  seams: LaunchSeams = processSeams(),
): LaunchReport | undefined {
  const major = parseInt(seams.nodeVersion, 10);
  if (!(major >= config.minNodeMajor)) {
    seams.writeStdout(
      `${config.programName}: Node.js >= ${config.minNodeMajor} is required but '${seams.execPath}' ` +
        `is v${seams.nodeVersion}; install Node.js ${config.minNodeMajor} or later, or set ` +
        `${config.nodeVariable} to its node executable.\n`,
    );
    seams.exit(1);
    return undefined;
  }
  const here = path.dirname(module.filename);
  const programPath = path.join(here, config.programFile);
  const chunks = config.chunks ?? {};
  let source: string;
  try {
    source = fs.readFileSync(programPath, "utf8");
    // A chunk is read only when the program first needs it; a missing one is said here, at once.
    for (const chunk of Object.values(chunks)) fs.statSync(path.join(here, chunk.file));
  } catch (error) {
    const { code, path: file } = error as NodeJS.ErrnoException;
    seams.writeStdout(
      `${config.programName}: cannot read the provider program ${file ?? programPath} ` +
        `(${code ?? String(error)}); the provider package is incomplete: install it again.\n`,
    );
    seams.exit(1);
    return undefined;
  }

  const compile = compiler(config, seams);
  const loaded = new Map<string, unknown>();
  const require = (id: string): unknown => {
    const chunk = chunks[id];
    if (chunk === undefined) return module.require(id);
    if (!loaded.has(id)) {
      const file = path.join(here, chunk.file);
      const target = { exports: {}, filename: file, require };
      loaded.set(id, compile(target, fs.readFileSync(file, "utf8"), chunk.sourceHash).exports);
    }
    return loaded.get(id);
  };
  const program = { exports: module.exports, filename: programPath, require };
  return compile(program, source, config.sourceHash).report;
}

/** Compiles and runs one file of the package as `target`; returns its final `module.exports`. */
type Compile = (
  target: LaunchModule,
  source: string,
  sourceHash: string,
) => { report: LaunchReport; exports: unknown };

// Node.js's compile cache where it has one and may use the directory, else the launcher's own.
function compiler(config: LaunchConfig, seams: LaunchSeams): Compile {
  const dir = cacheDirectory(config, seams);
  const builtIn = seams.compileCache;
  if (dir && builtIn && privateDirectory(dir, seams.uid)) {
    const nodeCache = path.join(dir, "node-compile-cache");
    if (builtIn.enable(nodeCache)) {
      return (target, source) => ({
        report: { cache: "built-in", file: nodeCache },
        exports: builtIn.run(target, source),
      });
    }
  }
  return (target, source, sourceHash) => {
    const file = dir && path.join(dir, `${sourceHash.slice(0, 20)}-${seams.versionTag}.v8cache`);
    const stored = dir && file ? readCache(dir, file, seams.uid) : undefined;
    const script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, {
      filename: target.filename,
      ...(stored ? { cachedData: stored.data } : {}),
    });
    const report: LaunchReport = !file
      ? { cache: "off" }
      : !stored
        ? { cache: "none", file }
        : { cache: script.cachedDataRejected ? "rejected" : "accepted", file };
    if (dir && file) {
      seams.onExit(() => {
        const cpuMs = seams.cpuMs();
        const stale = report.cache !== "accepted" || cpuMs > stored!.cpuMs * REWRITE_FACTOR;
        if (stale) writeCache(dir, file, seams.uid, cpuMs, () => script.createCachedData());
      });
    }
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    const module = { exports: target.exports, filename: target.filename, require: target.require };
    run.call(
      module.exports,
      module.exports,
      module.require,
      module,
      target.filename,
      path.dirname(target.filename),
    );
    return { report, exports: module.exports };
  };
}

/** The real process. */
export function processSeams(): LaunchSeams {
  return {
    env: process.env,
    nodeVersion: process.versions.node,
    versionTag: `${process.version}-${process.arch}`,
    execPath: process.execPath,
    uid: typeof process.getuid === "function" ? process.getuid() : undefined,
    tmpdir: os.tmpdir(),
    cpuMs: () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    },
    writeStdout: (text) => fs.writeSync(1, text),
    exit: (code) => process.exit(code),
    onExit: (work) => process.once("exit", work),
    // The built-in cache goes through the loader's undocumented `_compile`: a Node.js without it
    // keeps the launcher's own cache rather than failing to start.
    ...(typeof loader().enableCompileCache === "function" &&
      typeof loader().Module.prototype._compile === "function" && {
        compileCache: nodeCompileCache(),
      }),
  };
}

/** What the launcher needs of `require("module")` beyond Node.js 20's type definitions. */
interface ModuleLoader {
  readonly Module: { new (id: string, parent?: unknown): LoaderModule; prototype: LoaderModule };
  _nodeModulePaths(dir: string): string[];
  enableCompileCache?: (dir: string) => { status: number };
  constants?: { compileCacheStatus?: Record<string, number> };
}

interface LoaderModule {
  filename: string;
  paths: string[];
  exports: unknown;
  require(id: string): unknown;
  _compile(source: string, filename: string): void;
}

function loader(): ModuleLoader {
  return nodeModule as unknown as ModuleLoader;
}

/**
 * The real compile cache. `Module.prototype._compile` is how Node.js's loader compiles a file it
 * has read (and where it consults the cache); the program becomes a module of its own file, with
 * the `exports` it is given, as on the launcher's own path.
 */
export function nodeCompileCache(): BuiltInCompileCache {
  const { Module, _nodeModulePaths, enableCompileCache, constants } = loader();
  return {
    enable(dir) {
      const status = enableCompileCache?.(dir).status;
      const codes = constants?.compileCacheStatus ?? {};
      return status === codes.ENABLED || status === codes.ALREADY_ENABLED;
    },
    run(module, source) {
      const program = new Module(module.filename, module);
      program.filename = module.filename;
      program.paths = _nodeModulePaths(path.dirname(module.filename));
      program.exports = module.exports;
      // The compiled code's `require` calls this method: chunks are the launcher's to load.
      program.require = (id) => module.require(id);
      program._compile(source, module.filename);
      return program.exports;
    },
  };
}

function cacheDirectory(config: LaunchConfig, seams: LaunchSeams): string | undefined {
  const setting = seams.env[config.cacheVariable];
  if (setting === "off") return undefined;
  if (setting) return path.resolve(setting);
  return path.join(seams.tmpdir, `${config.programName}-${seams.uid ?? "user"}`);
}

// Only a directory that is ours and that nobody else can write into is trusted: a code cache is
// executable code, so one planted by another user must never be loaded.
function trusted(dir: string, uid: number | undefined): boolean {
  const stat = fs.lstatSync(dir);
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

/** Makes `dir` (mode 0700) if missing; true when it is then trusted. */
function privateDirectory(dir: string, uid: number | undefined): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return trusted(dir, uid);
  } catch {
    return false;
  }
}

function readCache(
  dir: string,
  file: string,
  uid: number | undefined,
): { data: Buffer; cpuMs: number } | undefined {
  try {
    if (!trusted(dir, uid)) return undefined;
    const bytes = fs.readFileSync(file);
    if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return undefined;
    return { data: bytes.subarray(HEADER_BYTES), cpuMs: bytes.readUInt32LE(4) };
  } catch {
    return undefined;
  }
}

function writeCache(
  dir: string,
  file: string,
  uid: number | undefined,
  cpuMs: number,
  data: () => Buffer,
): void {
  // Written beside the final name and renamed, so that a concurrent reader sees the whole file or none.
  const partial = `${file}.${process.pid}.tmp`;
  try {
    if (!privateDirectory(dir, uid)) return;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(Math.min(Math.round(cpuMs), 0xffffffff), 4);
    fs.writeFileSync(partial, Buffer.concat([header, data()]), { mode: 0o600 });
    fs.renameSync(partial, file);
  } catch {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Nothing more to do: the cache is an optimisation.
    }
  }
}
