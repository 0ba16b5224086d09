/**
 * A seller in eight marketplaces of NA, EU and FE, in plain HCL with the real terraform against
 * the emulator: one grant, one amazonads_profile_set, a `for_each` over its map planned before
 * the first apply, exact outputs and each country's Ads account; then a second plan that makes no
 * token request, lists each region's profiles once and no Ads account; then a country added in
 * place, at TF_LOG=trace, with no secret shown.
 */
import { MARKETPLACE_SELLER_USER_ID } from "../../../src/emulator/index.js";
import { expectSuccess, startProviderHarness, type ProviderHarness } from "../support/provider.js";
import { findLeaks } from "../support/secret-scan.js";
import { requestsByRegion } from "../../support/requests-by-region.js";

const EIGHT = ["US", "CA", "UK", "DE", "FR", "IT", "ES", "JP"];
// The seed's seller has one Ads account, listing every marketplace but ES.
const GLOBEX = "amzn1.ads-account.g.emul8gl0bexgearselr0004";

const config = (countries: readonly string[]) => `
variable "refresh_token" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}
resource "amazonads_profile_set" "markets" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_codes = ${JSON.stringify(countries)}
  account_type  = "seller"
}
# One consumer per marketplace: the map's keys are known at plan, before any profile is.
resource "terraform_data" "per_market" {
  for_each = amazonads_profile_set.markets.profiles
  input    = "\${each.key} \${each.value.profile_id} \${each.value.api_url}"
}
output "profile_ids" { value = amazonads_profile_set.markets.profile_ids }
output "de" { value = amazonads_profile_set.markets.profiles["DE"] }
output "consumers" { value = { for k, v in terraform_data.per_market : k => v.output } }
`;

describe("a profile set of eight marketplaces with terraform against the emulator", () => {
  let h: ProviderHarness;
  let env: Record<string, string>;
  /**
   * Profile listings (GET /v2/profiles) and Ads account listings (POST /adsAccounts/list) by
   * region, and other calls, since `from`.
   */
  const traffic = (from: number) => {
    const requests = h.requests.slice(from);
    const count = (endpoint: string) => requests.filter((r) => r.endpoint === endpoint).length;
    return {
      listings: requestsByRegion(requests, "profiles"),
      adsAccountListings: requestsByRegion(requests, "adsAccounts"),
      token: count("token"),
      profile: count("profile"),
    };
  };
  /** Each country's ads_account_id in the state file. */
  const adsAccountsInState = async () => {
    const set = (await h.state()).resources.find((r) => r.type === "amazonads_profile_set")!;
    const profiles = set.instances[0]!.attributes.profiles as Record<
      string,
      Record<string, unknown>
    >;
    return Object.fromEntries(Object.entries(profiles).map(([c, p]) => [c, p.ads_account_id]));
  };

  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(config(EIGHT));
    expectSuccess(await h.tf(["init"]));
    const grant = h.emulator.admin.issueRefreshToken({ userId: MARKETPLACE_SELLER_USER_ID });
    env = { TF_VAR_refresh_token: grant.refreshToken };
  });
  afterAll(() => h.finish());

  it("plans one consumer per marketplace before the first apply, then applies with exact ids", async () => {
    const plan = expectSuccess(await h.tf(["plan"], env));
    for (const country of EIGHT) {
      expect(plan.stdout).toContain(`terraform_data.per_market["${country}"] will be created`);
    }
    const from = h.requests.length;
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    // The apply's selection listed each region once (its plan lists nothing), and looked up the
    // Ads accounts of the eight countries with one listing per region.
    expect(traffic(from).listings).toEqual({ NA: 1, EU: 1, FE: 1 });
    expect(traffic(from).adsAccountListings).toEqual({ NA: 1, EU: 1, FE: 1 });
    const accounts = EIGHT.map((country) => [country, country === "ES" ? null : GLOBEX]);
    expect(await adsAccountsInState()).toEqual(Object.fromEntries(accounts));
    const ids = (await h.output("profile_ids")) as Record<string, string>;
    expect(Object.keys(ids).sort()).toEqual([...EIGHT].sort());
    expect(ids.US).toBe("71000000000000101"); // above 2^53, exact
    expect(await h.output("de")).toMatchObject({
      profile_id: "7200000000000202",
      region: "EU",
      api_url: `${h.emulator.url}/eu`,
      marketplace_id: "A1PA6795UKMFR9",
      currency_code: "EUR",
      ads_account_id: GLOBEX,
    });
    expect(await h.output("consumers")).toMatchObject({
      JP: `JP 7300000000000301 ${h.emulator.url}/fe`,
    });
  });

  it("plans no change a second time: no token request, one profile listing per region, no Ads account listing", async () => {
    const from = h.requests.length;
    const plan = await h.tf(["plan", "-detailed-exitcode"], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("No changes.");
    expect(traffic(from)).toEqual({
      listings: { NA: 1, EU: 1, FE: 1 },
      adsAccountListings: {},
      token: 0,
      profile: 0,
    });
  });

  it("adds a marketplace in place, leaving the others' consumers alone, no secret in its trace", async () => {
    h.configure(config([...EIGHT, "MX"]));
    const from = h.requests.length;
    const apply = expectSuccess(
      await h.tf(["apply", "-auto-approve"], { ...env, TF_LOG: "trace" }),
    );
    expect(apply.stderr).toContain("selected a profile set");
    expect(
      findLeaks([{ where: "apply", content: apply.output }], h.emulator.admin.secrets()),
    ).toEqual([]);
    expect(apply.stdout).toContain("amazonads_profile_set.markets will be updated in-place");
    expect(apply.stdout).toContain("Resources: 1 added, 1 changed, 0 destroyed.");
    // The plan's read listed each region once; the apply selected MX alone (NA once more), in
    // a provider process of its own, whose token cache the grant's read did not seed.
    // MX's Ads account is the only one looked up (NA once); the others' stay as they were.
    expect(traffic(from)).toEqual({
      listings: { NA: 2, EU: 1, FE: 1 },
      adsAccountListings: { NA: 1 },
      token: 1,
      profile: 0,
    });
    expect(((await h.output("profile_ids")) as Record<string, string>).MX).toBe("7100000000000103");
    expect(await adsAccountsInState()).toMatchObject({ MX: GLOBEX, ES: null, JP: GLOBEX });
  });
});
