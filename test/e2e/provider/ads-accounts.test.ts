/**
 * Ads accounts in plain HCL with the real terraform against the emulator: the data sources (Ads
 * accounts, manager accounts), each profile's ads_account_id (in NA and EU, and null for the
 * profile no account lists), the request counts of a second plan, and bad inputs (a revoked
 * grant, a 403, a malformed answer) as diagnostics on the attribute the grant came from. The
 * grant is adopted from a refresh token, so no run spends a code.
 */
import { expectDiagnostic } from "../support/diagnostics.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
  type TerraformState,
} from "../support/provider.js";

const ACME = "amzn1.ads-account.g.emul8acme0utd00rselr0001";

const CONFIG = `
variable "refresh_token" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "US"
  account_type  = "seller"
}
resource "amazonads_profile" "agency" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "US"
  account_type  = "agency"
}
resource "amazonads_profile" "uk" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "UK"
}
data "amazonads_ads_accounts" "all" {
  refresh_token = amazonads_authorization.grant.refresh_token
}
data "amazonads_manager_accounts" "mine" {
  refresh_token = amazonads_authorization.grant.refresh_token
}
output "manager_account_ids" { value = data.amazonads_manager_accounts.mine.manager_account_ids }
output "us_ads_account_id" { value = amazonads_profile.us.ads_account_id }
output "uk_ads_account_id" { value = amazonads_profile.uk.ads_account_id }
output "ads_account_ids" { value = data.amazonads_ads_accounts.all.ads_account_ids }
output "ads_account_of_us_profile" {
  value = data.amazonads_ads_accounts.all.ads_account_id_by_profile_id[amazonads_profile.us.profile_id]
}
`;

// Bad inputs: a second data source with a grant that gets revoked.
const WITH_REVOKED = `${CONFIG}
variable "revoked_token" {
  type      = string
  sensitive = true
}
data "amazonads_ads_accounts" "revoked" {
  refresh_token = var.revoked_token
}
`;

function profileAttributes(state: TerraformState, name: string): Record<string, unknown> {
  const found = state.resources.find((r) => r.type === "amazonads_profile" && r.name === name);
  return found!.instances[0]!.attributes;
}

describe("Ads accounts with terraform against the emulator", () => {
  let h: ProviderHarness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(CONFIG);
    env = { TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken().refreshToken };
    expectSuccess(await h.tf(["init"]));
  });
  afterAll(() => h.finish());

  it("applies: the data source lists the accounts, each profile names its own", async () => {
    h.emulator.admin.resetCounters();
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    expect(await h.output("us_ads_account_id")).toBe(ACME);
    expect(await h.output("uk_ads_account_id")).toBe(ACME);
    expect(await h.output("ads_account_of_us_profile")).toBe(ACME);
    expect(await h.output("ads_account_ids")).toHaveLength(3);
    expect(await h.output("manager_account_ids")).toEqual(["amzn1.ads1.ma1.emul8acmeh0ld1ngs0001"]);
    const state = await h.state();
    expect(profileAttributes(state, "agency")).toMatchObject({
      profile_id: "3456789012345678901",
      ads_account_id: null,
    });
    // One listing per region host for the whole apply: the data source (read during the apply,
    // once the grant is known) and the two US profiles share NA's; the UK profile asks EU's.
    expect(h.emulator.admin.calls("adsAccounts")).toBe(2);
    expect(h.requests.filter((r) => r.endpoint === "adsAccounts").map((r) => r.region)).toEqual(
      expect.arrayContaining(["NA", "EU"]),
    );
  });

  it("plans no change a second time: no token call, one listing per data source, none for the profiles", async () => {
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(plan.stdout).toContain("No changes.");
    const traffic = h.emulator.admin.traffic();
    expect(traffic.token.calls).toBe(0);
    expect(traffic.adsAccounts.calls).toBe(1);
    expect(traffic.managerAccounts.calls).toBe(1);
    expect(traffic.profile.calls).toBe(3);
    expect(traffic.profiles.calls).toBe(0);
  });

  it("plans the profiles alone with no listing at all", async () => {
    h.emulator.admin.resetCounters();
    const targets = ["us", "agency", "uk"].flatMap((p) => ["-target", `amazonads_profile.${p}`]);
    expectSuccess(await h.tf(["plan", ...targets], env));
    expect(h.emulator.admin.calls("adsAccounts")).toBe(0);
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it("reports a revoked grant and a 403 on the refresh_token of each data source", async () => {
    h.configure(WITH_REVOKED);
    const revoked = h.emulator.admin.issueRefreshToken().refreshToken;
    h.emulator.admin.revokeGrant(revoked);
    const fault = h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
    const result = await h.tf(["plan", "-json"], { ...env, TF_VAR_revoked_token: revoked });
    h.emulator.admin.clearFaults(fault);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The grant's refresh token was revoked",
      block: 'data "amazonads_ads_accounts" "revoked"',
      attribute: "refresh_token",
      detail: ["cdktf-amazon-ads login"],
    });
    expectDiagnostic(result, {
      severity: "error",
      summary: "Amazon refused to list the Ads accounts",
      block: 'data "amazonads_ads_accounts" "all"',
      attribute: "refresh_token",
      detail: ["403", "advertising::campaign_management"],
    });
    expect(result.output).not.toContain(revoked);
    expect(result.output).not.toContain(env.TF_VAR_refresh_token);
  });

  it("reports a malformed answer as an error that says what arrived", async () => {
    h.configure(CONFIG);
    const fault = h.emulator.admin.injectFault({ kind: "truncated-json", endpoint: "adsAccounts" });
    const result = await h.tf(["plan", "-json"], env);
    h.emulator.admin.clearFaults(fault);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Could not list the Ads accounts",
      block: 'data "amazonads_ads_accounts" "all"',
      detail: ["POST", "/adsAccounts/list", "not JSON"],
    });
  });

  it("selects a profile despite a 403 from the listing, with a warning about ads_account_id", async () => {
    const fault = h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
    const targets = ["-target", "amazonads_profile.us", "-replace", "amazonads_profile.us"];
    const result = await h.tf(["apply", "-json", "-auto-approve", ...targets], env);
    h.emulator.admin.clearFaults(fault);
    expect(result.code).toBe(0);
    expectDiagnostic(result, {
      severity: "warning",
      summary: "Could not look up the profile's Ads account",
      block: 'resource "amazonads_profile" "us"',
      detail: ["403", "-replace="],
    });
    expect(profileAttributes(await h.state(), "us")).toMatchObject({
      profile_id: "34567890123456789",
      ads_account_id: null,
    });
  });
});
