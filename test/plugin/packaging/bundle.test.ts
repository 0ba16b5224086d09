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

  it("refuses, at build time, a program that import()s a built-in behind the launcher", async () => {
    await expect(
      bundleProvider({
        entry: join(repoRoot, "test/fixtures/packaging/dynamic-builtin-entry.ts"),
        outFile: join(dir, "p.cjs"),
        format: "cjs",
        launcher: {
          programName: "x",
          nodeVariable: "X_NODE",
          cacheVariable: "X_CODE_CACHE",
          programFile: "x-program.cjs",
        },
      }),
    ).rejects.toThrow(/imports node:os with import\(\)/);
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
