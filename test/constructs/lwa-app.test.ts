import { Construct } from "constructs";
import { LwaApp } from "../../src/constructs/lwa-app.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, onlyResource, resolved, synthJson, testStack } from "./support.js";

describe("LwaApp", () => {
  it("synthesizes an aliased provider configuration and the amazonads_lwa_app resource", () => {
    const stack = testStack();
    new LwaApp(stack, "app", {
      clientId: CLIENT_ID,
      clientSecret: secretVariable(stack, "client_secret"),
      region: "EU",
      redirectUri: "https://example.com/callback",
      scopes: ["advertising::campaign_management", "advertising::test:create_account"],
      endpoints: {
        authorizationUrl: "http://127.0.0.1:9/{region}/ap/oa",
        tokenUrl: "http://127.0.0.1:9/{region}/auth/o2/token",
        apiUrl: "http://127.0.0.1:9/{region}",
      },
    });
    expect(synthJson(stack)).toMatchSnapshot();
  });

  it("leaves every setting to the provider's environment when given no props", () => {
    const stack = testStack();
    const app = new LwaApp(stack, "app");
    const json = synthJson(stack);
    expect(json.provider.amazonads).toEqual([{ alias: "app" }]);
    expect(onlyResource(json, "amazonads_lwa_app")).toEqual({ provider: "amazonads.app" });
    expect(app.region).toBeUndefined();
  });

  it("exposes the resource's attributes as references", () => {
    const stack = testStack();
    const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
    const address = `amazonads_lwa_app.${app.resource.friendlyUniqueId}`;
    expect(resolved(stack, app.clientId)).toBe(`\${${address}.client_id}`);
    expect(resolved(stack, app.authorizationUrl)).toBe(`\${${address}.authorization_url}`);
    expect(resolved(stack, app.redirectUri)).toBe(`\${${address}.redirect_uri}`);
    expect(resolved(stack, app.verifiedAt)).toBe(`\${${address}.verified_at}`);
  });

  it("gives several apps in one stack distinct aliases derived from their paths", () => {
    const stack = testStack();
    const us = new LwaApp(stack, "us");
    const eu = new LwaApp(new Construct(stack, "acme-eu"), "app", { region: "EU" });
    const fe = new LwaApp(new Construct(stack, "7fe"), "app", { region: "FE" });
    expect([us.alias, eu.alias, fe.alias]).toEqual(["us", "acme-eu_app", "app_7fe_app"]);
    const json = synthJson(stack);
    expect(json.provider.amazonads).toEqual([
      { alias: "us" },
      { alias: "acme-eu_app", region: "EU" },
      { alias: "app_7fe_app", region: "FE" },
    ]);
    const providers = Object.values(json.resource.amazonads_lwa_app).map(
      (r) => (r as { provider: string }).provider,
    );
    expect(providers.sort()).toEqual([
      "amazonads.acme-eu_app",
      "amazonads.app_7fe_app",
      "amazonads.us",
    ]);
    expect(Object.keys(json.terraform.required_providers)).toEqual(["amazonads"]);
  });

  it("refuses two apps whose paths give the same alias", () => {
    const stack = testStack();
    new LwaApp(stack, "a.b");
    expect(() => new LwaApp(new Construct(stack, "a"), "b")).toThrow(
      'stack/a/b: its provider alias "a_b" is already used by stack/a.b. Give one of the two LwaApps a different id.',
    );
  });

  it("refuses a literal client secret and says how to pass it", () => {
    const stack = testStack();
    expect(() => new LwaApp(stack, "app", { clientSecret: "s3cret-value" })).toThrow(
      /stack\/app: clientSecret was given as a literal string.*secretVariable\(this, "client_secret"\).*AMAZON_ADS_CLIENT_SECRET environment variable/,
    );
  });

  it("refuses a literal client id or region that cannot be right, and accepts references", () => {
    const stack = testStack();
    expect(() => new LwaApp(stack, "a", { clientId: "my-client" })).toThrow(
      /stack\/a: clientId must be a Login with Amazon client id/,
    );
    expect(() => new LwaApp(stack, "b", { region: "US" })).toThrow(
      'stack/b: region must be NA, EU or FE (Amazon Ads regions), not "US".',
    );
    const region = secretVariable(stack, "region");
    expect(() => new LwaApp(stack, "c", { region, clientId: region })).not.toThrow();
  });
});
