/**
 * Node.js 22 and 24 (installed by `npm ci` into tools/node-runtimes/) running what users run, one
 * pass per version against one emulator: `login` answered in a real browser, `profiles` and
 * `token` reading the grant it saved, `install-provider` laying the real provider package (shim,
 * launcher, bundle, built from the sources now) into a working directory, the real `terraform`
 * applying a connection from that grant with the provider found as the first `node` on PATH (and
 * compiled through Node.js's own compile cache), and the `emulator` command. The CLI runs from source through tsx, as the other CLI tests run it.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorVariables, type Emulator } from "../../../src/emulator/index.js";
import {
  buildProviderPackage,
  type ProviderPackage,
} from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../../src/provider/provider-address.js";
import { answerConsent, emulatorAllowing, emulatorEnv, freePort } from "../../cli/support.js";
import { testBrowser } from "../../support/browser.js";
import { nodeRuntime, withNodeOnPath, type NodeRuntime } from "../../support/node-runtimes.js";
import { type CliProcess, consentUrlOf, startCli, stopCli } from "../support/cli.js";
import { consentInBrowser } from "../support/consent-in-browser.js";
import { REQUIRED_PROVIDERS } from "../support/provider.js";
import { Workspace } from "../support/terraform.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

const CONFIG = `${REQUIRED_PROVIDERS}
provider "amazonads" {}
variable "credentials_file" { type = string }
resource "amazonads_authorization" "grant" {
  credentials_file = var.credentials_file
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "US"
  account_type  = "seller"
}
output "profile_id" { value = amazonads_profile.us.profile_id }
`;

let scratch: string;
let providerPackage: ProviderPackage;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "e2e-node-versions-"));
  providerPackage = await buildProviderPackage({
    entry: join(root, "src/provider/main.ts"),
    outDir: join(scratch, "provider-package"),
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    rootDir: root,
  });
  await testBrowser();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each([22, 24] as const)("on Node.js %i", (major) => {
  let runtime: NodeRuntime;
  let emulator: Emulator;
  let redirectUri: string;
  let credentials: string;
  let ws: Workspace;
  const processes: CliProcess[] = [];

  function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliProcess {
    const run = startCli(args, { ...emulatorEnv(emulator), ...env }, runtime.bin);
    processes.push(run);
    return run;
  }

  beforeAll(async () => {
    runtime = nodeRuntime(major);
    const port = await freePort();
    redirectUri = `http://localhost:${port}/callback`;
    // Not autoApprove: the consent page waits for the browser's click.
    emulator = await emulatorAllowing(port);
    credentials = join(scratch, `credentials-${major}.json`);
    ws = Workspace.empty();
  });
  afterAll(async () => {
    processes.forEach(stopCli);
    ws?.remove();
    await emulator?.close();
  });

  it("login: Allow in the browser reaches the login process, which saves the grant (0600)", async () => {
    const login = cli([
      "login",
      "--no-browser",
      "--redirect-uri",
      redirectUri,
      "--output",
      credentials,
    ]);
    const page = await consentInBrowser(await consentUrlOf(login), "Allow", redirectUri);
    expect(page.text).toContain("You can close this tab and return to the terminal.");
    expect(await login.exited).toBe(0);
    expect(login.stdout).toBe("");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
  });

  it("profiles and token read that grant; the token opens the Ads API", async () => {
    const profiles = cli(["profiles", "--json"], { AMAZON_ADS_CREDENTIALS_FILE: credentials });
    expect(await profiles.exited).toBe(0);
    expect(profiles.stdout).toContain('"profile_id": "9007199254740993"');

    const token = cli(["token"], { AMAZON_ADS_CREDENTIALS_FILE: credentials });
    expect(await token.exited).toBe(0);
    const accessToken = token.stdout.trim();
    expect(accessToken).toMatch(/^Atza\|/);
    const listed = await fetch(`${emulator.url}/na/v2/profiles`, {
      headers: {
        Authorization: `Bearer ${accessToken}`,
        "Amazon-Advertising-API-ClientId": emulator.clientId,
      },
    });
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain('"profileId":34567890123456789,');
  });

  it("install-provider lays the provider into a working directory that terraform init installs offline", async () => {
    const install = cli(["install-provider", ws.dir, "--package-dir", providerPackage.dir]);
    expect(await install.exited).toBe(0);
    ws.write("main.tf", CONFIG);
    const init = await ws.terraform(["init"]);
    expect(init.stdout).toContain(
      `Installed terraform.local/amazon-ads/amazonads v${PROVIDER_VERSION} (unauthenticated)`,
    );
    expect(init.code).toBe(0);
  });

  it("terraform applies the grant and profile, then plans no change, the provider running on this Node.js", async () => {
    const codeCache = join(scratch, `code-cache-${major}`);
    const env = {
      ...emulatorVariables(emulator),
      PATH: withNodeOnPath(runtime).PATH,
      TF_VAR_credentials_file: credentials,
      TF_LOG: "debug",
      AMAZONADS_CODE_CACHE: codeCache,
      // Node.js's compile cache says what it did on stderr, which Terraform logs at debug.
      NODE_DEBUG_NATIVE: "COMPILE_CACHE",
    };
    const apply = await ws.terraform(["apply", "-auto-approve"], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('profile_id = "34567890123456789"');
    // The provider's own first log line names the Node.js serving it; Terraform started several.
    const served = [...apply.stderr.matchAll(/plugin started: .*?\bnode=(v[\d.]+)/g)].map(
      (match) => match[1],
    );
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(new Set(served)).toEqual(new Set([`v${runtime.version}`]));
    for (const secret of emulator.admin.secrets()) expect(apply.output).not.toContain(secret);

    const plan = await ws.terraform(["plan", "-detailed-exitcode"], env);
    expect(plan.stdout).toContain("No changes.");
    expect(plan.code).toBe(0);
    // The launcher left compiling to Node.js's own compile cache, which the plan's starts reused.
    expect(readdirSync(join(codeCache, "node-compile-cache"))).toEqual([
      expect.stringMatching(new RegExp(`^v${runtime.version}-`)),
    ]);
    expect(plan.stderr).toMatch(/\[compile cache\] .*amazonads-program\.cjs was accepted/);
  });

  it("the emulator command serves a consent and a token exchange, and exits 0 on SIGINT", async () => {
    const command = cli(["emulator", "--json", "--auto-approve"]);
    const connection = JSON.parse(await firstLine(command)) as Record<string, string>;
    const consent = new URL(connection.authorization_url!);
    consent.search = new URLSearchParams({
      client_id: connection.client_id!,
      scope: "advertising::campaign_management",
      response_type: "code",
      redirect_uri: connection.redirect_uri!,
      state: `node-${major}`,
    }).toString();
    const callback = new URL(await answerConsent(consent.href, "allow"));
    expect(callback.searchParams.get("state")).toBe(`node-${major}`);
    const tokens = await fetch(connection.token_url!, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: callback.searchParams.get("code")!,
        redirect_uri: connection.redirect_uri!,
        client_id: connection.client_id!,
        client_secret: connection.client_secret!,
      }),
    });
    expect(await tokens.json()).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    command.child.kill("SIGINT");
    expect(await command.exited).toBe(0);
    expect(command.stderr).toBe("");
  });
});

/** The first line a CLI process prints on stdout. */
async function firstLine(run: CliProcess): Promise<string> {
  while (!run.stdout.includes("\n")) {
    if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return run.stdout.slice(0, run.stdout.indexOf("\n"));
}
