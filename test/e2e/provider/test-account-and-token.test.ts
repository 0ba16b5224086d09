/**
 * The test account resource and the ephemeral access token with the real terraform against the
 * emulator; and the trace log of an apply, which must hold none of the secrets the emulator issued.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE } from "../../../src/amazon-ads/index.js";
import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import {
  expectSuccess,
  leakedSecrets,
  startProviderHarness,
  wrapped,
  type ProviderHarness,
} from "../support/provider.js";

const TOKEN_VARIABLE = `
variable "refresh_token" {
  type      = string
  sensitive = true
}`;

describe("amazonads test accounts and access tokens in terraform", () => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = await startProviderHarness({ testAccounts: { inProgressPolls: 2 } });
  });
  afterEach(() => h.finish());

  it("creates a test account, finds its profile, and only forgets it on destroy", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken({
      userId: EMPTY_USER_ID,
      scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE],
    });
    h.configure(`${TOKEN_VARIABLE}
resource "amazonads_test_account" "sandbox" {
  refresh_token = var.refresh_token
  country_code  = "US"
  account_type  = "VENDOR"
  vendor_code   = "ABCDE"
}
output "account" {
  value = [amazonads_test_account.sandbox.id, amazonads_test_account.sandbox.status, amazonads_test_account.sandbox.profile_id]
}`);
    const env = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await h.tf(["init"]));
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    const [id, status, profileId] = (await h.output("account")) as string[];
    expect(id).toMatch(/^ENTITY/);
    expect(status).toBe("COMPLETED");
    expect(profileId).toMatch(/^\d{15,}$/);
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(plan.stdout).toContain("No changes.");
    const destroy = expectSuccess(await h.tf(["destroy", "-auto-approve"], env));
    expect(destroy.output).toMatch(
      wrapped("Warning: Amazon has no API to delete test accounts; removed from state only"),
    );
  });

  it("opens the ephemeral access token for a provisioner that needs it", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`${TOKEN_VARIABLE}
ephemeral "amazonads_access_token" "api" {
  refresh_token = var.refresh_token
}
resource "terraform_data" "report" {
  provisioner "local-exec" {
    command     = "printf '%s %s' \\"$(printf '%s' \\"$TOKEN\\" | cut -c1-5)\\" \\"$CLIENT_ID\\" > token-seen.txt"
    environment = {
      TOKEN     = ephemeral.amazonads_access_token.api.access_token
      CLIENT_ID = ephemeral.amazonads_access_token.api.client_id
    }
  }
}`);
    const env = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await h.tf(["init"]));
    const apply = expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    expect(apply.output).not.toContain("Atza|");
    expect(readFileSync(join(h.ws.dir, "token-seen.txt"), "utf8")).toBe(
      `Atza| ${h.emulator.clientId}`,
    );
    expect(h.emulator.admin.calls("token", "refresh_token")).toBeGreaterThanOrEqual(1);
    const state = readFileSync(join(h.ws.dir, "terraform.tfstate"), "utf8");
    expect(leakedSecrets(state, h.emulator.admin.secrets())).toEqual([]);
  });

  it("logs an apply at TF_LOG=trace without any secret", async () => {
    h.configure(`
variable "code" {
  type      = string
  sensitive = true
}
resource "amazonads_lwa_app" "app" {}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = amazonads_lwa_app.app.redirect_uri
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
resource "terraform_data" "use" {
  provisioner "local-exec" {
    command     = "test -n \\"$TOKEN\\""
    environment = { TOKEN = ephemeral.amazonads_access_token.api.access_token }
  }
}`);
    const env = { TF_VAR_code: h.emulator.admin.issueCode() };
    expectSuccess(await h.tf(["init"]));
    const apply = expectSuccess(
      await h.tf(["apply", "-auto-approve"], { ...env, TF_LOG: "trace" }),
    );
    expect(apply.stderr).toContain("provider.terraform-provider-amazonads");
    expect(apply.stderr).toContain("redeeming the authorization code (once)");
    const plan = expectSuccess(await h.tf(["plan"], { ...env, TF_LOG: "trace" }));
    const secrets = h.emulator.admin.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    expect(leakedSecrets(apply.output, secrets)).toEqual([]);
    expect(leakedSecrets(plan.output, secrets)).toEqual([]);
  });
});
