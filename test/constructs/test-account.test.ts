import { AuthorizationGrant } from "../../src/constructs/authorization-grant.js";
import { LwaApp } from "../../src/constructs/lwa-app.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { TestAccount } from "../../src/constructs/test-account.js";
import { CLIENT_ID, resolved, synthJson, testStack } from "./support.js";

describe("TestAccount", () => {
  function setup() {
    const stack = testStack();
    const app = new LwaApp(stack, "app", {
      clientId: CLIENT_ID,
      scopes: ["advertising::campaign_management", "advertising::test:create_account"],
    });
    const grant = new AuthorizationGrant(stack, "grant", {
      app,
      refreshToken: secretVariable(stack, "refresh_token"),
    });
    return { stack, grant };
  }

  it("requests a test account with the grant, through the app's provider", () => {
    const { stack, grant } = setup();
    const account = new TestAccount(stack, "sandbox", {
      grant,
      countryCode: "US",
      accountType: "VENDOR",
      vendorCode: "ABCDE",
    });
    expect(synthJson(stack)).toMatchSnapshot();
    const address = `amazonads_test_account.${account.resource.friendlyUniqueId}`;
    expect(resolved(stack, account.accountId)).toBe(`\${${address}.id}`);
    expect(resolved(stack, account.status)).toBe(`\${${address}.status}`);
    expect(resolved(stack, account.profileId)).toBe(`\${${address}.profile_id}`);
    expect(resolved(stack, account.requestId)).toBe(`\${${address}.request_id}`);
  });

  it("refuses an account type Amazon does not create", () => {
    const { stack, grant } = setup();
    expect(
      () => new TestAccount(stack, "t", { grant, countryCode: "US", accountType: "SELLER" }),
    ).toThrow('stack/t: accountType must be VENDOR or AUTHOR, not "SELLER".');
  });
});
