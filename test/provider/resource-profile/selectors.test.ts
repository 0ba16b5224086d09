import type { Profile } from "../../../src/amazon-ads/index.js";
import {
  apiFilters,
  describeProfiles,
  describeSelectors,
  matchProfiles,
  mostSpecificSelector,
  selectionRegion,
  type ProfileSelectors,
} from "../../../src/provider/resource-profile/selectors.js";

const base: ProfileSelectors = { accessLevel: "edit", apiProgram: "campaign" };

const profile = (id: string, country: string, type: string, name?: string): Profile => ({
  profileId: id,
  countryCode: country,
  currencyCode: "USD",
  timezone: "America/Los_Angeles",
  accountInfo: { marketplaceStringId: `M-${country}`, id: `A-${id}`, type, name },
});

const profiles = [
  profile("34567890123456789", "US", "seller", "Acme US"),
  profile("3456789012345678901", "US", "agency", "Northwind"),
  profile("9007199254740993", "CA", "vendor"),
];

describe("profile selection rules", () => {
  it("looks in the country's region, else the marketplace's, else the provider's", () => {
    expect(selectionRegion({ ...base, countryCode: "UK" }, "NA")).toEqual({
      region: "EU",
      decidedBy: "country_code",
      unknownCountry: false,
    });
    expect(selectionRegion({ ...base, marketplaceId: "A1VC38T7YXB528" }, "NA").region).toBe("FE");
    expect(selectionRegion({ ...base, profileId: "1" }, "EU")).toEqual({
      region: "EU",
      decidedBy: "provider",
      unknownCountry: false,
    });
  });

  it("uses the provider's region for a well-formed country Amazon has not documented", () => {
    expect(selectionRegion({ ...base, countryCode: "ZZ" }, "FE")).toEqual({
      region: "FE",
      decidedBy: "provider",
      unknownCountry: true,
    });
  });

  it("sends account_type as profileTypeFilter, with program and access level", () => {
    expect(apiFilters({ ...base, accountType: "seller" })).toEqual({
      apiProgram: "campaign",
      accessLevel: "edit",
      profileTypeFilter: ["seller"],
    });
    expect(apiFilters(base)).toEqual({ apiProgram: "campaign", accessLevel: "edit" });
  });

  it("matches every set selector exactly, ids as exact strings", () => {
    expect(matchProfiles(profiles, { ...base, countryCode: "US" })).toHaveLength(2);
    expect(matchProfiles(profiles, { ...base, countryCode: "US", accountType: "seller" })).toEqual([
      profiles[0],
    ]);
    expect(matchProfiles(profiles, { ...base, profileId: "34567890123456788" })).toEqual([]);
    expect(matchProfiles(profiles, { ...base, accountName: "acme us" })).toEqual([]);
    expect(matchProfiles(profiles, { ...base, marketplaceId: "M-CA" })).toEqual([profiles[2]]);
  });

  it("blames the most specific selector", () => {
    expect(mostSpecificSelector({ ...base, countryCode: "US", profileId: "1" })).toBe("profile_id");
    expect(mostSpecificSelector({ ...base, countryCode: "US", accountName: "x" })).toBe(
      "account_name",
    );
    expect(mostSpecificSelector({ ...base, accountType: "seller" })).toBe("account_type");
    expect(mostSpecificSelector(base)).toBeUndefined();
  });

  it("describes selectors as HCL and candidates one per line", () => {
    expect(describeSelectors({ ...base, countryCode: "US", accountType: "seller" })).toBe(
      'country_code = "US", account_type = "seller"',
    );
    expect(describeSelectors(base)).toBe("no selector");
    expect(describeProfiles(profiles)).toBe(
      [
        '  - 34567890123456789  US  seller  "Acme US"',
        '  - 3456789012345678901  US  agency  "Northwind"',
        '  - 9007199254740993  CA  vendor  ""',
      ].join("\n"),
    );
    expect(describeProfiles(profiles, 1)).toContain("… and 2 more");
  });
});
