import { jest } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../../src/cli/main.js";
import type { ProviderPackage } from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_VERSION } from "../../../src/provider/provider-address.js";
import { buildFixturePackage, terraformInit } from "./terraform.js";

const CONFIG = `terraform {
  required_providers {
    amazonads = {
      source  = "terraform.local/amazon-ads/amazonads"
      version = "${PROVIDER_VERSION}"
    }
  }
}
`;

describe("install-provider, then a real terraform init", () => {
  let scratch: string;
  let built: ProviderPackage;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "e2e-install-provider-"));
    built = await buildFixturePackage(join(scratch, "package"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  beforeEach(() => jest.spyOn(process.stdout, "write").mockImplementation(() => true));
  afterEach(() => jest.restoreAllMocks());

  function workingDir(name: string): string {
    const dir = join(scratch, name);
    mkdirSync(dir);
    writeFileSync(join(dir, "main.tf"), CONFIG);
    return dir;
  }

  it("is accepted offline by terraform init, which leaves the lock file as written", async () => {
    const dir = workingDir("accepted");
    expect(
      await main(["node", "cdktf-amazon-ads", "install-provider", dir, "--package-dir", built.dir]),
    ).toBe(EXIT.ok);
    const written = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");

    const init = terraformInit(dir);
    expect(init.output).toContain(
      `Installed terraform.local/amazon-ads/amazonads v${PROVIDER_VERSION} (unauthenticated)`,
    );
    expect(init.status).toBe(0);
    expect(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8")).toBe(written);
  });

  it("records the same h1 hash that terraform computes itself", async () => {
    const dir = workingDir("terraform-own-hash");
    await main(["node", "cdktf-amazon-ads", "install-provider", dir, "--package-dir", built.dir]);
    const ours = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
    rmSync(join(dir, ".terraform.lock.hcl"));

    expect(terraformInit(dir).status).toBe(0);
    const terraforms = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
    expect(terraforms).toContain(`"${built.hash}",`);
    expect(terraforms).toBe(ours);
  });

  it("accepts a rebuilt package once install-provider has run again", async () => {
    const dir = workingDir("rebuilt");
    await main(["node", "cdktf-amazon-ads", "install-provider", dir, "--package-dir", built.dir]);
    expect(terraformInit(dir).status).toBe(0);

    const rebuilt = await buildFixturePackage(join(scratch, "rebuilt-package"), false);
    expect(rebuilt.hash).not.toBe(built.hash);
    await main(["node", "cdktf-amazon-ads", "install-provider", dir, "--package-dir", rebuilt.dir]);
    const init = terraformInit(dir);
    expect(init.status).toBe(0);
    expect(readFileSync(join(dir, ".terraform.lock.hcl"), "utf8")).toContain(`"${rebuilt.hash}",`);
  });

  it("lets Terraform show the launcher's one-line message when Node.js is too old", async () => {
    const dir = workingDir("old-node");
    await main(["node", "cdktf-amazon-ads", "install-provider", dir, "--package-dir", built.dir]);
    expect(terraformInit(dir).status).toBe(0);
    // A Node.js 18 as the launcher sees it: the real node, reporting an old version.
    const preload = join(scratch, "node18.cjs");
    writeFileSync(
      preload,
      'Object.defineProperty(process.versions, "node", { value: "18.19.1" });\n',
    );
    const oldNode = join(scratch, "node18");
    writeFileSync(oldNode, `#!/bin/sh\nexec "${process.execPath}" --require "${preload}" "$@"\n`, {
      mode: 0o755,
    });

    const plan = spawnSync("terraform", ["plan", "-input=false", "-no-color"], {
      cwd: dir,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", AMAZONADS_NODE: oldNode },
      encoding: "utf8",
    });
    expect(plan.status).toBe(1);
    // Terraform wraps long lines; compare with whitespace collapsed.
    expect(`${plan.stdout}${plan.stderr}`.replace(/\s+/g, " ")).toContain(
      `Unrecognized remote plugin message: terraform-provider-amazonads: Node.js >= 20 is required but '${process.execPath}' is v18.19.1; install Node.js 20 or later, or set AMAZONADS_NODE to its node executable.`,
    );
  });
});
