/**
 * cdktf's Jest matchers on our constructs, offline: `toBeValidTerraform` and `toPlanSuccessfully`
 * run the real `terraform init` / `validate` / `plan` in the synthesized directory, which works
 * because the provider is vendored into it. The matchers run terraform synchronously, blocking
 * this process, so the emulator they plan against runs as a separate process (the CLI command).
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TerraformStack, Testing } from "cdktf";
// The declarations of cdktf's matchers (expect(dir).toPlanSuccessfully() …); types only.
import type {} from "cdktf/lib/testing/adapters/jest.js";
import {
  AmazonAdsConnection,
  dataAmazonadsProfiles,
  profile,
  secretVariable,
  vendorProvider,
  LwaApp,
} from "../../../src/index.js";
import { buildProviderPackage } from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../../src/provider/provider-address.js";

Testing.setupJest();

const root = fileURLToPath(new URL("../../../", import.meta.url));
const ENTRY = `import { main } from "./src/cli/main.ts";
process.exitCode = await main([process.argv[0], "cdktf-amazon-ads", ...process.argv.slice(1)]);`;

interface Connection {
  readonly api_url: string;
  readonly client_id: string;
  readonly client_secret: string;
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf("\n");
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited early (${code})`)));
  });
}

describe("toBeValidTerraform and toPlanSuccessfully on the constructs, with the real terraform", () => {
  let scratch: string;
  let packageDir: string;
  let emulator: ChildProcessWithoutNullStreams;
  let url: string;
  const saved = { ...process.env };

  async function admin(path: string, body?: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${url}/_emulator/${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "matchers-"));
    // A package built from the sources now, so the test never plans with a stale dist/.
    packageDir = (
      await buildProviderPackage({
        entry: join(root, "src/provider/main.ts"),
        outDir: join(scratch, "package"),
        providerType: PROVIDER_TYPE,
        version: PROVIDER_VERSION,
        rootDir: root,
      })
    ).dir;
    emulator = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", ENTRY, "--", "emulator", "--json"],
      { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    const connection = JSON.parse(await firstLine(emulator)) as Connection;
    url = connection.api_url;
    const { refreshToken } = (await admin("refresh-tokens", {})) as { refreshToken: string };
    // The matchers run terraform with this process's environment.
    Object.assign(process.env, {
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      AMAZON_ADS_CLIENT_ID: connection.client_id,
      AMAZON_ADS_CLIENT_SECRET: connection.client_secret,
      AMAZON_ADS_AUTHORIZATION_URL: `${url}/{region}/ap/oa`,
      AMAZON_ADS_TOKEN_URL: `${url}/{region}/auth/o2/token`,
      AMAZON_ADS_API_URL: `${url}/{region}`,
      TF_VAR_refresh_token: refreshToken,
    });
  });
  afterAll(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    emulator?.kill("SIGKILL");
    rmSync(scratch, { recursive: true, force: true });
  });

  function connectionStack(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), "connection");
    vendorProvider(stack, { packageDir });
    const connection = new AmazonAdsConnection(stack, "acme", {
      refreshToken: secretVariable(stack, "refresh_token"),
      countryCode: "US",
      accountType: "seller",
    });
    // Read at plan: it depends on no resource with pending changes (Terraform would defer it).
    new dataAmazonadsProfiles.DataAmazonadsProfiles(stack, "all", {
      provider: connection.app.provider,
      refreshToken: secretVariable(stack, "refresh_token"),
    });
    return stack;
  }

  it("finds a connection valid and plans it against the emulator", async () => {
    const outdir = Testing.fullSynth(connectionStack());
    try {
      expect(outdir).toBeValidTerraform();
      await admin("traffic/reset", {});
      expect(outdir).toPlanSuccessfully();
      // The plan read the data source: it reached the emulator with the adopted grant.
      const traffic = (await admin("traffic")) as Record<string, { calls: number }>;
      expect(traffic.profiles?.calls).toBeGreaterThan(0);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("finds a configuration the provider rejects invalid", () => {
    const stack = new TerraformStack(Testing.app(), "invalid");
    vendorProvider(stack, { packageDir });
    const app = new LwaApp(stack, "app");
    new profile.Profile(stack, "profile", {
      provider: app.provider,
      refreshToken: secretVariable(stack, "refresh_token"),
      accessLevel: "admin",
    });
    const outdir = Testing.fullSynth(stack);
    try {
      expect(outdir).not.toBeValidTerraform();
      // Invalid because of the provider's own check on access_level, nothing else.
      const validate = spawnSync("terraform", ["validate", "-json"], {
        cwd: join(outdir, "stacks", "invalid"),
        encoding: "utf8",
      });
      const result = JSON.parse(validate.stdout) as {
        diagnostics: { summary: string; detail: string; attribute?: string }[];
      };
      expect(result.diagnostics).toHaveLength(1);
      expect(JSON.stringify(result.diagnostics[0])).toContain("access_level");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
