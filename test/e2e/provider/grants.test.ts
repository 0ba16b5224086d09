/**
 * Grants that do not start from a code, profiles of every region, import, and a revoked grant,
 * with the real terraform against the emulator.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeCredentialsFile } from "../../../src/amazon-ads/credentials-file.js";
import {
  expectSuccess,
  startProviderHarness,
  wrapped,
  type ProviderHarness,
} from "../support/provider.js";

const TOKEN_VARIABLE = `
variable "refresh_token" {
  type      = string
  sensitive = true
}`;

const PROFILES = `
resource "amazonads_profile" "uk" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "UK"
}
resource "amazonads_profile" "jp" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "JP"
}
output "uk" { value = [amazonads_profile.uk.profile_id, amazonads_profile.uk.region, amazonads_profile.uk.api_url] }
output "jp" { value = [amazonads_profile.jp.profile_id, amazonads_profile.jp.region, amazonads_profile.jp.api_url] }
`;

describe("amazonads grants from existing tokens, in terraform", () => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = await startProviderHarness();
  });
  afterEach(() => h.finish());

  it("adopts a refresh token and selects EU and FE profiles on their regions' hosts", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`${TOKEN_VARIABLE}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}
${PROFILES}`);
    const env = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await h.tf(["init"]));
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    expect(await h.output("uk")).toEqual(["1209876543210987", "EU", `${h.emulator.url}/eu`]);
    expect(await h.output("jp")).toEqual(["67890123456789012", "FE", `${h.emulator.url}/fe`]);
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(plan.stdout).toContain("No changes.");
    expect(h.emulator.admin.calls("token")).toBe(0);
    expect(h.emulator.admin.calls("profile")).toBe(2);
  });

  it("adopts the grant of a credentials file", async () => {
    const path = join(h.ws.dir, "credentials.json");
    await writeCredentialsFile(path, {
      clientId: h.emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: h.emulator.admin.issueRefreshToken().refreshToken,
      grantedAt: "2026-08-01T10:00:00.000Z",
    });
    h.configure(`
resource "amazonads_authorization" "grant" {
  credentials_file = "\${path.module}/credentials.json"
}
output "granted" {
  value = [amazonads_authorization.grant.granted_at, amazonads_authorization.grant.refresh_token_expires_at]
}`);
    expectSuccess(await h.tf(["init"]));
    expectSuccess(await h.tf(["apply", "-auto-approve"]));
    expect(await h.output("granted")).toEqual(["2026-08-01T10:00:00Z", "2027-08-01T10:00:00Z"]);
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"]));
    expect(plan.stdout).toContain("No changes.");
  });

  it("imports a grant from an environment variable and from a credentials file", async () => {
    const fromEnv = h.emulator.admin.issueRefreshToken().refreshToken;
    const fromFile = h.emulator.admin.issueRefreshToken().refreshToken;
    const path = join(h.ws.dir, "imported.json");
    await writeCredentialsFile(path, {
      clientId: h.emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: fromFile,
      grantedAt: "2025-09-01T10:00:00.000Z",
    });
    h.configure(`${TOKEN_VARIABLE}
resource "amazonads_authorization" "env" {
  refresh_token = var.refresh_token
}
resource "amazonads_authorization" "file" {
  credentials_file = "${path}"
}`);
    const env = { TF_VAR_refresh_token: fromEnv, GRANT_REFRESH_TOKEN: fromEnv };
    expectSuccess(await h.tf(["init"]));
    const byEnv = expectSuccess(
      await h.tf(["import", "amazonads_authorization.env", "env:GRANT_REFRESH_TOKEN"], env),
    );
    expect(byEnv.stdout).toContain("Import successful!");
    const byFile = expectSuccess(
      await h.tf(["import", "amazonads_authorization.file", `file:${path}`], env),
    );
    expect(byFile.stdout).toContain("Import successful!");
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(plan.stdout).toContain("No changes.");
    const refused = await h.tf(["import", "amazonads_authorization.env", fromEnv], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(wrapped("Never pass a refresh token on the command line"));
  });

  it("drops a revoked grant at its next renewal, and plans to create it again", async () => {
    h.configure(`
variable "code" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = "http://localhost:8765/callback"
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  profile_id    = "34567890123456789"
}`);
    const env = { TF_VAR_code: h.emulator.admin.issueCode() };
    expectSuccess(await h.tf(["init"]));
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    const state = await h.state();
    const grant = state.resources.find((r) => r.type === "amazonads_authorization")!;
    h.emulator.admin.revokeGrant(grant.instances[0]!.attributes.refresh_token as string);

    // An hour later: the stored access token has expired, so the next read renews it.
    grant.instances[0]!.attributes.access_token_expires_at = "2020-01-01T00:00:00Z";
    state.serial += 1;
    writeFileSync(join(h.ws.dir, "aged.tfstate"), JSON.stringify(state));
    expectSuccess(await h.tf(["state", "push", "aged.tfstate"]));

    const plan = expectSuccess(await h.tf(["plan"], env));
    expect(plan.output).toContain(
      "Warning: The authorization grant was revoked: removed from state",
    );
    expect(plan.output).toContain("cdktf-amazon-ads login");
    expect(plan.stdout).toContain("amazonads_authorization.grant will be created");
  });
});
