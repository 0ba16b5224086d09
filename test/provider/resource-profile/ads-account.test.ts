import { UNKNOWN } from "../../../src/plugin/index.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_profile";
const ACME = "amzn1.ads-account.g.emul8acme0utd00rselr0001";
const VENDOR = "amzn1.ads-account.g.emul8acme0utd00rvend0002";

let e: Emulated;
let refreshToken: string;
beforeEach(async () => {
  e = await emulated();
  refreshToken = e.emulator.admin.issueRefreshToken().refreshToken;
});
afterEach(() => e.finish());

const select = (selectors: Record<string, string>) =>
  e.driver.create(TYPE, { refresh_token: refreshToken, ...selectors });
const listings = () => e.emulator.admin.calls("adsAccounts");

describe("amazonads_profile.ads_account_id against the emulator", () => {
  it("names the Ads account whose alternateIds list the profile, in every region", async () => {
    expect((await select({ country_code: "US", account_type: "seller" })).state).toMatchObject({
      ads_account_id: ACME,
    });
    expect((await select({ country_code: "JP" })).state).toMatchObject({ ads_account_id: ACME });
    expect((await select({ country_code: "AU" })).state).toMatchObject({ ads_account_id: VENDOR });
  });

  it("is null, with no warning of its own, for a profile that no Ads account lists", async () => {
    const agency = await select({ country_code: "US", account_type: "agency" });
    // The agency warning is the selection's; nothing is said about ads_account_id.
    expect(agency.diagnostics.map((d) => d.attribute)).toEqual(["account_type"]);
    expect(agency.state).toMatchObject({
      profile_id: "3456789012345678901",
      ads_account_id: null,
    });
  });

  it("lists once per grant and region for every profile selected in one provider process", async () => {
    e.emulator.admin.resetCounters();
    await select({ country_code: "US", account_type: "seller" });
    await select({ country_code: "CA" });
    expect(listings()).toBe(1);
    await select({ country_code: "UK" });
    await select({ country_code: "DE" });
    expect(listings()).toBe(2);
    expect(e.emulator.admin.calls("token")).toBe(1);
  });

  it("shares the data source's listing in the same process", async () => {
    const data = await e.driver.readData("amazonads_ads_accounts", { refresh_token: refreshToken });
    expect(data.diagnostics).toEqual([]);
    e.emulator.admin.resetCounters();
    await select({ country_code: "US", account_type: "seller" });
    expect(listings()).toBe(0);
  });

  it("makes no listing on read once looked up, and one on a state from before the attribute", async () => {
    const { state, private: looked } = await select({ country_code: "US", account_type: "seller" });
    const next = await e.restart();
    e.emulator.admin.resetCounters();
    expect((await next.read(TYPE, state!, looked)).state).toEqual(state);
    expect(listings()).toBe(0);
    // What an older provider left: no ads_account_id, no private bytes.
    const older = { ...state!, ads_account_id: null };
    const filled = await next.read(TYPE, older, undefined);
    expect(filled.state).toEqual(state);
    expect(filled.private).toEqual(looked);
    expect(listings()).toBe(1);
  });

  it("re-selecting looks the account up again", async () => {
    const config = { refresh_token: refreshToken, country_code: "US", account_type: "seller" };
    const { state, private: looked } = await e.driver.create(TYPE, config);
    const changed = { ...config, country_code: "CA", account_type: "vendor" };
    const plan = await e.driver.plan(TYPE, changed, state, looked);
    expect(plan.planned).toMatchObject({ ads_account_id: UNKNOWN });
    const applied = await e.driver.apply(TYPE, plan.planned, changed, state, {
      private: plan.private!,
    });
    expect(applied.state).toMatchObject({ ads_account_id: VENDOR });
  });

  it("selects the profile with a warning on ads_account_id when Amazon refuses the listing (403), and asks no more", async () => {
    e.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
    const created = await select({ country_code: "US", account_type: "seller" });
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state).toMatchObject({ profile_id: "34567890123456789", ads_account_id: null });
    expect(warnings(created.diagnostics)).toEqual([
      expect.objectContaining({
        attribute: "ads_account_id",
        summary: "Could not look up the profile's Ads account",
        detail: expect.stringContaining("advertising::campaign_management"),
      }),
    ]);
    expect(warnings(created.diagnostics)[0]!.detail).toContain("-replace=");
    e.emulator.admin.resetCounters();
    await (await e.restart()).read(TYPE, created.state!, created.private);
    expect(listings()).toBe(0);
  });

  it("asks again at the next read after a passing failure (throttling, a malformed answer)", async () => {
    e.emulator.admin.injectFault({ kind: "truncated-json", endpoint: "adsAccounts", times: 1 });
    const created = await select({ country_code: "US", account_type: "seller" });
    expect(created.state).toMatchObject({ ads_account_id: null });
    expect(warnings(created.diagnostics)[0]).toMatchObject({
      attribute: "ads_account_id",
      detail: expect.stringContaining("the next plan asks Amazon again"),
    });
    expect(created.private).toBeUndefined();
    const read = await (await e.restart()).read(TYPE, created.state!, created.private);
    expect(read.diagnostics).toEqual([]);
    expect(read.state).toMatchObject({ ads_account_id: ACME });
  });
});
