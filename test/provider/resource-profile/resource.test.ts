import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, totalCalls, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_profile";
let e: Emulated;
let refreshToken: string;
beforeEach(async () => {
  e = await emulated();
  refreshToken = e.emulator.admin.issueRefreshToken().refreshToken;
});
afterEach(() => e.finish());

const select = (selectors: Record<string, string>) =>
  e.driver.create(TYPE, { refresh_token: refreshToken, ...selectors });

describe("amazonads_profile against the emulator", () => {
  describe("selecting", () => {
    it("selects the one US seller profile with its id exact and the region's API URL", async () => {
      const created = await select({ country_code: "US", account_type: "seller" });
      expect(created.diagnostics).toEqual([]);
      expect(created.state).toEqual({
        id: "34567890123456789",
        refresh_token: refreshToken,
        profile_id: "34567890123456789",
        country_code: "US",
        marketplace_id: "ATVPDKIKX0DER",
        account_name: "Acme Outdoor US",
        account_type: "seller",
        access_level: "edit",
        api_program: "campaign",
        account_id: "A3EMULATRSELLNA",
        account_sub_type: null,
        currency_code: "USD",
        timezone: "America/Los_Angeles",
        region: "NA",
        api_url: `${e.emulator.url}/na`,
        ads_account_id: "amzn1.ads-account.g.emul8acme0utd00rselr0001",
      });
    });

    it("looks up UK profiles in EU and JP profiles in FE", async () => {
      const uk = await select({ country_code: "UK" });
      expect(uk.state).toMatchObject({
        profile_id: "1209876543210987",
        region: "EU",
        api_url: `${e.emulator.url}/eu`,
      });
      const jp = await select({ country_code: "JP" });
      expect(jp.state).toMatchObject({ profile_id: "67890123456789012", region: "FE" });
      const de = await select({ marketplace_id: "A1PA6795UKMFR9" });
      expect(de.state).toMatchObject({ country_code: "DE", region: "EU" });
    });

    it("lists the candidates on the selector and suggests profile_id when several match", async () => {
      const created = await select({ country_code: "US" });
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_code",
          summary: "2 advertising profiles match; exactly one must",
        }),
      ]);
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(detail).toContain('34567890123456789  US  seller  "Acme Outdoor US"');
      expect(detail).toContain('3456789012345678901  US  agency  "Northwind Media Agency"');
      expect(detail).toContain('profile_id = "34567890123456789"');
    });

    it("says which region holds a profile asked of the provider's region", async () => {
      const created = await select({ profile_id: "1209876543210987" });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "profile_id",
          summary: "No advertising profile matches",
        }),
      ]);
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(detail).toContain("The NA profiles this grant can use");
      expect(detail).toContain(
        'Profile 1209876543210987 (UK, Acme Outdoor UK) is in the EU region: set country_code = "UK"',
      );
    });

    it("explains an empty region and where else the grant has profiles", async () => {
      e.emulator.admin.addUser({
        id: "amzn1.account.ONLYINNORTHAMERICA",
        name: "Nora NA",
        email: "nora@example.com",
        profiles: [
          {
            profileId: "11112222333344445",
            countryCode: "CA",
            currencyCode: "CAD",
            timezone: "America/Los_Angeles",
            accountInfo: { marketplaceStringId: "A2EUQ1WTGCTBG2", id: "A9CA", type: "seller" },
          },
        ],
      });
      refreshToken = e.emulator.admin.issueRefreshToken({
        userId: "amzn1.account.ONLYINNORTHAMERICA",
      }).refreshToken;
      const created = await select({ country_code: "UK" });
      const detail = errors(created.diagnostics)[0]!.detail;
      expect(errors(created.diagnostics)[0]!.attribute).toBe("country_code");
      expect(detail).toContain("The EU region has no profiles for this grant");
      expect(detail).toContain("accessLevel=view");
      expect(detail).toContain(
        'Profile 11112222333344445 (CA, no name) is in the NA region: set country_code = "CA"',
      );
    });

    it("explains an empty list for a user who manages no accounts", async () => {
      refreshToken = e.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).refreshToken;
      const created = await select({});
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: undefined,
          summary: "No advertising profile matches",
        }),
      ]);
      expect(errors(created.diagnostics)[0]!.detail).toMatch(
        /NA region has no profiles.*Amazon user who manages/s,
      );
    });

    it("finds a view-only profile only with access_level = view", async () => {
      const edit = await select({ country_code: "MX" });
      expect(errors(edit.diagnostics)).toHaveLength(1);
      const view = await select({ country_code: "MX", access_level: "view" });
      expect(view.state?.profile_id).toBe("2814749767106561");
    });

    it("warns when the selected profile is an agency's", async () => {
      const created = await select({ account_name: "Northwind Media Agency" });
      expect(created.state?.account_type).toBe("agency");
      expect(warnings(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "account_type",
          summary: "The selected profile is an agency profile",
        }),
      ]);
    });

    it("reports a revoked grant on refresh_token", async () => {
      e.emulator.admin.revokeGrant(refreshToken);
      const created = await select({ country_code: "US", account_type: "seller" });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({ attribute: "refresh_token" }),
      ]);
    });
  });

  describe("conflicting selectors", () => {
    it("refuses at validation a marketplace of another country than country_code", async () => {
      const diagnostics = await e.driver.validate(TYPE, {
        refresh_token: refreshToken,
        country_code: "US",
        marketplace_id: "A1PA6795UKMFR9",
      });
      expect(errors(diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "marketplace_id",
          summary: "marketplace_id and country_code contradict each other",
          detail: expect.stringContaining('is the marketplace of DE, but country_code = "US"'),
        }),
      ]);
    });

    it("leaves the marketplace check for later when either value is unknown", async () => {
      const unknownCountry = { country_code: UNKNOWN, marketplace_id: "A1PA6795UKMFR9" };
      const unknownMarketplace = { country_code: "US", marketplace_id: UNKNOWN };
      for (const selectors of [unknownCountry, unknownMarketplace]) {
        const diagnostics = await e.driver.validate(TYPE, {
          refresh_token: refreshToken,
          ...selectors,
        });
        expect(diagnostics).toEqual([]);
      }
    });

    it("says country_code excludes the profile profile_id names, and its country", async () => {
      const created = await select({ profile_id: "34567890123456789", country_code: "DE" });
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        {
          severity: "error",
          attribute: "country_code",
          summary: "country_code excludes the profile that profile_id selects",
          detail:
            'Profile 34567890123456789 ("Acme Outdoor US") is a seller profile in US (marketplace ' +
            'ATVPDKIKX0DER); country_code = "DE" excludes it: remove country_code or set it to "US".',
        },
      ]);
    });

    it("says account_type excludes a seller's profile_id instead of suggesting a country", async () => {
      const created = await select({ profile_id: "34567890123456789", account_type: "vendor" });
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "account_type",
          summary: "account_type excludes the profile that profile_id selects",
          detail: expect.stringContaining(
            'is a seller profile in US (marketplace ATVPDKIKX0DER); account_type = "vendor" ' +
              'excludes it: remove account_type or set it to "seller"',
          ),
        }),
      ]);
      expect(errors(created.diagnostics)[0]!.detail).not.toContain("country_code");
    });

    it("lists each region at most once per filter while looking for profile_id", async () => {
      e.emulator.admin.resetCounters();
      const created = await select({ profile_id: "11111111111111111" });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({ summary: "No advertising profile matches" }),
      ]);
      // NA for the selection, then EU and FE once each for profile_id and the regions' hint.
      expect(e.emulator.admin.calls("profiles")).toBe(3);
    });
  });

  describe("planning", () => {
    it("warns about a country Amazon Ads does not document", async () => {
      const plan = await e.driver.plan(TYPE, { refresh_token: refreshToken, country_code: "ZZ" });
      expect(warnings(plan.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "country_code",
          summary: "ZZ is not a country Amazon Ads documents",
        }),
      ]);
    });

    it("plans no change when nothing changed, and re-selection when a selector did", async () => {
      const config = { refresh_token: refreshToken, country_code: "US", account_type: "seller" };
      const { state } = await e.driver.create(TYPE, config);
      const same = await e.driver.plan(TYPE, config, state);
      expect(same.planned).toEqual(state);
      const changed = await e.driver.plan(
        TYPE,
        { ...config, country_code: "CA", account_type: "vendor" },
        state,
      );
      expect(changed.requiresReplace).toEqual([]);
      expect(changed.planned).toMatchObject({
        country_code: "CA",
        account_type: "vendor",
        profile_id: UNKNOWN,
        region: UNKNOWN,
        api_url: UNKNOWN,
        ads_account_id: UNKNOWN,
      });
      const applied = await e.driver.apply(
        TYPE,
        changed.planned,
        { ...config, country_code: "CA", account_type: "vendor" },
        state,
      );
      expect(applied.state).toMatchObject({
        profile_id: "9007199254740993",
        region: "NA",
        ads_account_id: "amzn1.ads-account.g.emul8acme0utd00rvend0002",
      });
    });
  });

  describe("reading", () => {
    it("makes one profile call and no token call after the grant's read seeded the cache", async () => {
      const grant = await e.driver.create("amazonads_authorization", {
        authorization_code: e.emulator.admin.issueCode(),
        redirect_uri: "http://localhost:8765/callback",
      });
      refreshToken = String(grant.state!.refresh_token);
      const { state, private: looked } = await select({ country_code: "UK" });
      const next = await e.restart();
      e.emulator.admin.resetCounters();
      await next.read("amazonads_authorization", grant.state!);
      const read = await next.read(TYPE, state!, looked);
      expect(read.state).toEqual(state);
      expect(e.emulator.admin.calls("token")).toBe(0);
      expect(e.emulator.admin.calls("profile")).toBe(1);
      expect(totalCalls(e.emulator)).toBe(1);
    });

    it("removes a profile that is gone from state with a warning", async () => {
      const { state } = await select({ country_code: "US", account_type: "seller" });
      e.emulator.admin.removeProfile("34567890123456789");
      const read = await e.driver.read(TYPE, state!);
      expect(read.state).toBeNull();
      expect(warnings(read.diagnostics)).toEqual([
        expect.objectContaining({ summary: "The advertising profile is gone: removed from state" }),
      ]);
    });

    it("keeps the profile with a warning when the grant was revoked", async () => {
      const { state } = await select({ country_code: "US", account_type: "seller" });
      e.emulator.admin.revokeGrant(refreshToken);
      const read = await e.driver.read(TYPE, state!);
      expect(read.state).toEqual(state);
      expect(errors(read.diagnostics)).toEqual([]);
      expect(warnings(read.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "The grant's refresh token was revoked; keeping the profile in state",
          detail: expect.stringContaining("-replace=amazonads_authorization.<name>"),
        }),
      ]);
    });

    it("keeps the profile with a warning when Amazon is throttling", async () => {
      const { state } = await select({ country_code: "US", account_type: "seller" });
      e.emulator.admin.injectFault({ kind: "throttle", endpoint: "profile" });
      const read = await e.driver.read(TYPE, state!);
      expect(read.state).toEqual(state);
      expect(warnings(read.diagnostics)).toHaveLength(1);
      expect(errors(read.diagnostics)).toEqual([]);
    });
  });
});
