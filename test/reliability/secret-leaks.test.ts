/**
 * The secret scan of plain HCL: a full deploy (a grant from a code, and one from a credentials file
 * as `cdktf-amazon-ads login` writes it, which the Ads account listing reads too), re-plan, show
 * and destroy, then the error paths (a spent code, a revoked grant, a wrong client secret, a code
 * exchange whose answer was lost), all at TF_LOG=trace, mostly with TF_LOG_PATH. Not one secret
 * the emulator issued or accepted (client secret, codes, PKCE verifier, refresh and access
 * tokens), nor the wrong secret, may appear in any output stream or in any file of the working
 * directory outside Terraform's state and the credentials file itself.
 */
import { chmodSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { codeChallenge, createCodeVerifier } from "../../src/amazon-ads/index.js";
import { writeCredentialsFile } from "../../src/amazon-ads/credentials-file.js";
import { expectDiagnostic } from "../e2e/support/diagnostics.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import { filesBelow, findLeaks, zipEntries, type Scanned } from "../e2e/support/secret-scan.js";
import type { TerraformResult } from "../e2e/support/terraform.js";
import {
  CODE_GRANT,
  TOKEN_GRANT,
  ageAccessTokens,
  profileOfGrant,
  sensitiveVariable,
} from "./support.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const EPHEMERAL_EXAMPLE =
  "examples/ephemeral-resources/amazonads_access_token/ephemeral-resource.tf";

const WRONG_SECRET = "amzn1.oa2-cs.v1.this-is-not-the-secret-0123456789abcdef";

// Where the deployment's second grant comes from, relative to the working directory: a private
// directory, as login makes (the file holds a refresh token, so the scan leaves it out).
const CREDENTIALS_FILE = join("credentials", "amazon-ads.json");

const DEPLOYMENT = `${sensitiveVariable("client_secret")}${sensitiveVariable("code")}${sensitiveVariable("verifier")}
variable "credentials_file" { type = string }
resource "amazonads_lwa_app" "app" {}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = amazonads_lwa_app.app.redirect_uri
  code_verifier      = var.verifier
}
resource "amazonads_profile" "uk" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "UK"
}
data "amazonads_profiles" "all" {
  refresh_token = amazonads_authorization.grant.refresh_token
}
ephemeral "amazonads_access_token" "api" {
  refresh_token = amazonads_authorization.grant.refresh_token
}
resource "terraform_data" "report" {
  provisioner "local-exec" {
    command     = "test -n \\"$TOKEN\\""
    environment = { TOKEN = ephemeral.amazonads_access_token.api.access_token }
  }
}
resource "amazonads_authorization" "from_file" {
  credentials_file = var.credentials_file
}
resource "amazonads_profile" "de" {
  refresh_token = amazonads_authorization.from_file.refresh_token
  country_code  = "DE"
}
data "amazonads_ads_accounts" "from_file" {
  credentials_file = var.credentials_file
}
output "profile_id" { value = amazonads_profile.uk.profile_id }
output "file_profile_id" { value = amazonads_profile.de.profile_id }
output "file_ads_account_ids" { value = data.amazonads_ads_accounts.from_file.ads_account_ids }
output "file_refresh_token" {
  value     = amazonads_authorization.from_file.refresh_token
  sensitive = true
}
output "profile_ids" { value = data.amazonads_profiles.all.profile_ids }
output "refresh_token" {
  value     = amazonads_authorization.grant.refresh_token
  sensitive = true
}
output "access_token" {
  value     = amazonads_authorization.grant.access_token
  sensitive = true
}`;

const PROVIDER = 'provider "amazonads" {\n  client_secret = var.client_secret\n}';

// Terraform's state, and saved plans, which embed state and the variables' values by design.
const STATE_FILES = /^(terraform\.tfstate(\.backup)?|pushed\.tfstate|tfplan)$/;

describe("no secret in any output or file, plain HCL at TF_LOG=trace", () => {
  let h: ProviderHarness;
  const streams: Scanned[] = [];
  let step = 0;
  beforeAll(async () => {
    h = await startProviderHarness();
    mkdirSync(join(h.ws.dir, "logs"));
  });
  afterAll(() => h.finish());

  /** Runs terraform at trace level, logging to a file unless `toStderr`; keeps both streams. */
  async function traced(
    args: readonly string[],
    env: Record<string, string | undefined> = {},
    toStderr = false,
  ): Promise<TerraformResult> {
    step += 1;
    const name = `${String(step).padStart(2, "0")}-${args.join("-").replace(/[^a-z-]/gi, "")}`;
    const result = await h.tf(args, {
      ...env,
      TF_LOG: "trace",
      TF_LOG_PATH: toStderr ? undefined : join(h.ws.dir, "logs", `${name}.log`),
    });
    streams.push({ where: `${name} stdout`, content: result.stdout });
    streams.push({ where: `${name} stderr`, content: result.stderr });
    return result;
  }

  it("deploys, plans again, shows, and destroys a whole connection", async () => {
    const verifier = createCodeVerifier();
    const credentialsFile = join(h.ws.dir, CREDENTIALS_FILE);
    await writeCredentialsFile(credentialsFile, {
      clientId: h.emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: h.emulator.admin.issueRefreshToken().refreshToken,
      grantedAt: new Date().toISOString(),
      redirectUri: "http://localhost:8765/callback",
    });
    const env = {
      TF_VAR_credentials_file: credentialsFile,
      AMAZON_ADS_CLIENT_SECRET: undefined,
      TF_VAR_client_secret: h.emulator.clientSecret,
      TF_VAR_verifier: verifier,
      TF_VAR_code: h.emulator.admin.issueCode({
        codeChallenge: codeChallenge(verifier, "S256"),
        codeChallengeMethod: "S256",
      }),
    };
    h.configure(DEPLOYMENT, PROVIDER);
    expectSuccess(await traced(["init"], env));
    expectSuccess(await traced(["validate"], env));
    expectSuccess(await traced(["plan", "-out=tfplan"], env));
    expectSuccess(await traced(["apply", "tfplan"], env));
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    // The file's grant was adopted (one refresh) and selected its own profile.
    expect(await h.output("file_profile_id")).toBe("45678901234567890");
    // The Ads account listing read the same file, at trace level too.
    expect(await h.output("file_ads_account_ids")).toHaveLength(3);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBeGreaterThanOrEqual(1);
    const again = expectSuccess(await traced(["plan", "-detailed-exitcode"], env, true));
    expect(again.stderr).toContain("provider.terraform-provider-amazonads");
    expectSuccess(await traced(["show"], env));
    expectSuccess(await traced(["state", "show", "amazonads_authorization.grant"], env));
    expectSuccess(await traced(["output"], env));
    expectSuccess(await traced(["destroy", "-auto-approve"], env));
  });

  it("fails on a spent code, a revoked grant, a wrong secret and a lost answer, at trace level", async () => {
    const spent = h.emulator.admin.issueCode();
    h.configure(CODE_GRANT);
    expectSuccess(await traced(["apply", "-auto-approve"], { TF_VAR_code: spent }));
    h.resetState();
    const reused = await traced(["apply", "-auto-approve", "-json"], { TF_VAR_code: spent });
    expectDiagnostic(reused, {
      severity: "error",
      summary: "The authorization code was already redeemed or has expired",
      block: 'resource "amazonads_authorization" "grant"',
      attribute: "authorization_code",
    });

    h.resetState();
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    const tokenEnv = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await traced(["apply", "-auto-approve"], tokenEnv));
    h.emulator.admin.revokeGrant(refreshToken);
    await h.pushState(ageAccessTokens(await h.state()));
    const revoked = expectSuccess(await traced(["plan"], tokenEnv));
    expect(revoked.output).toContain("The authorization grant was revoked: removed from state");
    const refused = await traced(["apply", "-auto-approve"], tokenEnv, true);
    expect(refused.output).toContain("Login with Amazon does not accept this refresh token");

    h.resetState();
    h.configure(`${CODE_GRANT}\nresource "amazonads_lwa_app" "app" {}`);
    const wrong = await traced(["apply", "-auto-approve"], {
      TF_VAR_code: h.emulator.admin.issueCode(),
      AMAZON_ADS_CLIENT_SECRET: WRONG_SECRET,
    });
    expect(wrong.output).toContain("Login with Amazon rejected the client");

    h.resetState();
    h.configure(CODE_GRANT);
    h.emulator.admin.injectFault({ endpoint: "token", kind: "truncated-json", times: 1 });
    const lost = await traced(["apply", "-auto-approve"], {
      TF_VAR_code: h.emulator.admin.issueCode(),
    });
    expect(lost.output).toContain("the code may be spent");
  });

  it("finds none of them in any stream or any file outside state", () => {
    const secrets = [...h.emulator.admin.secrets(), WRONG_SECRET];
    // The scan has something to find: the app's secret, codes, the verifier and tokens.
    expect(secrets.length).toBeGreaterThanOrEqual(10);
    // The credentials file holds its refresh token, as it must: the one file left out besides state.
    const credentials = readFileSync(join(h.ws.dir, CREDENTIALS_FILE));
    expect(findLeaks([{ where: CREDENTIALS_FILE, content: credentials }], secrets)).toHaveLength(1);
    const files = filesBelow(
      h.ws.dir,
      (path) => STATE_FILES.test(path) || path === CREDENTIALS_FILE,
    );
    const logs = readdirSync(join(h.ws.dir, "logs"));
    expect(logs.length).toBeGreaterThanOrEqual(12);
    const logText = logs.map((f) => readFileSync(join(h.ws.dir, "logs", f), "utf8")).join("");
    // Trace logs of terraform and of the provider, with the provider's own debug lines.
    expect(logText).toContain("provider.terraform-provider-amazonads");
    expect(logText).toContain("redeeming the authorization code (once)");
    expect(logText).toContain("adopting the grant of a credentials file");
    expect(logText).toContain("[REDACTED]");
    process.stdout.write(
      `secret scan: ${secrets.length} secrets, ${streams.length} streams, ${files.length} files, ` +
        `${Math.round(logText.length / 1024)} KiB of trace logs\n`,
    );
    expect(findLeaks([...streams, ...files], secrets)).toEqual([]);
    // The scan can see them: the state holds the last grant, as it must.
    const state = filesBelow(h.ws.dir, (path) => !STATE_FILES.test(path) && path !== "");
    expect(findLeaks(state, secrets).length).toBeGreaterThan(0);
  });

  it("a saved plan holds the variables' values and the state's tokens (Terraform's design): protect it like state", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.resetState();
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    expectSuccess(await h.tf(["apply", "-auto-approve"], { TF_VAR_refresh_token: refreshToken }));
    expectSuccess(await h.tf(["plan", "-out=tfplan"], { TF_VAR_refresh_token: refreshToken }));
    const entries = zipEntries(readFileSync(join(h.ws.dir, "tfplan")));
    const inPlan = (name: string) =>
      findLeaks([{ where: name, content: entries.get(name)! }], [refreshToken]).length > 0;
    expect([...entries.keys()]).toEqual(expect.arrayContaining(["tfplan", "tfstate"]));
    expect(inPlan("tfstate")).toBe(true);
    expect(inPlan("tfplan")).toBe(true);
  });

  it("the ephemeral access token's documented example keeps its grants out of the saved plan and the state", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.resetState();
    // The example as the docs show it: an ephemeral variable, a login file under ~/.config, and
    // a script that receives the token through its environment.
    const home = join(h.ws.dir, "home");
    await writeCredentialsFile(join(home, ".config/cdktf-amazon-ads/credentials.json"), {
      clientId: h.emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: h.emulator.admin.issueRefreshToken().refreshToken,
      grantedAt: new Date().toISOString(),
    });
    h.configure(readFileSync(join(root, EPHEMERAL_EXAMPLE), "utf8"));
    h.ws.write("fetch-report.sh", '#!/bin/sh\ntest -n "$AMAZON_ADS_ACCESS_TOKEN"\n');
    chmodSync(join(h.ws.dir, "fetch-report.sh"), 0o755);
    const env = { TF_VAR_refresh_token: refreshToken, HOME: home };
    h.emulator.admin.resetCounters();
    expectSuccess(await h.tf(["plan", "-out=tfplan"], env));
    const entries = zipEntries(readFileSync(join(h.ws.dir, "tfplan")));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(["tfplan", "tfstate"]));
    // An ephemeral variable must be given again to apply the plan: Terraform kept only its name.
    expectSuccess(await h.tf(["apply", "tfplan"], env));
    // Both tokens were opened, each from its own grant.
    expect(h.emulator.admin.calls("token", "refresh_token")).toBeGreaterThanOrEqual(2);
    const kept = [
      ...[...entries].map(([name, content]) => ({ where: `tfplan: ${name}`, content })),
      // This configuration's state (resetState removed the earlier ones).
      ...filesBelow(h.ws.dir, (path) => !/^terraform\.tfstate(\.backup)?$/.test(path)),
    ];
    expect(kept.map((k) => k.where)).toContain("terraform.tfstate");
    expect(findLeaks(kept, h.emulator.admin.secrets())).toEqual([]);
  });
});
