/**
 * Bad input to the provider block, `amazonads_lwa_app` and `amazonads_authorization`, with the real
 * terraform against the emulator: every mistake ends in a diagnostic on the attribute that holds
 * it (asserted on terraform's `-json` diagnostics), with the fix in its detail and no stack trace.
 * One working directory serves every case; each starts from an empty state.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeCredentialsFile } from "../../src/amazon-ads/credentials-file.js";
import { expectDiagnostic, diagnosticsOf } from "../e2e/support/diagnostics.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import {
  CODE_GRANT,
  REDIRECT_URI,
  TOKEN_GRANT,
  ageAccessTokens,
  attributesOf,
  profileOfGrant,
  sensitiveVariable,
} from "./support.js";

const PROVIDER = 'provider "amazonads"';
const APP = 'resource "amazonads_lwa_app" "app"';
const GRANT = 'resource "amazonads_authorization" "grant"';
const PROFILE = 'resource "amazonads_profile" "p"';
const OTHER_CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";

describe("bad input to the provider, the app and the grant", () => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure("");
    expectSuccess(await h.tf(["init"]));
  });
  beforeEach(() => {
    h.resetState();
    h.emulator.admin.resetCounters();
  });
  afterAll(() => h.finish());

  const plan = (env: Record<string, string | undefined> = {}) => h.tf(["plan", "-json"], env);
  const apply = (env: Record<string, string | undefined> = {}) =>
    h.tf(["apply", "-json", "-auto-approve"], env);

  // A bad value written in the provider block fails `terraform validate` on that attribute.
  it.each([
    {
      what: "a malformed client id: an error on client_id naming the format",
      attribute: "client_id",
      value: "amzn1.application-oa2-client.NOT-HEX",
      detail: "amzn1.application-oa2-client. followed by 32 hexadecimal digits",
    },
    {
      what: 'an unknown region ("US"): an error on region listing NA, EU and FE',
      attribute: "region",
      value: "US",
      detail: "NA, EU, FE",
    },
    {
      what: "an endpoint override that is not a URL: an error on token_url",
      attribute: "token_url",
      value: "api.amazon.com/auth/o2/token",
      detail: "absolute http or https URL",
    },
  ])("in the provider block, $what", async ({ attribute, value, detail }) => {
    h.configure(
      'resource "amazonads_lwa_app" "app" {}',
      `provider "amazonads" {\n  ${attribute} = "${value}"\n}`,
    );
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: `Invalid value for ${attribute}`,
      block: PROVIDER,
      attribute,
      detail: [detail],
    });
  });

  it("a malformed client id in AMAZON_ADS_CLIENT_ID: the error names the variable", async () => {
    h.configure('resource "amazonads_lwa_app" "app" {}');
    const result = await plan({ AMAZON_ADS_CLIENT_ID: "my-client-id" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for client_id",
      block: PROVIDER,
      detail: ["from the environment variable AMAZON_ADS_CLIENT_ID", "32 hexadecimal digits"],
    });
  });

  it("an empty client secret (an unset CI secret): an error on client_secret before any call", async () => {
    h.configure(
      `${sensitiveVariable("client_secret")}\nresource "amazonads_lwa_app" "app" {}`,
      `provider "amazonads" {\n  client_secret = var.client_secret\n}`,
    );
    const result = await plan({ TF_VAR_client_secret: "" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for client_secret",
      block: PROVIDER,
      attribute: "client_secret",
      detail: ["must not be empty", "client secret"],
    });
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it("an unusable AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: an error naming the variable and a valid value", async () => {
    h.configure('resource "amazonads_lwa_app" "app" {}');
    const result = await plan({ AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "30s" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for AMAZON_ADS_REQUEST_TIMEOUT_SECONDS",
      block: PROVIDER,
      detail: ["a number of seconds greater than 0, such as 30", "unset it"],
    });
  });

  it("a consent URL whose redirect URI the app has not registered: an error on redirect_uri, nothing stored", async () => {
    h.configure(`
resource "amazonads_lwa_app" "app" {
  redirect_uri = "http://localhost:9999/callback"
}`);
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The redirect URI is not on the app's Allowed Return URLs",
      block: APP,
      attribute: "redirect_uri",
      detail: ["Add http://localhost:9999/callback exactly", "Amazon Developer console"],
    });
    expect(attributesOf(await h.state(), "amazonads_lwa_app.app")).toBeUndefined();
    // What a person opening the URL would have seen: Amazon's own refusal, and no redirect.
    const consent = await fetch(
      `${h.emulator.url}/na/ap/oa?client_id=${h.emulator.clientId}&scope=advertising::campaign_management` +
        "&response_type=code&redirect_uri=http://localhost:9999/callback",
      { redirect: "manual" },
    );
    expect(consent.status).toBe(400);
    expect(await consent.text()).toContain("has not been whitelisted");
  });

  it("an app changed to a scope Amazon did not approve: an error on scopes, the working URL kept", async () => {
    h.configure('resource "amazonads_lwa_app" "app" {}');
    expectSuccess(await apply());
    const before = attributesOf(await h.state(), "amazonads_lwa_app.app")?.authorization_url;
    h.configure(`
resource "amazonads_lwa_app" "app" {
  scopes = ["advertising::campaign_management", "advertising::reports_everything"]
}`);
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Login with Amazon does not allow a requested scope",
      block: APP,
      attribute: "scopes",
      detail: ["advertising::reports_everything", "approved for this app"],
    });
    const after = attributesOf(await h.state(), "amazonads_lwa_app.app");
    expect(after?.authorization_url).toBe(before);
    expect(after?.scopes).toEqual(["advertising::campaign_management"]);
  });

  it("a wrong client secret: the app's verification fails saying which settings to check", async () => {
    h.configure('resource "amazonads_lwa_app" "app" {}');
    const result = await apply({ AMAZON_ADS_CLIENT_SECRET: "not-the-secret" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Login with Amazon rejected the client id or secret",
      block: APP,
      detail: ["client_secret", "AMAZON_ADS_CLIENT_SECRET", "Amazon Developer console"],
    });
  });

  it("a wrong client secret does not spend the code: the same code works once it is fixed", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(CODE_GRANT);
    const refused = await apply({ TF_VAR_code: code, AMAZON_ADS_CLIENT_SECRET: "wrong" });
    expect(refused.code).toBe(1);
    expectDiagnostic(refused, {
      severity: "error",
      summary: "Login with Amazon rejected the client credentials",
      block: GRANT,
      detail: ["client_secret"],
    });
    expectSuccess(await apply({ TF_VAR_code: code }));
    expect(attributesOf(await h.state(), "amazonads_authorization.grant")?.refresh_token).toMatch(
      /^Atzr\|/,
    );
  });

  it("no grant source at all: an error on the grant with the consent URL and login", async () => {
    h.configure(
      `resource "amazonads_authorization" "grant" {\n  redirect_uri = "${REDIRECT_URI}"\n}`,
    );
    const result = await plan();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "No authorization grant to start from",
      block: GRANT,
      detail: ["cdktf-amazon-ads login", `${h.emulator.url}/na/ap/oa?client_id=`],
    });
  });

  it("an empty authorization code: an error on authorization_code at validation", async () => {
    h.configure(`
resource "amazonads_authorization" "grant" {
  authorization_code = ""
  redirect_uri       = "${REDIRECT_URI}"
}`);
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for authorization_code",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["must not be empty"],
    });
  });

  it("a code without its redirect URI: an error on the authorization_code line naming where to find redirect_uri", async () => {
    h.configure(`${sensitiveVariable("code")}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
}`);
    const result = await plan({ TF_VAR_code: "any-code" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "redirect_uri is required with authorization_code",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["http://localhost:8765/callback", "cdktf-amazon-ads login"],
    });
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(0);
  });

  it("an expired code (older than 5 minutes): an error on authorization_code saying get a new one", async () => {
    const code = h.emulator.admin.issueCode();
    h.emulator.admin.advanceClock(301);
    h.configure(CODE_GRANT);
    const result = await apply({ TF_VAR_code: code });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The authorization code was already redeemed or has expired",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["within 5 minutes", "cdktf-amazon-ads login"],
    });
    expect(result.output).not.toContain(code);
  });

  it("a code used twice: the second apply fails on authorization_code and redeems nothing", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(CODE_GRANT);
    expectSuccess(await apply({ TF_VAR_code: code }));
    h.resetState();
    const result = await apply({ TF_VAR_code: code });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The authorization code was already redeemed or has expired",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["redeemed once", "refresh_token or credentials_file"],
    });
    expect(result.output).not.toContain(code);
    // The first apply's exchange, and the second's attempt, which Amazon refused.
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("a redirect URI other than the consent's: an error on redirect_uri; corrected, the same code works", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(CODE_GRANT.replace(REDIRECT_URI, "http://127.0.0.1:8765/callback"));
    const result = await apply({ TF_VAR_code: code });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The redirect URI differs from the consent's",
      block: GRANT,
      attribute: "redirect_uri",
      detail: ["exactly the redirect URI of the consent URL"],
    });
    h.configure(CODE_GRANT);
    expectSuccess(await apply({ TF_VAR_code: code }));
  });

  it("a PKCE verifier that does not match the consent's challenge: an error on code_verifier", async () => {
    const verifier = "v".repeat(43);
    const code = h.emulator.admin.issueCode({
      codeChallenge: verifier,
      codeChallengeMethod: "plain",
    });
    h.configure(`${sensitiveVariable("code")}${sensitiveVariable("verifier")}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = "${REDIRECT_URI}"
  code_verifier      = var.verifier
}`);
    const result = await apply({ TF_VAR_code: code, TF_VAR_verifier: "w".repeat(43) });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The PKCE code verifier does not match the consent",
      block: GRANT,
      attribute: "code_verifier",
      detail: ["the verifier made with that URL", "cdktf-amazon-ads login"],
    });
    expectSuccess(await apply({ TF_VAR_code: code, TF_VAR_verifier: verifier }));
  });

  it("a revoked refresh token adopted at create: an error on refresh_token saying get a new grant", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.emulator.admin.revokeGrant(refreshToken);
    h.configure(TOKEN_GRANT);
    const result = await apply({ TF_VAR_refresh_token: refreshToken });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Login with Amazon does not accept this refresh token",
      block: GRANT,
      attribute: "refresh_token",
      detail: ["revoked", "cdktf-amazon-ads login"],
    });
    expect(result.output).not.toContain(refreshToken);
  });

  it("a grant revoked after apply: the profile's read warns at once, the grant's renewal drops it", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`${TOKEN_GRANT}${profileOfGrant('profile_id = "34567890123456789"')}`);
    const env = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await apply(env));
    h.emulator.admin.revokeGrant(refreshToken);

    const early = expectSuccess(await plan(env));
    expectDiagnostic(early, {
      severity: "warning",
      summary: "The grant's refresh token was revoked; keeping the profile in state",
      block: PROFILE,
      detail: ["terraform apply -replace=amazonads_authorization.<name>"],
    });

    await h.pushState(ageAccessTokens(await h.state()));
    const renewal = expectSuccess(await plan(env));
    expectDiagnostic(renewal, {
      severity: "warning",
      summary: "The authorization grant was revoked: removed from state",
      block: GRANT,
      detail: ["cdktf-amazon-ads login"],
    });
    expect(renewal.stdout).toContain('"action":"create"');
    expect(renewal.output).not.toContain(refreshToken);
  });

  it("two grant sources (refresh_token and credentials_file): an error on the second", async () => {
    h.configure(`${sensitiveVariable("refresh_token")}
resource "amazonads_authorization" "grant" {
  refresh_token    = var.refresh_token
  credentials_file = "\${path.module}/credentials.json"
}`);
    const result = await plan({ TF_VAR_refresh_token: "Atzr|anything" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary:
        "Give only one of authorization_code, authorization_code_wo, refresh_token and credentials_file",
      block: GRANT,
      attribute: "credentials_file",
      detail: ["Keep the one the grant should come from"],
    });
  });

  it("a refresh_token and an authorization_code both set: an error on refresh_token, nothing redeemed", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(`${sensitiveVariable("code")}${sensitiveVariable("refresh_token")}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = "${REDIRECT_URI}"
  refresh_token      = var.refresh_token
}`);
    const result = await apply({ TF_VAR_code: code, TF_VAR_refresh_token: "Atzr|anything" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary:
        "Give only one of authorization_code, authorization_code_wo, refresh_token and credentials_file",
      block: GRANT,
      attribute: "refresh_token",
      detail: ["authorization_code and refresh_token"],
    });
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it("a code known only after apply: the plan neither fails nor calls Amazon; the apply redeems it once", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(`${sensitiveVariable("code")}
resource "terraform_data" "consent" {
  input = var.code
}
resource "amazonads_authorization" "grant" {
  authorization_code = terraform_data.consent.output
  redirect_uri       = "${REDIRECT_URI}"
}
${profileOfGrant('country_code = "UK"')}`);
    const planned = expectSuccess(await plan({ TF_VAR_code: code }));
    expect(diagnosticsOf(planned).filter((d) => d.severity === "error")).toEqual([]);
    const traffic = h.emulator.admin.traffic();
    expect(Object.values(traffic).reduce((sum, e) => sum + e.calls, 0)).toBe(0);
    expectSuccess(await apply({ TF_VAR_code: code }));
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "1209876543210987",
    );
  });

  it("a client secret known only after apply: the plan neither fails nor calls Amazon; the apply verifies it", async () => {
    h.configure(
      `${sensitiveVariable("secret")}
resource "terraform_data" "secret" {
  input = var.secret
}
resource "amazonads_lwa_app" "app" {}`,
      `provider "amazonads" {\n  client_secret = terraform_data.secret.output\n}`,
    );
    const env = { AMAZON_ADS_CLIENT_SECRET: undefined, TF_VAR_secret: h.emulator.clientSecret };
    const planned = expectSuccess(await plan(env));
    expect(diagnosticsOf(planned).filter((d) => d.severity === "error")).toEqual([]);
    expect(h.emulator.admin.calls("token")).toBe(0);
    expectSuccess(await apply(env));
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(1);
    expect(attributesOf(await h.state(), "amazonads_lwa_app.app")?.verified_at).toMatch(/^20/);
  });

  it("a credentials file that does not exist: an error on credentials_file saying how to make one", async () => {
    h.configure(`
resource "amazonads_authorization" "grant" {
  credentials_file = "\${path.module}/missing.json"
}`);
    const result = await plan();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Cannot use the credentials file",
      block: GRANT,
      attribute: "credentials_file",
      detail: ["missing.json", "cdktf-amazon-ads login"],
    });
  });

  it("a credentials file of another client: an error on credentials_file naming both client ids", async () => {
    const path = join(h.ws.dir, "other-app.json");
    await writeCredentialsFile(path, {
      clientId: OTHER_CLIENT_ID,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: "Atzr|issued-to-another-app",
      grantedAt: "2026-08-01T10:00:00.000Z",
    });
    h.configure(`
resource "amazonads_authorization" "grant" {
  credentials_file = "\${path.module}/other-app.json"
}`);
    const result = await plan();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The credentials file is for another client id",
      block: GRANT,
      attribute: "credentials_file",
      detail: [OTHER_CLIENT_ID, h.emulator.clientId, "cdktf-amazon-ads login"],
    });
    expect(result.output).not.toContain("Atzr|issued-to-another-app");
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it("a credentials file that is not one: an error on credentials_file that quotes none of it", async () => {
    writeFileSync(join(h.ws.dir, "garbled.json"), '{"refresh_token": "Atzr|half-written');
    h.configure(`
resource "amazonads_authorization" "grant" {
  credentials_file = "\${path.module}/garbled.json"
}`);
    const result = await plan();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Cannot use the credentials file",
      block: GRANT,
      attribute: "credentials_file",
      detail: ["cdktf-amazon-ads login"],
    });
    expect(result.output).not.toContain("Atzr|half-written");
  });
});
