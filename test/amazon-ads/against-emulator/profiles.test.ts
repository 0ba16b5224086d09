import {
  explainEmptyProfileList,
  type ProfileFilters,
  type Region,
} from "../../../src/amazon-ads/index.js";
import { DEMO_USER_ID, EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { startHarness, type Harness } from "./support.js";

let h: Harness;
let refreshToken: string;
beforeEach(async () => {
  h = await startHarness();
  refreshToken = h.grant({ userId: DEMO_USER_ID }).refreshToken;
});
afterEach(() => h.finish());

const ids = (profiles: readonly { profileId: string }[]): string[] =>
  profiles.map((profile) => profile.profileId);

describe("profiles per region, client against emulator (fake clock and sleep)", () => {
  // Each region's client gets the emulator's `/na`, `/eu` or `/fe` URLs as endpoint overrides,
  // so every call here also proves that a base URL with a path is kept.
  it.each([
    ["NA", ["34567890123456789", "9007199254740993", "3456789012345678901"]],
    ["EU", ["1209876543210987", "45678901234567890", "987654321098765", "5678901234567890"]],
    ["FE", ["67890123456789012", "4040404040404040"]],
  ] as const)("lists the %s host's profiles", async (region: Region, expected) => {
    const client = h.clientFor({ region });
    const profiles = await client.listProfiles(refreshToken);
    expect(ids(profiles)).toEqual(expected);
    expect(h.emulatorLog.at(-1)).toMatchObject({
      path: `/${region.toLowerCase()}/v2/profiles`,
      region,
      status: 200,
    });
  });

  it("keeps profile ids above 2^53 exact, as decimal strings", async () => {
    const profiles = await h.client.listProfiles(refreshToken);
    const big = ids(profiles).filter((id) => BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER));
    expect(big).toEqual(["34567890123456789", "9007199254740993", "3456789012345678901"]);
    // What JSON.parse would have made of them: other profiles' ids.
    expect(big.map((id) => String(Number(id)))).not.toEqual(big);
    const one = await h.client.getProfile(refreshToken, "9007199254740993");
    expect(one.profileId).toBe("9007199254740993");
  });

  it("reads a profile's fields as the emulator sends them", async () => {
    const [us] = await h.client.listProfiles(refreshToken, { profileTypeFilter: ["seller"] });
    expect(us).toEqual({
      profileId: "34567890123456789",
      countryCode: "US",
      currencyCode: "USD",
      dailyBudget: 0,
      timezone: "America/Los_Angeles",
      accountInfo: {
        marketplaceStringId: "ATVPDKIKX0DER",
        id: "A3EMULATRSELLNA",
        type: "seller",
        name: "Acme Outdoor US",
        validPaymentMethod: true,
      },
    });
  });

  it.each<[string, ProfileFilters, string[]]>([
    [
      "apiProgram=billing leaves out the agency",
      { apiProgram: "billing" },
      ["34567890123456789", "9007199254740993"],
    ],
    [
      "accessLevel=view adds the view-only profile",
      { accessLevel: "view" },
      ["34567890123456789", "9007199254740993", "2814749767106561", "3456789012345678901"],
    ],
    ["profileTypeFilter=agency", { profileTypeFilter: ["agency"] }, ["3456789012345678901"]],
    [
      "profileTypeFilter=seller,vendor",
      { profileTypeFilter: ["seller", "vendor"] },
      ["34567890123456789", "9007199254740993"],
    ],
    [
      "validPaymentMethodFilter=false",
      { validPaymentMethodFilter: false },
      ["3456789012345678901"],
    ],
    [
      "validPaymentMethodFilter=true",
      { validPaymentMethodFilter: true },
      ["34567890123456789", "9007199254740993"],
    ],
  ])("filters: %s", async (_name, filters, expected) => {
    expect(ids(await h.client.listProfiles(refreshToken, filters))).toEqual(expected);
  });

  it("finds profiles only on the right region's host; the wrong one answers an empty list", async () => {
    h.emulator.admin.addUser({
      id: "amzn1.account.AUSONLYSELLER",
      name: "Uma US-only",
      email: "uma@example.com",
      profiles: [
        {
          profileId: "12345678901234567",
          countryCode: "US",
          currencyCode: "USD",
          timezone: "America/Los_Angeles",
          accountInfo: { marketplaceStringId: "ATVPDKIKX0DER", id: "A9USONLY", type: "seller" },
        },
      ],
    });
    const grant = h.grant({ userId: "amzn1.account.AUSONLYSELLER" }).refreshToken;
    const eu = h.clientFor({ region: "EU" });
    expect(await eu.listProfiles(grant)).toEqual([]);
    const explanation = explainEmptyProfileList({ region: eu.region, countryCode: "US" });
    expect(explanation).toMatchObject({ expectedRegion: "NA", otherRegions: ["NA", "FE"] });
    expect(explanation.hint).toContain("set the region to NA");
    expect(ids(await h.client.listProfiles(grant))).toEqual(["12345678901234567"]);
  });

  it("answers an empty list for a user who manages no accounts, in every region", async () => {
    const grant = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    for (const region of ["NA", "EU", "FE"] as const) {
      expect(await h.clientFor({ region }).listProfiles(grant)).toEqual([]);
    }
    const hint = explainEmptyProfileList({ region: "NA" }).hint;
    expect(hint).toContain("set the region to EU or FE");
  });
});

