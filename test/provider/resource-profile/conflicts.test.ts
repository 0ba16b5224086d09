import type { Profile } from "../../../src/amazon-ads/index.js";
import {
  marketplaceCountryConflict,
  selectorConflicts,
} from "../../../src/provider/resource-profile/conflicts.js";
import type { ProfileSelectors } from "../../../src/provider/resource-profile/selectors.js";

const base: ProfileSelectors = { accessLevel: "edit", apiProgram: "campaign" };

const seller: Profile = {
  profileId: "34567890123456789",
  countryCode: "US",
  currencyCode: "USD",
  timezone: "America/Los_Angeles",
  accountInfo: {
    marketplaceStringId: "ATVPDKIKX0DER",
    id: "A3EMULATRSELLNA",
    type: "seller",
    name: "Acme Outdoor US",
  },
};

describe("conflicting profile selectors", () => {
  it("finds a marketplace of another country than country_code, naming both fixes", () => {
    expect(marketplaceCountryConflict("US", "A1PA6795UKMFR9")).toEqual({
      summary: "marketplace_id and country_code contradict each other",
      detail:
        'marketplace_id = "A1PA6795UKMFR9" is the marketplace of DE, but country_code = "US": no ' +
        'profile is in both. Remove one of them, or make them agree: country_code = "DE", or ' +
        'marketplace_id = "ATVPDKIKX0DER" (the US marketplace).',
    });
  });

  it("sees no conflict when they agree or when either is not a documented marketplace", () => {
    expect(marketplaceCountryConflict("DE", "A1PA6795UKMFR9")).toBeUndefined();
    expect(marketplaceCountryConflict("US", "A9NEWMARKETPLACE")).toBeUndefined();
    // A country Amazon has not documented cannot be the documented marketplace's country.
    expect(marketplaceCountryConflict("ZZ", "A1PA6795UKMFR9")?.detail).toBe(
      'marketplace_id = "A1PA6795UKMFR9" is the marketplace of DE, but country_code = "ZZ": no ' +
        'profile is in both. Remove one of them, or make them agree: country_code = "DE".',
    );
  });

  it("blames account_type when it excludes the seller profile profile_id names", () => {
    const conflicts = selectorConflicts(seller, {
      ...base,
      profileId: seller.profileId,
      accountType: "vendor",
    });
    expect(conflicts).toEqual([
      {
        attribute: "account_type",
        summary: "account_type excludes the profile that profile_id selects",
        detail:
          'Profile 34567890123456789 ("Acme Outdoor US") is a seller profile in US (marketplace ' +
          'ATVPDKIKX0DER); account_type = "vendor" excludes it: remove account_type or set it to ' +
          '"seller".',
      },
    ]);
  });

  it("blames each selector that excludes the profile, one entry apiece", () => {
    const conflicts = selectorConflicts(seller, {
      ...base,
      profileId: seller.profileId,
      countryCode: "DE",
      marketplaceId: "A1PA6795UKMFR9",
      accountName: "Acme Outdoor DE",
      accountType: "seller",
    });
    expect(conflicts.map((c) => c.attribute)).toEqual([
      "country_code",
      "marketplace_id",
      "account_name",
    ]);
    expect(conflicts[0]!.detail).toContain(
      'country_code = "DE" excludes it: remove country_code or set it to "US"',
    );
    expect(conflicts[2]!.detail).toContain('set it to "Acme Outdoor US"');
  });

  it("names an agency profile with its article", () => {
    const agency = { ...seller, accountInfo: { ...seller.accountInfo, type: "agency" } };
    const [conflict] = selectorConflicts(agency, { ...base, accountType: "seller" });
    expect(conflict?.detail).toContain("is an agency profile in US");
  });

  it("says to remove account_name when the profile has no name", () => {
    const unnamed = { ...seller, accountInfo: { ...seller.accountInfo, name: undefined } };
    const [conflict] = selectorConflicts(unnamed, { ...base, accountName: "Acme" });
    expect(conflict?.detail).toBe(
      "Profile 34567890123456789 is a seller profile in US (marketplace ATVPDKIKX0DER); " +
        'account_name = "Acme" excludes it: the profile has no account name, so remove account_name.',
    );
  });

  it("finds nothing when every set selector agrees with the profile", () => {
    expect(
      selectorConflicts(seller, { ...base, profileId: seller.profileId, countryCode: "US" }),
    ).toEqual([]);
  });
});
