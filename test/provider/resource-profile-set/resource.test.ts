import type { EmulatorLogEntry } from "../../../src/emulator/index.js";
import { UNKNOWN, type Value } from "../../../src/plugin/index.js";
import { requestsByRegion } from "../../support/requests-by-region.js";
import { errors, warnings } from "../support/driver.js";
import type { Emulated } from "../support/emulated.js";
import { profileSetSetting } from "./support.js";

const TYPE = "amazonads_profile_set";
const EIGHT = ["US", "CA", "UK", "DE", "FR", "IT", "ES", "JP"];

let e: Emulated;
let requests: EmulatorLogEntry[];
let seller: string;
let demo: string;
beforeEach(async () => void ({ e, requests, seller, demo } = await profileSetSetting()));
afterEach(() => e.finish());

/** Profile listings by region since `from` (an index into the request log). */
const listingsByRegion = (from = 0) => requestsByRegion(requests.slice(from), "profiles");

const selectSet = (refreshToken: string, countries: string[], extra: Record<string, string> = {}) =>
  e.driver.create(TYPE, { refresh_token: refreshToken, country_codes: countries, ...extra });

describe("amazonads_profile_set against the emulator", () => {
  describe("selecting", () => {
    it("selects one profile per country of NA, EU and FE with one listing per region", async () => {
      const created = await selectSet(seller, EIGHT);
      expect(created.diagnostics).toEqual([]);
      const state = created.state!;
      expect(Object.keys(state.profiles as object)).toEqual(EIGHT);
      expect((state.profiles as Record<string, unknown>).US).toEqual({
        profile_id: "71000000000000101",
        country_code: "US",
        marketplace_id: "ATVPDKIKX0DER",
        account_id: "A3GLOBEXSELLNA",
        account_name: "Globex Gear US",
        account_type: "seller",
        account_sub_type: null,
        currency_code: "USD",
        timezone: "America/Los_Angeles",
        region: "NA",
        api_url: `${e.emulator.url}/na`,
        ads_account_id: "amzn1.ads-account.g.emul8gl0bexgearselr0004",
      });
      expect((state.profiles as Record<string, unknown>).DE).toMatchObject({
        profile_id: "7200000000000202",
        region: "EU",
        api_url: `${e.emulator.url}/eu`,
        currency_code: "EUR",
      });
      expect((state.profiles as Record<string, unknown>).JP).toMatchObject({ region: "FE" });
      expect(state.profile_ids).toMatchObject({ US: "71000000000000101", IT: "7200000000000204" });
      expect(state.id).toMatch(/^profile-set-[0-9a-f]{16}$/);
      expect(listingsByRegion()).toEqual({ NA: 1, EU: 1, FE: 1 });
      expect(e.emulator.admin.calls("profile")).toBe(0);
    });

    it("lists only the regions its countries are in", async () => {
      const created = await selectSet(seller, ["DE", "FR", "IT"]);
      expect(Object.keys(created.state!.profile_ids as object)).toEqual(["DE", "FR", "IT"]);
      expect(listingsByRegion()).toEqual({ EU: 1 });
    });

    it("names a country the grant does not reach on its element, with where the grant's profiles are", async () => {
      const created = await selectSet(demo, ["DE", "IT", "UK"]);
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "The grant has no advertising profile in IT",
        }),
      ]);
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(detail).toContain("No profile this grant can use in the EU region is in IT");
      expect(detail).toContain("are in: US, CA (NA); UK, DE, FR, IN (EU); JP, AU (FE)");
      expect(detail).toContain('Remove "IT" from country_codes');
      expect(detail).toContain('set access_level = "view"');
      // EU once for the selection, then NA and FE once each for the explanation.
      expect(listingsByRegion()).toEqual({ NA: 1, EU: 1, FE: 1 });
    });

    it("lists the candidates of an ambiguous country and asks for account_type", async () => {
      const created = await selectSet(demo, ["UK", "US"]);
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "2 advertising profiles match in US; exactly one must",
        }),
      ]);
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(detail).toContain('34567890123456789  US  seller  "Acme Outdoor US"');
      expect(detail).toContain('3456789012345678901  US  agency  "Northwind Media Agency"');
      expect(detail).toContain('Add account_type = "seller" (the candidates are seller, agency)');
      expect(detail).toContain('amazonads_profile with profile_id = "34567890123456789"');
    });

    it("shows the profiles account_type excludes in a country", async () => {
      const created = await selectSet(demo, ["US", "CA"], { account_type: "seller" });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "The grant has no advertising profile in CA",
        }),
      ]);
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(detail).toContain("CA profiles that account_type or account_name exclude");
      expect(detail).toContain('9007199254740993  CA  vendor  "Acme Outdoor Canada (Vendor)"');
    });

    it("reports every country that fails, each on its own element", async () => {
      const created = await selectSet(demo, ["US", "IT", "ES"]);
      expect(errors(created.diagnostics).map((d) => d.attribute)).toEqual([
        "country_codes[0]",
        "country_codes[1]",
        "country_codes[2]",
      ]);
    });

    it("warns when the set selects an agency profile", async () => {
      const created = await selectSet(demo, ["US"], { account_type: "agency" });
      expect(created.state?.profile_ids).toEqual({ US: "3456789012345678901" });
      expect(warnings(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "account_type",
          summary: "The set selects agency profiles",
        }),
      ]);
    });

    it("reports a revoked grant on refresh_token", async () => {
      e.emulator.admin.revokeGrant(seller);
      const created = await selectSet(seller, EIGHT);
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "refresh_token",
          summary: "The grant's refresh token was revoked",
        }),
      ]);
    });
  });

  describe("validating", () => {
    const validate = (countries: Value) =>
      e.driver.validate(TYPE, { refresh_token: seller, country_codes: countries });

    it("refuses an empty list on country_codes", async () => {
      expect(errors(await validate([]))).toEqual([
        expect.objectContaining({
          attribute: "country_codes",
          detail: expect.stringContaining("must name at least one country"),
        }),
      ]);
    });

    it("refuses a country listed twice on the repeat, naming the first", async () => {
      expect(errors(await validate(["DE", "FR", "DE"]))).toEqual([
        expect.objectContaining({
          attribute: "country_codes[2]",
          summary: "DE is listed twice in country_codes",
          detail: expect.stringContaining('country_codes[2] repeats country_codes[0] ("DE")'),
        }),
      ]);
    });

    it('refuses "GB" on its element, asking for "UK", as country_code does', async () => {
      expect(errors(await validate(["DE", "GB"]))).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "Invalid value for country_codes",
          detail:
            'country_codes[1] must be "UK" for the United Kingdom: Amazon Ads does not use "GB".',
        }),
      ]);
      expect(errors(await validate(["de"]))[0]?.detail).toContain("two upper-case letters");
    });

    it("checks the known elements and leaves unknown ones for later", async () => {
      expect(await validate([UNKNOWN, "DE"])).toEqual([]);
      expect(await validate(UNKNOWN)).toEqual([]);
      expect(errors(await validate([UNKNOWN, "GB"]))).toHaveLength(1);
    });
  });

  describe("planning", () => {
    const config = (countries: string[]) => ({ refresh_token: seller, country_codes: countries });

    it("plans the maps keyed by the configured countries before the first apply", async () => {
      const plan = await e.driver.plan(TYPE, config(["DE", "JP"]));
      expect(plan.diagnostics).toEqual([]);
      expect(plan.planned).toMatchObject({
        id: UNKNOWN,
        profiles: { DE: UNKNOWN, JP: UNKNOWN },
        profile_ids: { DE: UNKNOWN, JP: UNKNOWN },
        access_level: "edit",
        api_program: "campaign",
      });
      expect(totalListings()).toBe(0);
    });

    it("plans wholly unknown maps while the countries are unknown", async () => {
      const plan = await e.driver.plan(TYPE, { refresh_token: seller, country_codes: [UNKNOWN] });
      expect(plan.planned).toMatchObject({ profiles: UNKNOWN, profile_ids: UNKNOWN });
    });

    it("plans no change when nothing changed, and selects only an added country", async () => {
      const { state } = await selectSet(seller, ["DE", "FR"]);
      const same = await e.driver.plan(TYPE, config(["DE", "FR"]), state);
      expect(same.planned).toEqual(state);
      const more = await e.driver.plan(TYPE, config(["DE", "FR", "JP"]), state);
      expect(more.requiresReplace).toEqual([]);
      const prior = state!.profiles as Record<string, unknown>;
      expect(more.planned).toMatchObject({
        id: UNKNOWN,
        profiles: { DE: prior.DE, FR: prior.FR, JP: UNKNOWN },
        profile_ids: { DE: "7200000000000202", FR: "7200000000000203", JP: UNKNOWN },
      });
      const from = requests.length;
      const applied = await e.driver.apply(TYPE, more.planned, config(["DE", "FR", "JP"]), state);
      expect(applied.state?.profile_ids).toEqual({
        DE: "7200000000000202",
        FR: "7200000000000203",
        JP: "7300000000000301",
      });
      // The countries that stay are not selected again: only JP's region is listed.
      expect(listingsByRegion(from)).toEqual({ FE: 1 });
    });

    it("keeps the countries that stay when one is removed, with no request at apply", async () => {
      const { state } = await selectSet(seller, ["DE", "FR", "JP"]);
      const fewer = await e.driver.plan(TYPE, config(["JP", "DE"]), state);
      const prior = state!.profiles as Record<string, unknown>;
      expect(fewer.planned).toMatchObject({ profiles: { JP: prior.JP, DE: prior.DE } });
      expect(Object.keys(fewer.planned!.profiles as object)).toEqual(["JP", "DE"]);
      const from = requests.length;
      const applied = await e.driver.apply(TYPE, fewer.planned, config(["JP", "DE"]), state);
      expect(applied.state?.profile_ids).toEqual({
        JP: "7300000000000301",
        DE: "7200000000000202",
      });
      expect(requests.length).toBe(from);
    });

    it("selects every country again when a narrowing selector or the refresh token changes", async () => {
      const { state } = await selectSet(seller, ["DE"]);
      const changes: Record<string, string>[] = [
        { account_type: "seller" },
        { refresh_token: demo },
      ];
      for (const change of changes) {
        const plan = await e.driver.plan(TYPE, { ...config(["DE"]), ...change }, state);
        expect(plan.planned).toMatchObject({ profiles: { DE: UNKNOWN } });
      }
    });

    it("warns on the element of a country Amazon Ads does not document", async () => {
      const plan = await e.driver.plan(TYPE, config(["DE", "ZZ"]));
      expect(warnings(plan.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "ZZ is not a country Amazon Ads documents",
        }),
      ]);
    });
  });

  describe("reading", () => {
    it("lists each region of the set once and no profile one by one", async () => {
      const { state, private: looked } = await selectSet(seller, EIGHT);
      const from = requests.length;
      const next = await e.restart();
      const read = await next.read(TYPE, state!, looked);
      expect(read.diagnostics).toEqual([]);
      expect(read.state).toEqual(state);
      expect(listingsByRegion(from)).toEqual({ NA: 1, EU: 1, FE: 1 });
      const others = requests.slice(from).filter((r) => r.endpoint !== "profiles");
      expect(others.map((r) => r.endpoint)).toEqual(["token"]);
    });

    it("drops the country of a profile that is gone, then plans to select that one again", async () => {
      const { state } = await selectSet(seller, ["DE", "FR"]);
      e.emulator.admin.removeProfile("7200000000000203");
      const read = await e.driver.read(TYPE, state!);
      expect(Object.keys(read.state!.profiles as object)).toEqual(["DE"]);
      expect(warnings(read.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "Advertising profiles of the set are gone: removed from state",
          detail: expect.stringContaining("FR (profile 7200000000000203)"),
        }),
      ]);
      const plan = await e.driver.plan(
        TYPE,
        { refresh_token: seller, country_codes: ["DE", "FR"] },
        read.state,
      );
      const stays = (read.state!.profiles as Record<string, unknown>).DE;
      expect(plan.planned).toMatchObject({ profiles: { DE: stays, FR: UNKNOWN } });
      const applied = await e.driver.apply(
        TYPE,
        plan.planned,
        { refresh_token: seller, country_codes: ["DE", "FR"] },
        read.state,
      );
      expect(errors(applied.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_codes[1]",
          summary: "The grant has no advertising profile in FR",
        }),
      ]);
      expect(applied.state).toEqual(read.state);
    });

    it("keeps the set with a warning when the grant was revoked or Amazon throttles", async () => {
      const { state } = await selectSet(seller, ["DE", "JP"]);
      e.emulator.admin.injectFault({ kind: "throttle", endpoint: "profiles" });
      const throttled = await e.driver.read(TYPE, state!);
      expect(throttled.state).toEqual(state);
      expect(errors(throttled.diagnostics)).toEqual([]);
      expect(warnings(throttled.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "Could not check the profile set; keeping it in state",
        }),
      ]);
      e.emulator.admin.clearFaults();
      e.emulator.admin.revokeGrant(seller);
      const revoked = await (await e.restart()).read(TYPE, state!);
      expect(revoked.state).toEqual(state);
      expect(warnings(revoked.diagnostics)).toHaveLength(1);
      expect(errors(revoked.diagnostics)).toEqual([]);
    });
  });
});

function totalListings(): number {
  return requests.filter((r) => r.endpoint === "profiles").length;
}
