// Helpers for the packaging end-to-end tests: a real provider package built from the packaging
// fixture entry, and real `terraform init` runs (offline: the only provider is terraform.local).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  buildProviderPackage,
  type ProviderPackage,
} from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../../src/provider/provider-address.js";

const fixtureEntry = fileURLToPath(new URL("../../fixtures/packaging/entry.ts", import.meta.url));

/** Builds the fixture provider package (a stand-in program, not the real provider) into `outDir`. */
export function buildFixturePackage(outDir: string, minify = true): Promise<ProviderPackage> {
  return buildProviderPackage({
    entry: fixtureEntry,
    outDir,
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    minify,
  });
}

/** Runs `terraform init` in `dir`; resolves to its exit status and combined output. */
export function terraformInit(
  dir: string,
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const result = spawnSync("terraform", ["init", "-input=false", "-no-color"], {
    cwd: dir,
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_PLUGIN_CACHE_DIR: "",
      ...env,
    },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
