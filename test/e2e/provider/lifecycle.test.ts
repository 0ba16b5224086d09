/**
 * The whole life of an advertiser connection in plain HCL with the real terraform against the
 * emulator: app + grant (a code redeemed once) + profile + data source, outputs (the big profile
 * id exact), a second plan that makes no token call and redeems nothing, then destroy.
 */
import { expectSuccess, startProviderHarness, type ProviderHarness } from "../support/provider.js";

const CODE = `
variable "code" {
  type      = string
  sensitive = true
}`;

const CONFIG = `
${CODE}
resource "amazonads_lwa_app" "app" {}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = amazonads_lwa_app.app.redirect_uri
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "US"
  account_type  = "seller"
}
data "amazonads_profiles" "all" {
  refresh_token = amazonads_authorization.grant.refresh_token
}
output "profile_id" { value = amazonads_profile.us.profile_id }
output "region" { value = amazonads_profile.us.region }
output "api_url" { value = amazonads_profile.us.api_url }
output "client_id" { value = amazonads_authorization.grant.client_id }
output "grant_id" { value = amazonads_authorization.grant.id }
output "authorization_url" { value = amazonads_lwa_app.app.authorization_url }
output "profile_ids" { value = data.amazonads_profiles.all.profile_ids }
output "refresh_token" {
  value     = amazonads_authorization.grant.refresh_token
  sensitive = true
}
`;

describe("amazonads lifecycle with terraform against the emulator", () => {
  let h: ProviderHarness;
  let code: string;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(CONFIG);
    code = h.emulator.admin.issueCode();
  });
  afterAll(() => h.finish());
  const withCode = () => ({ TF_VAR_code: code });

  it("initializes offline from the implied local mirror", async () => {
    const init = expectSuccess(await h.tf(["init"]));
    expect(init.stdout).toContain("Installing terraform.local/amazon-ads/amazonads");
  });

  it("plans the creation of app, grant and profile", async () => {
    const plan = expectSuccess(await h.tf(["plan"], withCode()));
    expect(plan.stdout).toContain("amazonads_lwa_app.app will be created");
    expect(plan.stdout).toContain("amazonads_authorization.grant will be created");
    expect(plan.stdout).toContain("amazonads_profile.us will be created");
    expect(plan.stdout).toMatch(/client_id\s+= "amzn1\.application-oa2-client\./);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(0);
  });

  it("applies: redeems the code once and publishes exact outputs", async () => {
    expectSuccess(await h.tf(["apply", "-auto-approve"], withCode()));
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(await h.output("profile_id")).toBe("34567890123456789");
    expect(await h.output("region")).toBe("NA");
    expect(await h.output("api_url")).toBe(`${h.emulator.url}/na`);
    expect(await h.output("client_id")).toBe(h.emulator.clientId);
    expect(await h.output("grant_id")).toMatch(/^grant-[0-9a-f]{16}$/);
    expect(await h.output("profile_ids")).toEqual(
      expect.arrayContaining(["34567890123456789", "1209876543210987", "67890123456789012"]),
    );
    const url = new URL(String(await h.output("authorization_url")));
    expect(url.origin + url.pathname).toBe(`${h.emulator.url}/na/ap/oa`);
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(url.searchParams.get("code_challenge")).toBeNull();
    expect(String(await h.output("refresh_token"))).toMatch(/^Atzr\|/);
  });

  it("plans no change a second time, with no token call, no code redeemed, ≤ 1 profile call", async () => {
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], withCode()));
    expect(plan.stdout).toContain("No changes.");
    const traffic = h.emulator.admin.traffic();
    // The grant's read seeds the token cache from state; the profile's read and the data source
    // reuse it. One profile call for the one profile; the data source lists its three regions.
    expect(traffic.token.calls).toBe(0);
    expect(traffic.profile.calls).toBe(1);
    expect(traffic.profiles.calls).toBe(3);
    expect(traffic.consent.calls + traffic.testAccounts.calls).toBe(0);
  });

  it("keeps the grant when the spent code is removed from the configuration", async () => {
    h.configure(CONFIG.replace(CODE, "").replace("authorization_code = var.code", ""));
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["apply", "-auto-approve"]));
    expect(plan.stdout).toContain("amazonads_authorization.grant will be updated in-place");
    expect(plan.stdout).not.toContain("must be replaced");
    expect(h.emulator.admin.calls("token")).toBe(0);
    const again = expectSuccess(await h.tf(["plan", "-detailed-exitcode"]));
    expect(again.stdout).toContain("No changes.");
  });

  it("destroys everything", async () => {
    const destroy = expectSuccess(await h.tf(["destroy", "-auto-approve"]));
    expect(destroy.stdout).toContain("Destroy complete! Resources: 3 destroyed.");
  });
});
