/**
 * What users see when something is wrong, with the real terraform against the emulator: each
 * error on the attribute that caused it, with the fix in the detail.
 */
import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import {
  expectSuccess,
  startProviderHarness,
  wrapped,
  type ProviderHarness,
} from "../support/provider.js";

const GRANT = `
variable "refresh_token" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}`;

const profile = (selectors: string) => `${GRANT}
resource "amazonads_profile" "p" {
  refresh_token = amazonads_authorization.grant.refresh_token
  ${selectors}
}`;

describe("amazonads errors in terraform", () => {
  let h: ProviderHarness;
  let grantEnv: Record<string, string>;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(GRANT);
    expectSuccess(await h.tf(["init"]));
    grantEnv = { TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken().refreshToken };
  });
  afterAll(() => h.finish());

  it("shows the consent URL on authorization_code when no grant source is given", async () => {
    h.configure(
      `resource "amazonads_authorization" "grant" {\n  redirect_uri = "https://amazon.com"\n}`,
    );
    const plan = await h.tf(["plan"]);
    expect(plan.code).toBe(1);
    expect(plan.output).toContain("Error: No authorization grant to start from");
    expect(plan.output).toContain("cdktf-amazon-ads login");
    expect(plan.output).toContain(`${h.emulator.url}/na/ap/oa?client_id=`);
  });

  it("reports a spent code on authorization_code", async () => {
    const code = h.emulator.admin.issueCode();
    h.configure(`
variable "code" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "first" {
  authorization_code = var.code
  redirect_uri       = "http://localhost:8765/callback"
}`);
    expectSuccess(await h.tf(["apply", "-auto-approve"], { TF_VAR_code: code }));
    h.configure(`
variable "code" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "second" {
  authorization_code = var.code
  redirect_uri       = "http://localhost:8765/callback"
}`);
    const apply = await h.tf(["apply", "-auto-approve"], { TF_VAR_code: code });
    expect(apply.code).toBe(1);
    expect(apply.output).toContain(
      "Error: The authorization code was already redeemed or has expired",
    );
    expect(apply.output).toMatch(/authorization_code = var\.code/);
    expect(apply.output).not.toContain(code);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("lists the candidates when a selector matches several profiles", async () => {
    h.configure(profile(`country_code = "US"`));
    const apply = await h.tf(["apply", "-auto-approve"], grantEnv);
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("Error: 2 advertising profiles match; exactly one must");
    expect(apply.output).toMatch(/country_code\s+= "US"/);
    expect(apply.output).toContain("34567890123456789  US  seller");
    expect(apply.output).toContain("3456789012345678901  US  agency");
    expect(apply.output).toMatch(/profile_id =\s+"34567890123456789"/);
  });

  it("says where a profile is when none matches in the region asked", async () => {
    h.configure(profile(`profile_id = "67890123456789012"`));
    const apply = await h.tf(["apply", "-auto-approve"], grantEnv);
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("Error: No advertising profile matches");
    expect(apply.output).toMatch(/profile_id\s+= "67890123456789012"/);
    expect(apply.output).toContain("is in the FE region: set");
  });

  it("explains a grant that can use no profile at all", async () => {
    h.configure(profile(`country_code = "DE"`));
    const apply = await h.tf(["apply", "-auto-approve"], {
      TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID })
        .refreshToken,
    });
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("Error: No advertising profile matches");
    expect(apply.output).toMatch(wrapped("The EU region has no profiles for this grant"));
  });

  it("rejects profile_id = 1.5 at validation", async () => {
    h.configure(profile(`profile_id = 1.5`));
    const validate = await h.tf(["validate"]);
    expect(validate.code).toBe(1);
    expect(validate.output).toContain("Error: Invalid value for profile_id");
    expect(validate.output).toContain("profile id written as a string of digits");
  });

  it('rejects country_code = "GB", suggesting "UK"', async () => {
    h.configure(profile(`country_code = "GB"`));
    const validate = await h.tf(["validate"]);
    expect(validate.code).toBe(1);
    expect(validate.output).toContain("Error: Invalid value for country_code");
    expect(validate.output).toContain('must be "UK" for the United Kingdom');
  });

  it("refuses two grant sources once their values are known", async () => {
    h.configure(
      `${GRANT.replace(
        "refresh_token = var.refresh_token",
        'refresh_token = var.refresh_token\n  credentials_file = "/tmp/x.json"',
      )}`,
    );
    const plan = await h.tf(["plan"], grantEnv);
    expect(plan.code).toBe(1);
    expect(plan.output).toContain(
      "Error: Give only one of authorization_code, refresh_token and credentials_file",
    );
    expect(plan.output).toMatch(/credentials_file = "\/tmp\/x\.json"/);
  });
});
