import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot, providerPackageDir } from "../../src/constructs/provider-package.js";

describe("locating the shipped provider package", () => {
  it("finds the cdktf-amazon-ads package root from the source tree", () => {
    expect(packageRoot()).toBe(
      fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, ""),
    );
  });

  it("says how to build the package when it is missing", () => {
    const root = mkdtempSync(join(tmpdir(), "package-root-"));
    try {
      writeFileSync(join(root, "package.json"), '{"name":"cdktf-amazon-ads"}');
      expect(() => providerPackageDir(root)).toThrow(
        `The amazonads provider package is missing from ${join(root, "dist/provider-package")}. ` +
          "In a clone of cdktf-amazon-ads, run `npm run build` (`npm ci` does it too); " +
          "otherwise reinstall cdktf-amazon-ads.",
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses to guess when no cdktf-amazon-ads package.json is above the file", () => {
    expect(() => packageRoot("/tmp/somewhere/file.js")).toThrow(
      /Cannot find the cdktf-amazon-ads package/,
    );
  });
});
