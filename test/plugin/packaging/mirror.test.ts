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
import { h1Hash } from "../../../src/plugin/packaging/dirhash.js";
import { installProviderPackage } from "../../../src/plugin/packaging/install.js";
import { renderLockEntry } from "../../../src/plugin/packaging/lock-file.js";
import {
  DEFAULT_PLATFORMS,
  layMirror,
  mirrorVersionPath,
} from "../../../src/plugin/packaging/mirror.js";

const provider = { host: "terraform.local", namespace: "acme", type: "demo", version: "1.2.3" };

describe("the local mirror", () => {
  let dir: string;
  let packageDir: string;
  let target: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mirror-"));
    packageDir = join(dir, "package");
    target = join(dir, "work");
    mkdirSync(packageDir);
    mkdirSync(target);
    // A package as buildProviderPackage leaves it (contents do not matter to the layout).
    writeFileSync(join(packageDir, "terraform-provider-demo_v1.2.3"), "#!/bin/sh\n", {
      mode: 0o700,
    });
    writeFileSync(join(packageDir, "demo-provider.cjs"), '"use strict";\n', { mode: 0o600 });
    writeFileSync(join(packageDir, "demo-program.cjs"), '"use strict";\n', { mode: 0o600 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lays the package under terraform.d/plugins/<host>/<namespace>/<type>/<version>/<os>_<arch>", () => {
    const { platformDirs } = layMirror({ ...provider, packageDir, targetDir: target });
    expect(platformDirs).toEqual(
      ["darwin_amd64", "darwin_arm64", "linux_amd64", "linux_arm64"].map((platform) =>
        join(target, "terraform.d/plugins/terraform.local/acme/demo/1.2.3", platform),
      ),
    );
    expect(mirrorVersionPath(provider)).toBe("terraform.d/plugins/terraform.local/acme/demo/1.2.3");
    for (const platformDir of platformDirs) {
      expect(readdirSync(platformDir).sort()).toEqual([
        "demo-program.cjs",
        "demo-provider.cjs",
        "terraform-provider-demo_v1.2.3",
      ]);
      expect(statSync(join(platformDir, "terraform-provider-demo_v1.2.3")).mode & 0o777).toBe(
        0o755,
      );
      expect(statSync(join(platformDir, "demo-provider.cjs")).mode & 0o777).toBe(0o644);
      expect(statSync(join(platformDir, "demo-program.cjs")).mode & 0o777).toBe(0o644);
    }
  });

  it("returns the hash Terraform computes for each platform directory", () => {
    const { hash, platformDirs } = layMirror({ ...provider, packageDir, targetDir: target });
    expect(hash).toBe(h1Hash(packageDir));
    for (const platformDir of platformDirs) expect(h1Hash(platformDir)).toBe(hash);
  });

  it("fills only the platforms asked for", () => {
    const { platformDirs } = layMirror({
      ...provider,
      packageDir,
      targetDir: target,
      platforms: ["linux_amd64"],
    });
    expect(platformDirs).toEqual([join(target, mirrorVersionPath(provider), "linux_amd64")]);
    expect(DEFAULT_PLATFORMS).toContain("linux_amd64");
  });

  it("removes files a previous layout left behind, which would change the hash", () => {
    const { platformDirs } = layMirror({ ...provider, packageDir, targetDir: target });
    writeFileSync(join(platformDirs[0] ?? "", "leftover.cjs"), "old");
    const { hash } = layMirror({ ...provider, packageDir, targetDir: target });
    expect(readdirSync(platformDirs[0] ?? "")).not.toContain("leftover.cjs");
    expect(h1Hash(platformDirs[0] ?? "")).toBe(hash);
  });

  it("refuses a directory that is not this provider's package", () => {
    expect(() =>
      layMirror({ ...provider, version: "9.9.9", packageDir, targetDir: target }),
    ).toThrow(
      /terraform-provider-demo_v9\.9\.9 is missing: .* is not a built demo 9\.9\.9 provider package/,
    );
  });

  it("refuses a platform that is not <os>_<arch>", () => {
    expect(() =>
      layMirror({ ...provider, packageDir, targetDir: target, platforms: ["linux"] }),
    ).toThrow(/not of the form <os>_<arch>/);
  });

  it("installs: mirror plus a lock entry with the exact version as constraint", () => {
    const result = installProviderPackage({ ...provider, packageDir, targetDir: target });
    expect(result).toMatchObject({
      source: "terraform.local/acme/demo",
      hash: h1Hash(packageDir),
      lockFile: join(target, ".terraform.lock.hcl"),
      lockChange: "created",
    });
    expect(readFileSync(result.lockFile, "utf8")).toContain(
      renderLockEntry({
        source: result.source,
        version: "1.2.3",
        constraints: "1.2.3",
        hashes: [result.hash],
      }),
    );
    expect(installProviderPackage({ ...provider, packageDir, targetDir: target }).lockChange).toBe(
      "unchanged",
    );
  });
});
