import { App, TerraformStack, TerraformVariable } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdvertisingProfileSet } from "../../src/constructs/advertising-profile-set.js";
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

describe("AdvertisingProfileSet", () => {
  it("selects one profile per country with the grant's refresh token through the app's provider", () => {
    const { stack, grant } = setup();
    new AdvertisingProfileSet(stack, "eu", {
      grant,
      countryCodes: ["DE", "FR", "IT"],
      accountType: "seller",
      accessLevel: "view",
    });
    expect(onlyResource(synthJson(stack), "amazonads_profile_set")).toMatchObject({
      provider: "amazonads.app",
      refresh_token: `\${amazonads_authorization.${grant.resource.friendlyUniqueId}.refresh_token}`,
      country_codes: ["DE", "FR", "IT"],
      account_type: "seller",
      access_level: "view",
    });
  });

  it("reads each country's profile by key, and the whole map", () => {
    const { stack, grant } = setup();
    const set = new AdvertisingProfileSet(stack, "eu", { grant, countryCodes: ["DE", "UK"] });
    const address = `amazonads_profile_set.${set.resource.friendlyUniqueId}`;
    expect(resolved(stack, set.profile("UK").profileId)).toBe(
      `\${${address}.profiles["UK"].profile_id}`,
    );
    expect(resolved(stack, set.profile("DE").apiUrl)).toBe(`\${${address}.profiles["DE"].api_url}`);
    expect(resolved(stack, set.profiles)).toBe(`\${${address}.profiles}`);
    expect(resolved(stack, set.profileIds)).toBe(`\${${address}.profile_ids}`);
    expect(set.countryCodes).toEqual(["DE", "UK"]);
  });

  it("refuses a country it does not select, listing those it does", () => {
    const { grant, stack } = setup();
    const set = new AdvertisingProfileSet(stack, "eu", { grant, countryCodes: ["DE", "FR"] });
    expect(() => set.profile("IT")).toThrow(
      'stack/eu: no profile is selected for "IT"; the set\'s countries are DE, FR.',
    );
  });

  describe("refuses at synth a country list that cannot select a set", () => {
    const cases: [string, () => string[], RegExp][] = [
      ["an empty list", () => [], /countryCodes is empty: name at least one marketplace country/],
      [
        "a country twice",
        () => ["DE", "FR", "DE"],
        /countryCodes lists "DE" twice \(items 0 and 2\)/,
      ],
      [
        '"GB"',
        () => ["DE", "GB"],
        /countryCodes\[1\] is "GB": Amazon Ads names the United Kingdom "UK"/,
      ],
      [
        "a lower-case code",
        () => ["de"],
        /countryCodes\[0\] is "de": a country code is two upper-case/,
      ],
    ];
    it.each(cases)("%s", (_, countryCodes, message) => {
      const { stack, grant } = setup();
      expect(
        () => new AdvertisingProfileSet(stack, "eu", { grant, countryCodes: countryCodes() }),
      ).toThrow(message);
    });

    it("a Terraform reference for the list or an item", () => {
      const { stack, grant } = setup();
      const list = new TerraformVariable(stack, "countries", { type: "list(string)" });
      const one = new TerraformVariable(stack, "country", { type: "string" });
      expect(
        () => new AdvertisingProfileSet(stack, "a", { grant, countryCodes: list.listValue }),
      ).toThrow(/stack\/a: countryCodes must be a list of country codes written in the program/);
      expect(
        () =>
          new AdvertisingProfileSet(stack, "b", { grant, countryCodes: ["DE", one.stringValue] }),
      ).toThrow(/stack\/b: countryCodes\[1\] is a Terraform reference/);
    });

    it("an account type Amazon does not use", () => {
      const { stack, grant } = setup();
      expect(
        () =>
          new AdvertisingProfileSet(stack, "eu", {
            grant,
            countryCodes: ["DE"],
            accountType: "Seller",
          }),
      ).toThrow('stack/eu: accountType must be one of seller, vendor, agency, not "Seller".');
    });
  });

  it("fails at synth when chosen in another stack with the grant, which stays in its own", () => {
    const outdir = mkdtempSync(join(tmpdir(), "profile-set-"));
    try {
      const app = new App({ outdir });
      const home = new TerraformStack(app, "connection");
      const grant = new AuthorizationGrant(home, "grant", {
        app: new LwaApp(home, "app", { clientId: CLIENT_ID }),
        refreshToken: secretVariable(home, "refresh_token"),
      });
      const other = new TerraformStack(app, "reporting");
      new AdvertisingProfileSet(other, "eu", { grant, countryCodes: ["DE", "FR"] });
      expect(() => app.synth()).toThrow(
        "stack reporting uses the refresh token of AuthorizationGrant connection/grant",
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
