import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  launch,
  nodeCompileCache,
  type BuiltInCompileCache,
  type LaunchConfig,
  type LaunchModule,
  type LaunchSeams,
} from "../../../src/plugin/packaging/launcher.js";

const CONFIG: LaunchConfig = {
  programName: "terraform-provider-demo",
  minNodeMajor: 20,
  nodeVariable: "DEMO_NODE",
  cacheVariable: "DEMO_CODE_CACHE",
  sourceHash: "ab".repeat(32),
  programFile: "demo-program.cjs",
};

// A program that reports how it was run; each test gives it a fresh module to fill.
const PROGRAM = `
const path = require("path");
module.exports.seen = {
  filename: __filename,
  dirname: __dirname,
  separator: path.sep,
  thisIsExports: this === exports,
  sum: [1, 2, 3].map(function double(x) { return x * 2; }).reduce((a, b) => a + b, 0),
};`;

describe("the launcher", () => {
  let dir: string;
  let cacheDir: string;
  let exitWork: (() => void)[];
  let stdout: string;
  let exitCodes: number[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "launcher-"));
    cacheDir = join(dir, "cache");
    exitWork = [];
    stdout = "";
    exitCodes = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function seams(overrides: Partial<LaunchSeams> = {}): LaunchSeams {
    return {
      env: { DEMO_CODE_CACHE: cacheDir },
      nodeVersion: "20.19.0",
      versionTag: "v20.19.0-x64",
      execPath: "/opt/node/bin/node",
      uid: process.getuid?.(),
      tmpdir: dir,
      cpuMs: () => 100,
      writeStdout: (text) => (stdout += text),
      exit: (code) => exitCodes.push(code),
      onExit: (work) => exitWork.push(work),
      ...overrides,
    };
  }

  // Each start is another package directory: V8 reuses a script compiled in this process for
  // the same source and name, which would hide what the code cache did.
  let starts = 0;
  // `source` null: the package has no program file.
  function start(overrides: Partial<LaunchSeams> = {}, source: string | null = PROGRAM) {
    const packageDir = join(dir, `package-${++starts}`);
    mkdirSync(packageDir);
    if (source !== null) writeFileSync(join(packageDir, CONFIG.programFile), source);
    const module: LaunchModule & { exports: { seen?: Record<string, unknown> } } = {
      exports: {},
      filename: join(packageDir, "demo-provider.cjs"),
      require: createRequire(import.meta.url),
    };
    const report = launch(module, CONFIG, seams(overrides));
    return { report, seen: module.exports.seen };
  }

  function exitProcess(): void {
    for (const work of exitWork.splice(0)) work();
  }

  const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);

  it("runs the program file beside it as the CommonJS module it was bundled as", () => {
    const { seen } = start();
    expect(seen).toEqual({
      filename: join(dir, "package-1", "demo-program.cjs"),
      dirname: join(dir, "package-1"),
      separator: "/",
      thisIsExports: true,
      sum: 12,
    });
  });

  it("refuses a Node.js older than the minimum with one line on stdout, running nothing", () => {
    const { report } = start({ nodeVersion: "18.19.1" }, 'throw new Error("the program ran");');
    expect(report).toBeUndefined();
    expect(exitCodes).toEqual([1]);
    expect(stdout).toBe(
      "terraform-provider-demo: Node.js >= 20 is required but '/opt/node/bin/node' is v18.19.1; " +
        "install Node.js 20 or later, or set DEMO_NODE to its node executable.\n",
    );
    expect(exitWork).toEqual([]);
  });

  it("says in one line on stdout that the package is incomplete when the program file is missing", () => {
    const { report } = start({}, null);
    expect(report).toBeUndefined();
    expect(exitCodes).toEqual([1]);
    expect(stdout).toBe(
      `terraform-provider-demo: cannot read the provider program ${join(dir, `package-${starts}`, "demo-program.cjs")} ` +
        "(ENOENT); the provider package is incomplete: install it again.\n",
    );
    expect(exitWork).toEqual([]);
  });

  it("runs a program holding non-ASCII text as written", () => {
    const { seen } = start({}, '// café — ✓\nmodule.exports.seen = { text: "café ✓" };');
    expect(seen).toEqual({ text: "café ✓" });
  });

  it("keeps the cache in a private directory at exit, and compiles from it on the next start", () => {
    expect(start().report).toEqual({ cache: "none", file: expect.any(String) });
    expect(cacheFiles()).toEqual([]); // nothing is written while the program runs
    exitProcess();
    expect(cacheFiles()).toEqual([`${"ab".repeat(10)}-v20.19.0-x64.v8cache`]);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const file = join(cacheDir, cacheFiles()[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = start();
    expect(again.report).toEqual({ cache: "accepted", file });
    expect(again.seen?.sum).toBe(12);
  });

  it("puts the cache under the temporary directory, per user, when no directory is named", () => {
    const { report } = start({ env: {} });
    expect(report?.file).toMatch(
      new RegExp(`^${dir}/terraform-provider-demo-${process.getuid?.() ?? "user"}/`),
    );
  });

  it.each([
    ["garbage", Buffer.from("not a code cache at all")],
    ["V8 data it refuses", Buffer.concat([header(10), Buffer.alloc(4096, 7)])],
  ])("compiles from source when the cache file holds %s, and replaces it", (_what, content) => {
    start();
    exitProcess();
    const file = join(cacheDir, cacheFiles()[0]!);
    writeFileSync(file, content);
    const { report, seen } = start();
    expect(report?.cache).toBe(content.length > 100 ? "rejected" : "none");
    expect(seen?.sum).toBe(12);
    exitProcess();
    expect(start().report?.cache).toBe("accepted");
  });

  it("runs without a cache when its directory cannot be made", () => {
    writeFileSync(join(dir, "a-file"), "");
    cacheDir = join(dir, "a-file", "cache");
    const { report, seen } = start();
    expect(report?.cache).toBe("none");
    expect(seen?.sum).toBe(12);
    expect(() => exitProcess()).not.toThrow();
    expect(readdirSync(dir).filter((name) => !name.startsWith("package-"))).toEqual(["a-file"]);
  });

  it("never reads nor writes a cache directory that another user owns or can write to", () => {
    start();
    exitProcess();
    const file = join(cacheDir, cacheFiles()[0]!);
    const written = readFileSync(file);

    chmodSync(cacheDir, 0o777);
    expect(start().report?.cache).toBe("none");
    exitProcess();
    chmodSync(cacheDir, 0o700);
    expect(start({ uid: (process.getuid?.() ?? 0) + 4242 }).report?.cache).toBe("none");
    exitProcess();
    expect(readFileSync(file).equals(written)).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
  });

  it("turns the cache off when its variable says off", () => {
    const { report, seen } = start({ env: { DEMO_CODE_CACHE: "off" } });
    expect(report).toEqual({ cache: "off" });
    expect(seen?.sum).toBe(12);
    expect(exitWork).toEqual([]);
  });

  it("writes the cache again only after a process that worked much more than its writer", () => {
    start({ cpuMs: () => 100 });
    exitProcess();
    const file = join(cacheDir, cacheFiles()[0]!);
    expect(readFileSync(file).readUInt32LE(4)).toBe(100);

    start({ cpuMs: () => 140 });
    exitProcess();
    expect(readFileSync(file).readUInt32LE(4)).toBe(100);

    start({ cpuMs: () => 400 });
    exitProcess();
    expect(readFileSync(file).readUInt32LE(4)).toBe(400);
    expect(start().report?.cache).toBe("accepted");
  });

  describe("on a Node.js with a compile cache of its own (a fake that enables, and the real loader)", () => {
    let enabled: string[];
    const builtIn = (accepts = true): BuiltInCompileCache => ({
      enable: (cache) => (enabled.push(cache), accepts),
      run: nodeCompileCache().run,
    });
    beforeEach(() => (enabled = []));

    it("turns it on in a private directory and runs the program through Node.js's loader", () => {
      const { report, seen } = start({ compileCache: builtIn() });
      expect(enabled).toEqual([join(cacheDir, "node-compile-cache")]);
      expect(report).toEqual({ cache: "built-in", file: enabled[0] });
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(seen).toEqual({
        filename: join(dir, `package-${starts}`, "demo-program.cjs"),
        dirname: join(dir, `package-${starts}`),
        separator: "/",
        thisIsExports: true,
        sum: 12,
      });
      exitProcess();
      expect(cacheFiles()).toEqual([]); // Node.js writes its own cache; the launcher writes none
    });

    it("keeps its own cache when Node.js declines (NODE_DISABLE_COMPILE_CACHE)", () => {
      expect(start({ compileCache: builtIn(false) }).report?.cache).toBe("none");
      exitProcess();
      expect(cacheFiles()).toEqual([`${"ab".repeat(10)}-v20.19.0-x64.v8cache`]);
    });

    it("never turns it on in a directory another user can write to, nor when the cache is off", () => {
      mkdirSync(cacheDir, { mode: 0o700 });
      chmodSync(cacheDir, 0o777);
      expect(start({ compileCache: builtIn() }).report?.cache).toBe("none");
      expect(start({ compileCache: builtIn(), env: { DEMO_CODE_CACHE: "off" } }).report).toEqual({
        cache: "off",
      });
      expect(enabled).toEqual([]);
    });
  });

  it("leaves no partial file behind when writing fails", () => {
    start();
    mkdirSync(cacheDir, { mode: 0o700 });
    // The final name is taken by a directory, so the rename fails after the partial file exists.
    mkdirSync(join(cacheDir, `${"ab".repeat(10)}-v20.19.0-x64.v8cache`));
    exitProcess();
    expect(cacheFiles()).toEqual([`${"ab".repeat(10)}-v20.19.0-x64.v8cache`]);
  });
});

function header(cpuMs: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(0x31434356, 0);
  bytes.writeUInt32LE(cpuMs, 4);
  return bytes;
}
