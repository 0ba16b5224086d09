import { CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE } from "../../../src/amazon-ads/index.js";
import {
  DEMO_USER_ID,
  EMPTY_USER_ID,
  emulatorEndpointVariables,
} from "../../../src/emulator/index.js";
import { startHarness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => h.finish());

/** A valid VENDOR request. */
const VENDOR_ABCDE = { countryCode: "US", accountType: "VENDOR", vendorCode: "ABCDE" } as const;

/** A grant of the user who manages no Ads accounts, with the test-account scope. */
const newCustomer = (): string =>
  h.grant({ userId: EMPTY_USER_ID, scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE] })
    .refreshToken;

describe("test accounts, client against emulator (fake clock and sleep)", () => {
  beforeEach(async () => {
    // Completion needs 2 IN_PROGRESS answers and 12 s on the emulator's clock, which only the
    // client's (fake) sleeps between polls move forward.
    h = await startHarness({ testAccounts: { inProgressPolls: 2, pendingSeconds: 12 } });
  });

  it("creates a VENDOR account, waits until COMPLETED, and finds its profile", async () => {
    const grant = newCustomer();
    const { requestId } = await h.client.createTestAccount(grant, {
      countryCode: "US",
      accountType: "VENDOR",
      vendorCode: "ABCDE",
    });
    expect(requestId).toMatch(/^[A-Z0-9]{20}$/);
    const account = await h.client.waitForTestAccount(grant, requestId, { pollIntervalMs: 5000 });
    expect(account).toMatchObject({
      countryCode: "US",
      accountType: "VENDOR",
      status: "COMPLETED",
    });
    expect(account.id).toMatch(/^ENTITY/);
    // Polls at 0 s and 5 s answer IN_PROGRESS; 10 s is too early; 15 s completes.
    expect(h.sleeps).toEqual([5000, 5000, 5000]);
    expect(h.emulator.admin.calls("testAccounts")).toBe(5);
    const profiles = await h.client.listProfiles(grant);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      countryCode: "US",
      accountInfo: { id: account.id, marketplaceStringId: "ATVPDKIKX0DER", type: "vendor" },
    });
    expect(BigInt(profiles[0]!.profileId)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    // The whole flow took one token call: every poll reused the cached access token.
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(1);
  });

  it("reports a request's status in one call, without waiting", async () => {
    const grant = newCustomer();
    const { requestId } = await h.client.createTestAccount(grant, {
      countryCode: "US",
      accountType: "VENDOR",
      vendorCode: "ABCDE",
    });
    const [first] = await h.client.testAccountStatus(grant, requestId);
    expect(first).toMatchObject({ countryCode: "US", status: "IN_PROGRESS" });
    expect(first?.id).toBeUndefined();
    expect(h.sleeps).toEqual([]);
    expect(h.emulator.admin.calls("testAccounts")).toBe(2);
  });

  it("creates an AUTHOR account in an EU marketplace, served by the EU host", async () => {
    const grant = newCustomer();
    const { requestId } = await h.client.createTestAccount(grant, {
      countryCode: "DE",
      accountType: "AUTHOR",
    });
    const account = await h.client.waitForTestAccount(grant, requestId);
    expect(account.asins).toHaveLength(3);
    expect(await h.client.listProfiles(grant)).toEqual([]);
    const [profile] = await h.clientFor({ region: "EU" }).listProfiles(grant);
    expect(profile).toMatchObject({
      countryCode: "DE",
      accountInfo: { id: account.id, subType: "KDP_AUTHOR" },
    });
  });

  it.each(["NA", "EU", "FE"] as const)(
    "sends test-account requests of a %s client to the NA host (endpoints with {region})",
    async (region) => {
      // The provider's way of pointing at an emulator: one set of variables for every region.
      const variables = emulatorEndpointVariables(h.emulator);
      const client = h.clientFor({
        region,
        endpoints: {
          authorizationUrl: variables.AMAZON_ADS_AUTHORIZATION_URL,
          tokenUrl: variables.AMAZON_ADS_TOKEN_URL,
          apiUrl: variables.AMAZON_ADS_API_URL,
        },
      });
      expect(client.endpoints.apiUrl).toBe(h.emulator.regions[region].apiUrl);
      const grant = newCustomer();
      const { requestId } = await client.createTestAccount(grant, {
        countryCode: "JP",
        accountType: "AUTHOR",
      });
      await client.testAccountStatus(grant, requestId);
      await client.waitForTestAccount(grant, requestId);
      const calls = h.emulatorLog.filter((entry) => entry.endpoint === "testAccounts");
      expect(calls.length).toBeGreaterThanOrEqual(3);
      expect(calls.every((entry) => entry.path === "/na/testAccounts")).toBe(true);
      expect(calls.every((entry) => entry.region === "NA" && entry.status === 200)).toBe(true);
    },
  );

  it("refuses a second AUTHOR account in one marketplace as REQUEST_REJECTED", async () => {
    const grant = newCustomer();
    await h.client.createTestAccount(grant, { countryCode: "US", accountType: "AUTHOR" });
    const error = await h.caught(
      h.client.createTestAccount(grant, { countryCode: "US", accountType: "AUTHOR" }),
    );
    expect(error).toMatchObject({ code: "REQUEST_REJECTED", status: 422 });
    expect(error.amazonDescription).toContain("only one is allowed per marketplace");
  });

  it("refuses a user who manages real Ads accounts as REQUEST_REJECTED", async () => {
    const grant = h.grant({
      userId: DEMO_USER_ID,
      scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE],
    }).refreshToken;
    const error = await h.caught(h.client.createTestAccount(grant, VENDOR_ABCDE));
    expect(error).toMatchObject({ code: "REQUEST_REJECTED", status: 422 });
  });

  it("reports a grant without the test-account scope as UNAUTHORIZED, naming the scope", async () => {
    const grant = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    const error = await h.caught(h.client.createTestAccount(grant, VENDOR_ABCDE));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 403 });
    expect(error.message).toContain("advertising::test:create_account");
  });

  it("reports TEST_ACCOUNT_NOT_READY when the deadline passes first", async () => {
    const grant = newCustomer();
    const { requestId } = await h.client.createTestAccount(grant, VENDOR_ABCDE);
    const error = await h.caught(
      h.client.waitForTestAccount(grant, requestId, { timeoutMs: 8000, pollIntervalMs: 4000 }),
    );
    expect(error.code).toBe("TEST_ACCOUNT_NOT_READY");
    expect(error.message).toContain(requestId);
    expect(h.sleeps).toEqual([4000, 4000]);
  });

  it.each([
    ["no vendor code", {}],
    ["a blank vendor code", { vendorCode: " " }],
  ])(
    "refuses a VENDOR request with %s before any request, saying to set the vendor code",
    async (_, extra) => {
      const grant = newCustomer();
      const error = await h.caught(
        h.client.createTestAccount(grant, { countryCode: "US", accountType: "VENDOR", ...extra }),
      );
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.message).toContain("set vendorCode");
      expect(h.emulator.admin.calls("testAccounts")).toBe(0);
      expect(h.emulator.admin.calls("token")).toBe(0);
    },
  );

  it("refuses a VENDOR request without a vendor code in the bare Ads API client too, before sending", async () => {
    const { accessToken } = await h.client.accessToken(newCustomer());
    const error = await h.caught(
      h.client.api.createTestAccount(accessToken, { countryCode: "US", accountType: "VENDOR" }),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(h.emulator.admin.calls("testAccounts")).toBe(0);
  });

  it("reports an unknown request id as REQUEST_REJECTED (404)", async () => {
    const error = await h.caught(
      h.client.waitForTestAccount(newCustomer(), "NOSUCHREQUEST0000000"),
    );
    expect(error).toMatchObject({ code: "REQUEST_REJECTED", status: 404 });
  });
});
