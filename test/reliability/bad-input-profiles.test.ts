/**
 * Bad selectors of `amazonads_profile`, with the real terraform against the emulator: each ends in
 * a diagnostic on the selector that is wrong, listing the candidates or saying where the profile
 * is, with no stack trace. The grant is adopted from a refresh token, so no case spends a code.
 */
import { EMPTY_USER_ID } from "../../src/emulator/index.js";
import { diagnosticsOf, expectDiagnostic } from "../e2e/support/diagnostics.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import { TOKEN_GRANT, attributesOf, profileOfGrant } from "./support.js";

const PROFILE = 'resource "amazonads_profile" "p"';

describe("bad selectors of a profile", () => {
  let h: ProviderHarness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure("");
    expectSuccess(await h.tf(["init"]));
    env = { TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken().refreshToken };
  });
  beforeEach(() => h.resetState());
  afterAll(() => h.finish());

  const withProfile = (selectors: string) =>
    h.configure(`${TOKEN_GRANT}${profileOfGrant(selectors)}`);
  const apply = (extra: Record<string, string> = {}) =>
    h.tf(["apply", "-json", "-auto-approve"], { ...env, ...extra });

  it("no profile matches the id: an error on profile_id listing the grant's profiles", async () => {
    withProfile('profile_id = "11111111111111111"');
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "No advertising profile matches",
      block: PROFILE,
      attribute: "profile_id",
      detail: ["34567890123456789  US  seller", "9007199254740993  CA  vendor"],
    });
    // The grant was made and stays in state: only the selection failed.
    expect(attributesOf(await h.state(), "amazonads_authorization.grant")).toBeDefined();
  });

  it("a grant that can use no profile anywhere: an error saying why a list can be empty", async () => {
    withProfile('country_code = "DE"');
    const empty = h.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).refreshToken;
    const result = await apply({ TF_VAR_refresh_token: empty });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "No advertising profile matches",
      block: PROFILE,
      attribute: "country_code",
      detail: ["The EU region has no profiles for this grant", "Amazon user"],
    });
  });

  it("several profiles match: an error on the selector listing each with the surest fix", async () => {
    withProfile('country_code = "US"');
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "2 advertising profiles match; exactly one must",
      block: PROFILE,
      attribute: "country_code",
      detail: [
        "34567890123456789  US  seller",
        "3456789012345678901  US  agency",
        'profile_id = "34567890123456789"',
      ],
    });
  });

  it('an undocumented country code ("ZZ"): a warning at plan, then an error saying where profiles are', async () => {
    withProfile('country_code = "ZZ"');
    const plan = expectSuccess(await h.tf(["plan", "-json"], env));
    expectDiagnostic(plan, {
      severity: "warning",
      summary: "ZZ is not a country Amazon Ads documents",
      block: PROFILE,
      attribute: "country_code",
      detail: ['the United Kingdom is "UK"'],
    });
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "No advertising profile matches",
      block: PROFILE,
      attribute: "country_code",
      detail: ["This grant has profiles in EU", "FE"],
    });
  });

  it('"GB" instead of "UK": an error at validation saying Amazon uses UK', async () => {
    withProfile('country_code = "GB"');
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for country_code",
      block: PROFILE,
      attribute: "country_code",
      detail: ['must be "UK" for the United Kingdom'],
    });
  });

  it("a profile of another region: an error on profile_id naming the region and the country to set", async () => {
    withProfile('profile_id = "67890123456789012"');
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "No advertising profile matches",
      block: PROFILE,
      attribute: "profile_id",
      detail: ["is in the FE region", 'set country_code = "JP"'],
    });
  });

  it("conflicting selectors (country_code US, the DE marketplace): an error at validation on marketplace_id naming its country", async () => {
    withProfile('country_code   = "US"\n  marketplace_id = "A1PA6795UKMFR9"');
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "marketplace_id and country_code contradict each other",
      block: PROFILE,
      attribute: "marketplace_id",
      detail: [
        "is the marketplace of DE",
        'country_code = "DE"',
        'marketplace_id = "ATVPDKIKX0DER"',
      ],
    });
  });

  it("conflicting selectors (a US profile_id, country_code DE): an error on country_code giving the profile's country", async () => {
    withProfile('profile_id   = "34567890123456789"\n  country_code = "DE"');
    const result = await apply();
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "country_code excludes the profile that profile_id selects",
      block: PROFILE,
      attribute: "country_code",
      detail: ["34567890123456789", "is a seller profile in US", 'set it to "US"'],
    });
    expect(attributesOf(await h.state(), "amazonads_profile.p")).toBeUndefined();
  });

  it('conflicting selectors (a seller\'s profile_id, account_type "vendor"): an error on account_type giving its type', async () => {
    withProfile('profile_id   = "34567890123456789"\n  account_type = "vendor"');
    const result = await apply();
    expect(result.code).toBe(1);
    const found = expectDiagnostic(result, {
      severity: "error",
      summary: "account_type excludes the profile that profile_id selects",
      block: PROFILE,
      attribute: "account_type",
      detail: ["is a seller profile in US", 'remove account_type or set it to "seller"'],
    });
    expect(found.detail).not.toContain("country_code");
  });

  it("an agency profile chosen: selected, with a warning on account_type about sponsored ads", async () => {
    withProfile('country_code = "US"\n  account_type = "agency"');
    const result = expectSuccess(await apply());
    expectDiagnostic(result, {
      severity: "warning",
      summary: "The selected profile is an agency profile",
      block: PROFILE,
      attribute: "account_type",
      detail: ['account_type = "seller" or "vendor"', "Advertiser ID cannot be decrypted"],
    });
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "3456789012345678901",
    );
  });

  it("profile_id = 1.5: an error at validation asking for a string of digits", async () => {
    withProfile("profile_id = 1.5");
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for profile_id",
      block: PROFILE,
      attribute: "profile_id",
      detail: ['a string of digits, such as "3456789012345678"', "cdktf-amazon-ads profiles"],
    });
  });

  it("a profile id beyond 2^53 written as an HCL number: kept exact (Terraform converts it losslessly)", async () => {
    // 34567890123456789 is not a float64 (it would round to …788): HCL numbers are arbitrary
    // precision, and Terraform turns one into the exact decimal string the attribute takes.
    expect(Number("34567890123456789").toString()).not.toBe("34567890123456789");
    withProfile("profile_id = 34567890123456789");
    const result = expectSuccess(await apply());
    expect(diagnosticsOf(result).filter((d) => d.severity !== "warning")).toEqual([]);
    const state = attributesOf(await h.state(), "amazonads_profile.p");
    expect(state).toMatchObject({ profile_id: "34567890123456789", country_code: "US" });
    const again = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(again.stdout).toContain("No changes.");
  });

  it("a malformed marketplace id: an error on marketplace_id showing one that is valid", async () => {
    withProfile('marketplace_id = "amazon.co.uk"');
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for marketplace_id",
      block: PROFILE,
      attribute: "marketplace_id",
      detail: ["ATVPDKIKX0DER"],
    });
  });

  it('account_type = "Seller": an error on account_type listing the values Amazon uses', async () => {
    withProfile('country_code = "UK"\n  account_type = "Seller"');
    const result = await h.tf(["validate", "-json"]);
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "Invalid value for account_type",
      block: PROFILE,
      attribute: "account_type",
      detail: ["seller, vendor, agency"],
    });
  });

  it("a profile selected with a revoked refresh token: an error on refresh_token saying get a new grant", async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`
variable "refresh_token" {
  type      = string
  sensitive = true
}
resource "amazonads_profile" "p" {
  refresh_token = var.refresh_token
  country_code  = "UK"
}`);
    h.emulator.admin.revokeGrant(refreshToken);
    const result = await apply({ TF_VAR_refresh_token: refreshToken });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "The grant's refresh token was revoked",
      block: PROFILE,
      attribute: "refresh_token",
      detail: ["cdktf-amazon-ads login"],
    });
    expect(result.output).not.toContain(refreshToken);
  });
});
