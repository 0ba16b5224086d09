import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleProvider } from "../../../src/plugin/packaging/bundle.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixtureEntry = join(repoRoot, "test/fixtures/packaging/entry.ts");
const metaEntry = join(repoRoot, "test/fixtures/packaging/meta-entry.ts");
const MAGIC_COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

describe("bundleProvider", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bundle-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([true, false])(
    "writes byte-for-byte identical bundles into different directories (minify %s)",
    async (minify) => {
      const first = await bundleProvider({
        entry: fixtureEntry,
        outFile: join(dir, "one/p.cjs"),
        minify,
      });
      const second = await bundleProvider({
        entry: fixtureEntry,
        outFile: join(dir, "two/x/p.cjs"),
        minify,
      });
      expect(second.sha256).toBe(first.sha256);
      expect(readFileSync(second.outFile).equals(readFileSync(first.outFile))).toBe(true);
      const text = readFileSync(first.outFile, "utf8");
      expect(text).not.toContain(repoRoot);
      expect(text).not.toContain(dir);
      expect(first.warnings).toEqual([]);
    },
  );

  it("produces a self-contained program (got and zod inside) that runs away from node_modules", async () => {
    const { outFile } = await bundleProvider({ entry: fixtureEntry, outFile: join(dir, "p.cjs") });
    expect(readFileSync(outFile, "utf8")).not.toMatch(/require\("(got|zod)"\)/);
    const result = spawnSync(process.execPath, [outFile, "--version"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^amazonads \d+\.\d+\.\d+.* \(packaging fixture\)\n$/);
  });

  it("prints the fixture's handshake line when started with Terraform's magic cookie", async () => {
    const { outFile } = await bundleProvider({ entry: fixtureEntry, outFile: join(dir, "p.cjs") });
    const result = spawnSync(process.execPath, [outFile], {
      cwd: dir,
      env: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: "6" },
      input: "", // stdin closes at once: the fixture stops after its handshake
      encoding: "utf8",
    });
    expect(result.stdout).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|\n$/);
  });

  it("puts the program in a file behind the launcher, whose code cache stays outside the package", async () => {
    const outFile = join(dir, "package", "p.cjs");
    const built = await bundleProvider({
      entry: fixtureEntry,
      outFile,
      launcher: {
        programName: "terraform-provider-demo",
        nodeVariable: "DEMO_NODE",
        cacheVariable: "DEMO_CODE_CACHE",
        programFile: "program.cjs",
      },
    });
    expect(built.programFile).toBe(join(dir, "package", "program.cjs"));
    // The launcher is small; the program is not inside it.
    expect(readFileSync(outFile).length).toBeLessThan(16_384);
    expect(built.bytes).toBe(
      readFileSync(outFile).length + readFileSync(built.programFile!).length,
    );
    const cache = join(dir, "cache");
    const run = () =>
      spawnSync(process.execPath, [outFile, "--version"], {
        env: { PATH: process.env.PATH, DEMO_CODE_CACHE: cache },
        encoding: "utf8",
      });
    const first = run();
    expect(first.stdout).toMatch(/\(packaging fixture\)\n$/);
    expect(readdirSync(join(dir, "package")).sort()).toEqual(["p.cjs", "program.cjs"]);
    const [cacheFile] = readdirSync(cache);
    expect(cacheFile).toMatch(/^[0-9a-f]{20}-v\d+\.\d+\.\d+-\w+\.v8cache$/);

    writeFileSync(join(cache, cacheFile!), "corrupt");
    const second = run();
    expect(second.stderr).toBe("");
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(cache, cacheFile!), "utf8")).not.toBe("corrupt");
  });

  it("runs a program that import()s a built-in behind the launcher, as require()", async () => {
    const outFile = join(dir, "p.cjs");
    await bundleProvider({
      entry: join(repoRoot, "test/fixtures/packaging/dynamic-builtin-entry.ts"),
      outFile,
      launcher: {
        programName: "x",
        nodeVariable: "X_NODE",
        cacheVariable: "X_CODE_CACHE",
        programFile: "x-program.cjs",
      },
    });
    const result = spawnSync(process.execPath, [outFile], {
      env: { PATH: process.env.PATH, X_CODE_CACHE: "off" },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`${process.platform}\n`);
  });

  describe("packages the program reaches only through import()", () => {
    const launcher = {
      programName: "terraform-provider-demo",
      nodeVariable: "DEMO_NODE",
      cacheVariable: "DEMO_CODE_CACHE",
      programFile: "demo-program.cjs",
    };
    const lazyEntry = join(repoRoot, "test/fixtures/packaging/lazy-entry.ts");

    it("go into files of their own, which a start that never asks for them never reads", async () => {
      // zod stays in the program: alone it would keep all its exports, several times its size.
      const outFile = join(dir, "package", "demo-provider.cjs");
      const built = await bundleProvider({ entry: lazyEntry, outFile, launcher });
      expect(readdirSync(join(dir, "package")).sort()).toEqual([
        "demo-program.cjs",
        "demo-program.got.cjs",
        "demo-provider.cjs",
      ]);
      expect(built.chunkFiles).toEqual([join(dir, "package", "demo-program.got.cjs")]);
      // Each package is in its file and nowhere else; the program holds neither.
      const text = (name: string) => readFileSync(join(dir, "package", name), "utf8");
      expect(text("demo-program.got.cjs")).toContain("ERR_GOT_REQUEST_ERROR");
      expect(text("demo-program.got.cjs")).not.toContain("ZodError");
      expect(text("demo-program.cjs")).not.toContain("ERR_GOT_REQUEST_ERROR");
      expect(text("demo-program.cjs")).toContain("ZodError");

      const cache = join(dir, "cache");
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [outFile, ...args], {
          env: { PATH: process.env.PATH, DEMO_CODE_CACHE: cache },
          encoding: "utf8",
        });
      for (let round = 0; round < 2; round++) {
        // The second round compiles all three files from their caches.
        const used = run("--use");
        expect(used.stderr).toBe("");
        expect(used.stdout).toBe("function zod\n");
      }
      expect(readdirSync(cache)).toHaveLength(2);

      // got's file now throws when run: a start that never asks for got does not notice.
      writeFileSync(join(dir, "package", "demo-program.got.cjs"), 'throw new Error("got ran");');
      const started = run();
      expect(started.stderr).toBe("");
      expect(started.stdout).toBe("started\n");
      expect(run("--use").stderr).toContain("got ran");
    });

    it("are said to be missing at once, in one line, when a package lacks one", async () => {
      const outFile = join(dir, "package", "demo-provider.cjs");
      await bundleProvider({ entry: lazyEntry, outFile, launcher });
      rmSync(join(dir, "package", "demo-program.got.cjs"));
      const result = spawnSync(process.execPath, [outFile], {
        env: { PATH: process.env.PATH, DEMO_CODE_CACHE: "off" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(
        `terraform-provider-demo: cannot read the provider program ${join(dir, "package", "demo-program.got.cjs")} ` +
          "(ENOENT); the provider package is incomplete: install it again.\n",
      );
    });

    it("refuse a package that would share modules with the program", async () => {
      await expect(
        bundleProvider({
          entry: join(repoRoot, "test/fixtures/packaging/shared-lazy-entry.ts"),
          outFile: join(dir, "p.cjs"),
          launcher,
        }),
      ).rejects.toThrow(
        /the program and got would both hold node_modules\/@sindresorhus\/is\/.*: a lazily loaded package must not share modules/,
      );
    });
  });

  it.each(["cjs", "esm"] as const)(
    "resolves import.meta to the bundle itself (%s)",
    async (format) => {
      const outFile = join(dir, format === "cjs" ? "meta.cjs" : "meta.mjs");
      await bundleProvider({ entry: metaEntry, outFile, format });
      const result = spawnSync(process.execPath, [outFile], { encoding: "utf8" });
      expect(JSON.parse(result.stdout)).toEqual({
        url: pathToFileURL(outFile).href,
        dirname: dir,
        filename: outFile,
      });
    },
  );
});
