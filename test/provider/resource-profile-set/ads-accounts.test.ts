import { adsAccountLookedUp } from "../../../src/provider/resource-profile/ads-account.js";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { requestsByRegion } from "../../support/requests-by-region.js";
import { errors, warnings } from "../support/driver.js";
import { profileSetSetting, type ProfileSetSetting } from "./support.js";

const TYPE = "amazonads_profile_set";
const EIGHT = ["US", "CA", "UK", "DE", "FR", "IT", "ES", "JP"];
const GLOBEX = "amzn1.ads-account.g.emul8gl0bexgearselr0004";
const ACME = "amzn1.ads-account.g.emul8acme0utd00rselr0001";
const VENDOR = "amzn1.ads-account.g.emul8acme0utd00rvend0002";

let t: ProfileSetSetting;
beforeEach(async () => void (t = await profileSetSetting()));
afterEach(() => t.e.finish());

/** Ads account listings (`POST /adsAccounts/list`) by region since `from`. */
const accountListings = (from = 0) => requestsByRegion(t.requests.slice(from), "adsAccounts");

const config = (refreshToken: string, countries: string[]) => ({
  refresh_token: refreshToken,
  country_codes: countries,
});
const selectSet = (refreshToken: string, countries: string[]) =>
  t.e.driver.create(TYPE, config(refreshToken, countries));
const accountsOf = (state: Record<string, unknown> | null) =>
  Object.fromEntries(
    Object.entries(state!.profiles as Record<string, { ads_account_id: string | null }>).map(
      ([country, entry]) => [country, entry.ads_account_id],
    ),
  );

describe("amazonads_profile_set ads_account_id against the emulator", () => {
  it("names each country's Ads account, null where none lists the profile, with one listing per region", async () => {
    const created = await selectSet(t.seller, EIGHT);
    expect(created.diagnostics).toEqual([]);
    // Every country but ES, whose profile the seller's one account does not list.
    const expected = EIGHT.map((country) => [country, country === "ES" ? null : GLOBEX]);
    expect(accountsOf(created.state)).toEqual(Object.fromEntries(expected));
    expect(accountListings()).toEqual({ NA: 1, EU: 1, FE: 1 });
    expect(created.private).toEqual(adsAccountLookedUp());
  });

  it("tells apart the accounts of one region's countries from a single listing", async () => {
    const created = await selectSet(t.demo, ["UK", "DE", "FR"]);
    expect(accountsOf(created.state)).toEqual({ UK: ACME, DE: ACME, FR: VENDOR });
    expect(accountListings()).toEqual({ EU: 1 });
  });

  it("makes no listing on read once looked up, and one per region on a set from before the attribute", async () => {
    const { state, private: looked } = await selectSet(t.seller, ["US", "DE", "ES"]);
    const next = await t.e.restart();
    const from = t.requests.length;
    expect((await next.read(TYPE, state!, looked)).state).toEqual(state);
    expect(accountListings(from)).toEqual({});
    // What an older provider left: entries without ads_account_id, no private bytes.
    const profiles = state!.profiles as Record<string, Record<string, unknown>>;
    const older = {
      ...state!,
      profiles: Object.fromEntries(
        Object.entries(profiles).map(([c, entry]) => [c, { ...entry, ads_account_id: null }]),
      ),
    };
    const filled = await next.read(TYPE, older, undefined);
    expect(filled.diagnostics).toEqual([]);
    expect(filled.state).toEqual(state);
    expect(filled.private).toEqual(looked);
    expect(accountListings(from)).toEqual({ NA: 1, EU: 1 });
  });

  it("looks up only an added country's account, keeping the others'", async () => {
    const { state, private: looked } = await selectSet(t.seller, ["DE", "ES"]);
    const more = config(t.seller, ["DE", "ES", "JP"]);
    const plan = await t.e.driver.plan(TYPE, more, state, looked);
    expect(plan.planned).toMatchObject({ profiles: { JP: UNKNOWN } });
    const from = t.requests.length;
    const applied = await t.e.driver.apply(TYPE, plan.planned, more, state, {
      private: plan.private!,
    });
    expect(accountsOf(applied.state)).toEqual({ DE: GLOBEX, ES: null, JP: GLOBEX });
    expect(accountListings(from)).toEqual({ FE: 1 });
    expect(applied.private).toEqual(looked);
  });

  it("selects the set with one warning on profiles when Amazon refuses the listing (403), and asks no more", async () => {
    t.e.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts", region: "EU" });
    const created = await selectSet(t.seller, ["US", "DE", "FR"]);
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state?.profile_ids).toEqual({
      US: "71000000000000101",
      DE: "7200000000000202",
      FR: "7200000000000203",
    });
    expect(accountsOf(created.state)).toEqual({ US: GLOBEX, DE: null, FR: null });
    expect(warnings(created.diagnostics)).toEqual([
      expect.objectContaining({
        attribute: "profiles",
        summary: "Could not look up the Ads accounts of the set's profiles",
        detail: expect.stringContaining("DE, FR (EU region): "),
      }),
    ]);
    const detail = warnings(created.diagnostics)[0]!.detail;
    expect(detail).toContain("advertising::campaign_management");
    expect(detail).toContain("-replace=<this amazonads_profile_set>");
    expect(detail).not.toContain("US");
    expect(created.private).toEqual(adsAccountLookedUp());
    const from = t.requests.length;
    await (await t.e.restart()).read(TYPE, created.state!, created.private);
    expect(accountListings(from)).toEqual({});
  });

  it("asks again at the next read after a passing failure (a malformed answer), keeping the profiles", async () => {
    t.e.emulator.admin.injectFault({ kind: "truncated-json", endpoint: "adsAccounts", times: 1 });
    const created = await selectSet(t.seller, ["DE", "ES"]);
    expect(created.state?.profile_ids).toEqual({ DE: "7200000000000202", ES: "7200000000000205" });
    expect(accountsOf(created.state)).toEqual({ DE: null, ES: null });
    expect(warnings(created.diagnostics)).toEqual([
      expect.objectContaining({
        attribute: "profiles",
        detail: expect.stringContaining("The next plan asks Amazon again."),
      }),
    ]);
    expect(created.private).toBeUndefined();
    const read = await (await t.e.restart()).read(TYPE, created.state!, created.private);
    expect(read.diagnostics).toEqual([]);
    expect(accountsOf(read.state)).toEqual({ DE: GLOBEX, ES: null });
    expect(read.private).toEqual(adsAccountLookedUp());
  });

  it("keeps the set and its accounts when the grant is revoked for the listing only", async () => {
    t.e.emulator.admin.injectFault({ kind: "revoked", endpoint: "adsAccounts" });
    const created = await selectSet(t.seller, ["JP"]);
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state?.profile_ids).toEqual({ JP: "7300000000000301" });
    expect(warnings(created.diagnostics)).toEqual([
      expect.objectContaining({ attribute: "profiles", detail: expect.stringContaining("JP (FE") }),
    ]);
  });
});
