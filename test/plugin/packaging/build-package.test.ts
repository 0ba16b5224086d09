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
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { buildProviderPackage } from "../../../src/plugin/packaging/build-package.js";
import { packageFileNames } from "../../../src/plugin/packaging/package-files.js";

const fixtureEntry = fileURLToPath(new URL("../../fixtures/packaging/entry.ts", import.meta.url));

describe("buildProviderPackage", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "provider-package-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("names the launcher and program so Terraform can never mistake them for the executable", () => {
    const names = packageFileNames("demo", "1.2.3");
    expect(names).toEqual({
      executable: "terraform-provider-demo_v1.2.3",
      bundle: "demo-provider.cjs",
      program: "demo-program.cjs",
    });
    expect(names.bundle.startsWith("terraform-provider-demo")).toBe(false);
    expect(names.program.startsWith("terraform-provider-demo")).toBe(false);
  });

  it("writes exactly the shim, the launcher and the program, and the same hash in two places", async () => {
    const one = await buildProviderPackage({
      entry: fixtureEntry,
      outDir: join(dir, "a"),
      providerType: "demo",
      version: "1.2.3",
    });
    const two = await buildProviderPackage({
      entry: fixtureEntry,
      outDir: join(dir, "b/c"),
      providerType: "demo",
      version: "1.2.3",
    });
    expect(readdirSync(one.dir).sort()).toEqual([
      "demo-program.cjs",
      "demo-provider.cjs",
      "terraform-provider-demo_v1.2.3",
    ]);
    expect(statSync(join(one.dir, "demo-program.cjs")).mode & 0o777).toBe(0o644);
    expect(statSync(join(one.dir, "terraform-provider-demo_v1.2.3")).mode & 0o777).toBe(0o755);
    expect(one.hash).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
    expect(two.hash).toBe(one.hash);
    expect(readFileSync(join(one.dir, "terraform-provider-demo_v1.2.3"), "utf8")).toContain(
      "DEMO_NODE",
    );
  });

  it("runs through its shim", async () => {
    const built = await buildProviderPackage({
      entry: fixtureEntry,
      outDir: dir,
      providerType: "demo",
      version: "1.2.3",
    });
    const result = spawnSync(join(built.dir, built.files.executable), ["--version"], {
      encoding: "utf8",
    });
    expect(result.stdout).toMatch(/\(packaging fixture\)\n$/);
  });

  it("replaces an earlier build and refuses to write into a directory holding other files", async () => {
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg", "terraform-provider-demo_v0.9.0"), "old shim");
    await buildProviderPackage({
      entry: fixtureEntry,
      outDir: join(dir, "pkg"),
      providerType: "demo",
      version: "1.2.3",
    });
    expect(readdirSync(join(dir, "pkg")).sort()).toEqual([
      "demo-program.cjs",
      "demo-provider.cjs",
      "terraform-provider-demo_v1.2.3",
    ]);

    writeFileSync(join(dir, "notes.txt"), "mine");
    await expect(
      buildProviderPackage({
        entry: fixtureEntry,
        outDir: dir,
        providerType: "demo",
        version: "1.2.3",
      }),
    ).rejects.toThrow(/holds notes\.txt, which is not part of a demo provider package/);
  });
});
