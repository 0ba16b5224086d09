import { AdvertisingProfile } from "../../src/constructs/advertising-profile.js";
import { AuthorizationGrant } from "../../src/constructs/authorization-grant.js";
import { LwaApp } from "../../src/constructs/lwa-app.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, onlyResource, resolved, synthJson, testStack } from "./support.js";

function setup() {
  const stack = testStack();
  const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
  const grant = new AuthorizationGrant(stack, "grant", {
    app,
    refreshToken: secretVariable(stack, "refresh_token"),
  });
  return { stack, grant };
}

describe("AdvertisingProfile", () => {
  it("selects a profile with the grant's refresh token through the app's provider", () => {
    const { stack, grant } = setup();
    new AdvertisingProfile(stack, "profile", {
      grant,
      profileId: "34567890123456789",
      countryCode: "US",
      marketplaceId: "ATVPDKIKX0DER",
      accountName: "Acme Outdoor US",
      accountType: "seller",
      accessLevel: "view",
      apiProgram: "report",
    });
    const json = synthJson(stack);
    expect(json).toMatchSnapshot();
    expect(onlyResource(json, "amazonads_profile")).toMatchObject({
      provider: "amazonads.app",
      refresh_token: `\${amazonads_authorization.${grant.resource.friendlyUniqueId}.refresh_token}`,
      profile_id: "34567890123456789",
    });
  });

  it("keeps a big profile id as the exact string it was given", () => {
    const { stack, grant } = setup();
    new AdvertisingProfile(stack, "profile", { grant, profileId: "3456789012345678901" });
    expect(synthText(stack)).toContain('"profile_id": "3456789012345678901"');
  });

  it("exposes the selected profile's attributes as references", () => {
    const { stack, grant } = setup();
    const profile = new AdvertisingProfile(stack, "profile", { grant, countryCode: "DE" });
    const address = `amazonads_profile.${profile.resource.friendlyUniqueId}`;
    for (const [value, attribute] of [
      [profile.profileId, "profile_id"],
      [profile.countryCode, "country_code"],
      [profile.marketplaceId, "marketplace_id"],
      [profile.currencyCode, "currency_code"],
      [profile.timezone, "timezone"],
      [profile.accountId, "account_id"],
      [profile.accountName, "account_name"],
      [profile.accountType, "account_type"],
      [profile.accountSubType, "account_sub_type"],
      [profile.region, "region"],
      [profile.apiUrl, "api_url"],
      [profile.adsAccountId, "ads_account_id"],
    ] as const) {
      expect(resolved(stack, value)).toBe(`\${${address}.${attribute}}`);
    }
  });

  it("refuses literal selectors that cannot match any profile", () => {
    const { stack, grant } = setup();
    expect(() => new AdvertisingProfile(stack, "a", { grant, profileId: "3.45e16" })).toThrow(
      /stack\/a: profileId must be the profile id as a string of digits/,
    );
    expect(() => new AdvertisingProfile(stack, "b", { grant, accountType: "Seller" })).toThrow(
      'stack/b: accountType must be one of seller, vendor, agency, not "Seller".',
    );
    expect(() => new AdvertisingProfile(stack, "c", { grant, accessLevel: "admin" })).toThrow(
      'stack/c: accessLevel must be one of edit, view, not "admin".',
    );
  });
});

function synthText(stack: Parameters<typeof synthJson>[0]): string {
  return JSON.stringify(synthJson(stack), null, 1);
}
