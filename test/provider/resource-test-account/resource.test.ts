import { CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE } from "../../../src/amazon-ads/index.js";
import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { testAccountTiming } from "../../../src/provider/resource-test-account/timing.js";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_test_account";
let e: Emulated;
afterEach(() => e.finish());

const newCustomer = () =>
  e.emulator.admin.issueRefreshToken({
    userId: EMPTY_USER_ID,
    scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE],
  }).refreshToken;

describe("amazonads_test_account against the emulator (fake sleep)", () => {
  it("creates the account, waits until COMPLETED and finds its profile", async () => {
    e = await emulated({ testAccounts: { inProgressPolls: 2, pendingSeconds: 20 } });
    const created = await e.driver.create(TYPE, {
      refresh_token: newCustomer(),
      country_code: "DE",
      account_type: "VENDOR",
      vendor_code: "ABCDE",
    });
    expect(created.diagnostics).toEqual([]);
    expect(created.state).toMatchObject({
      id: expect.stringMatching(/^ENTITY/),
      request_id: expect.any(String),
      status: "COMPLETED",
      profile_id: expect.stringMatching(/^\d+$/),
    });
    // Polls every 10 s by default until the emulator's 20 s have passed.
    expect(e.sleeps).toEqual([10_000, 10_000]);
  });

  it("keeps a request that is not ready by the deadline, and a later read completes it", async () => {
    e = await emulated({
      testAccounts: { inProgressPolls: 1, pendingSeconds: 600 },
      env: { AMAZON_ADS_TEST_ACCOUNT_TIMEOUT_SECONDS: "30" },
    });
    const created = await e.driver.create(TYPE, {
      refresh_token: newCustomer(),
      country_code: "US",
      account_type: "AUTHOR",
    });
    expect(errors(created.diagnostics)).toEqual([]);
    expect(warnings(created.diagnostics)[0]?.summary).toBe(
      "The test account is not ready yet; its request is kept in state",
    );
    expect(created.state).toMatchObject({ status: "IN_PROGRESS", id: null, profile_id: null });
    e.advance(600);
    const read = await e.driver.read(TYPE, created.state!);
    expect(read.state).toMatchObject({
      status: "COMPLETED",
      id: expect.stringMatching(/^ENTITY/),
      profile_id: expect.stringMatching(/^\d+$/),
    });
  });

  it("reports Amazon's refusal (a user who manages accounts) and stores nothing", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken({
      scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE],
    });
    const created = await e.driver.create(TYPE, {
      refresh_token: refreshToken,
      country_code: "US",
      account_type: "AUTHOR",
    });
    expect(created.state).toBeNull();
    expect(errors(created.diagnostics)[0]?.summary).toBe("Amazon did not create the test account");
  });

  it("takes a renewed grant's refresh token in place instead of asking Amazon for another account", async () => {
    e = await emulated();
    const config = { refresh_token: newCustomer(), country_code: "US", account_type: "AUTHOR" };
    const created = await e.driver.create(TYPE, config);
    expect(errors(created.diagnostics)).toEqual([]);
    const renewed = { ...config, refresh_token: newCustomer() };
    const plan = await e.driver.plan(TYPE, renewed, created.state);
    expect(plan.requiresReplace).toEqual([]);
    expect(plan.planned).toMatchObject({
      id: created.state!.id,
      profile_id: created.state!.profile_id,
    });
    expect(plan.planned?.refresh_token).toBe(renewed.refresh_token);
  });

  it("only forgets the account on destroy, with a warning", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, {
      refresh_token: newCustomer(),
      country_code: "US",
      account_type: "AUTHOR",
    });
    const destroyed = await e.driver.apply(TYPE, null, null, created.state);
    expect(destroyed.state).toBeNull();
    expect(destroyed.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        summary: "Amazon has no API to delete test accounts; removed from state only",
      }),
    ]);
  });

  it("reads the wait from the environment, falling back on bad values", () => {
    expect(
      testAccountTiming({
        AMAZON_ADS_TEST_ACCOUNT_TIMEOUT_SECONDS: "90",
        AMAZON_ADS_TEST_ACCOUNT_POLL_SECONDS: "0.5",
      }),
    ).toEqual({ timeoutMs: 90_000, pollIntervalMs: 500 });
    expect(testAccountTiming({ AMAZON_ADS_TEST_ACCOUNT_TIMEOUT_SECONDS: "soon" })).toEqual({
      timeoutMs: 900_000,
      pollIntervalMs: 10_000,
    });
  });
});

describe("amazonads_test_account validation", () => {
  it("refuses a VENDOR account without vendor_code on vendor_code, with the fix in the detail", async () => {
    e = await emulated();
    const diagnostics = await e.driver.validate(TYPE, {
      refresh_token: "Atzr|x",
      country_code: "US",
      account_type: "VENDOR",
    });
    expect(diagnostics).toEqual([
      {
        severity: "error",
        summary: "vendor_code is required for a VENDOR test account",
        detail: expect.stringContaining(
          'Set vendor_code to the account\'s vendor code, such as "ABCDE"',
        ),
        attribute: "vendor_code",
      },
    ]);
    expect(e.emulator.admin.calls("testAccounts")).toBe(0);
  });

  it("accepts a VENDOR account with vendor_code, an AUTHOR account without, and unknown values", async () => {
    e = await emulated();
    const base = { refresh_token: "Atzr|x", country_code: "US" };
    expect(
      await e.driver.validate(TYPE, { ...base, account_type: "VENDOR", vendor_code: "ABCDE" }),
    ).toEqual([]);
    expect(await e.driver.validate(TYPE, { ...base, account_type: "AUTHOR" })).toEqual([]);
    expect(
      await e.driver.validate(TYPE, { ...base, account_type: "VENDOR", vendor_code: UNKNOWN }),
    ).toEqual([]);
    expect(await e.driver.validate(TYPE, { ...base, account_type: UNKNOWN })).toEqual([]);
  });
});
