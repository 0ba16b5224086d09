import { App, TerraformStack } from "cdktf";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vendorProvider } from "../../../src/constructs/provider-vendoring.js";
import type { ProviderPackage } from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_SOURCE, PROVIDER_VERSION } from "../../../src/provider/provider-address.js";
import { buildFixturePackage, terraformInit } from "./terraform.js";

describe("a CDKTF stack with the provider vendored at synth, then a real terraform init", () => {
  let scratch: string;
  let built: ProviderPackage;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "e2e-vendoring-"));
    built = await buildFixturePackage(join(scratch, "package"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function synth(outdir: string, packageDir: string): string {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "connection");
    vendorProvider(stack, { packageDir });
    vendorProvider(stack, { packageDir }); // as a second provider alias would
    app.synth();
    return join(outdir, "stacks", "connection");
  }

  it("installs the vendored provider offline and keeps the seeded lock entry", () => {
    const stackDir = synth(join(scratch, "cdktf.out"), built.dir);
    const config = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
    expect(config.terraform.required_providers.amazonads).toEqual({
      source: PROVIDER_SOURCE,
      version: PROVIDER_VERSION,
    });
    const seeded = readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8");
    expect(seeded).toContain(`"${built.hash}",`);

    const init = terraformInit(stackDir);
    expect(init.output).toContain(
      `Installed ${PROVIDER_SOURCE} v${PROVIDER_VERSION} (unauthenticated)`,
    );
    expect(init.status).toBe(0);
    expect(readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")).toBe(seeded);
  });

  it("re-synthesizes a rebuilt package and initializes again through cdktf's plugin cache", async () => {
    // cdktf-cli runs terraform with TF_PLUGIN_CACHE_DIR set; the cache then links to the first
    // stack directory that installed the provider.
    const env = { TF_PLUGIN_CACHE_DIR: join(scratch, "plugin-cache") };
    rmSync(env.TF_PLUGIN_CACHE_DIR, { recursive: true, force: true });
    mkdirSync(env.TF_PLUGIN_CACHE_DIR);
    const outdir = join(scratch, "cached.out");
    const stackDir = synth(outdir, built.dir);
    expect(terraformInit(stackDir, env).status).toBe(0);

    const rebuilt = await buildFixturePackage(join(scratch, "rebuilt"), false);
    synth(outdir, rebuilt.dir);
    const init = terraformInit(stackDir, env);
    expect(init.status).toBe(0);
    expect(readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")).toContain(
      `"${rebuilt.hash}",`,
    );
  });
});