describe("one profile, client against emulator (fake clock and sleep)", () => {
  it("gets a profile by id from its region's host", async () => {
    const profile = await h
      .clientFor({ region: "FE" })
      .getProfile(refreshToken, "4040404040404040");
    expect(profile).toMatchObject({ countryCode: "AU", accountInfo: { type: "vendor" } });
  });

  it("reports an unknown id as PROFILE_NOT_FOUND", async () => {
    const error = await h.caught(h.client.getProfile(refreshToken, "1234567890"));
    expect(error).toMatchObject({
      code: "PROFILE_NOT_FOUND",
      status: 404,
      amazonError: "NOT_FOUND",
    });
    expect(error.requestId).toMatch(/^[A-Z0-9]{20}$/);
    expect(error.message).toContain("no profile 1234567890");
  });

  it("reports another user's profile as PROFILE_NOT_ACCESSIBLE", async () => {
    const stranger = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    const error = await h.caught(h.client.getProfile(stranger, "34567890123456789"));
    expect(error).toMatchObject({ code: "PROFILE_NOT_ACCESSIBLE", status: 401 });
    expect(error.amazonDescription).toBe("Not authorized to access scope 34567890123456789");
    // The token came straight from LwA, so the refusal is believed without a second try.
    expect(h.emulator.admin.calls("profile")).toBe(1);
  });

  it("reports a 403 Not authorized to access scope as PROFILE_NOT_ACCESSIBLE, like the 401", async () => {
    const stranger = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    const unauthorized = await h.caught(h.client.getProfile(stranger, "34567890123456789"));
    h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "profile" });
    const forbidden = await h.caught(h.client.getProfile(refreshToken, "34567890123456789"));
    expect(forbidden).toMatchObject({
      code: unauthorized.code,
      status: 403,
      amazonError: "UNAUTHORIZED",
      amazonDescription: "Not authorized to access scope 34567890123456789",
    });
    expect(forbidden.code).toBe("PROFILE_NOT_ACCESSIBLE");
    expect(forbidden.message).toContain("not accessible with this grant");
    expect(forbidden.requestId).toMatch(/^[A-Z0-9]{20}$/);
  });

  it("retries once with a renewed token before reporting PROFILE_NOT_ACCESSIBLE", async () => {
    const stranger = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    await h.client.accessToken(stranger);
    const error = await h.caught(h.client.getProfile(stranger, "34567890123456789"));
    expect(error.code).toBe("PROFILE_NOT_ACCESSIBLE");
    expect(h.emulator.admin.calls("profile")).toBe(2);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(2);
  });

  it("reports a profile asked of another region's host as PROFILE_NOT_ACCESSIBLE, naming the region", async () => {
    const error = await h.caught(h.client.getProfile(refreshToken, "1209876543210987"));
    expect(error).toMatchObject({ code: "PROFILE_NOT_ACCESSIBLE", status: 401 });
    expect(error.amazonDescription).toBe("No matching advertiser found for scope");
    expect(error.message).toContain("check that the region matches the profile's country");
  });

  it("refuses a non-numeric id before sending anything", async () => {
    const error = await h.caught(h.client.getProfile(refreshToken, "../testAccounts"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(h.emulator.admin.calls("profile")).toBe(0);
  });
});
