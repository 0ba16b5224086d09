import {
  CAMPAIGN_MANAGEMENT_SCOPE,
  TEST_ACCOUNT_SCOPE,
  type AmazonAdsClient,
  type Seams,
} from "../../../src/amazon-ads/index.js";
import {
  EMPTY_USER_ID,
  type EmulatorEndpoint,
  type FaultSpec,
} from "../../../src/emulator/index.js";
import { START, eventually, startHarness, type Harness } from "./support.js";

let h: Harness;
let refreshToken: string;
let seed: (client: AmazonAdsClient) => AmazonAdsClient;
beforeEach(async () => {
  h = await startHarness();
  const grant = h.grant();
  refreshToken = grant.refreshToken;
  // The access token is handed to clients as if read from state, so the faulted Ads API call is
  // the only request a test makes unless it is about the token endpoint.
  seed = (client) => {
    client.seedAccessToken(refreshToken, {
      accessToken: grant.accessToken,
      expiresAt: new Date(START + grant.expiresIn * 1000),
    });
    return client;
  };
  seed(h.client);
});
afterEach(() => h.finish());

/** A client whose fake sleep records the delay, then waits until the caller aborts. */
function clientThatSleepsUntilAborted(): AmazonAdsClient {
  const sleep: Seams["sleep"] = (ms, signal) => {
    h.sleeps.push(ms);
    return new Promise((_, reject) =>
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true }),
    );
  };
  return seed(h.clientFor({ sleep }));
}

describe("broken answers, client against emulator (fake clock and sleep)", () => {
  it("reports a hung Ads API as TIMEOUT after the per-request timeout, retried", async () => {
    h.emulator.admin.injectFault({ kind: "hang", endpoint: "profiles" });
    const client = seed(h.clientFor({ timeoutMs: 250, retry: { maxAttempts: 2 } }));
    const error = await h.caught(client.listProfiles(refreshToken));
    expect(error).toMatchObject({ code: "TIMEOUT", attempts: 2 });
    expect(error.message).toContain("did not answer GET");
    expect(h.sleeps).toEqual([2000]);
    await eventually(() => h.emulator.admin.inFlight("profiles") === 0);
    expect(h.emulatorLog.filter((entry) => entry.outcome === "abandoned")).toHaveLength(2);
  });

  it.each<[string, EmulatorEndpoint, FaultSpec["kind"]]>([
    ["an HTML page", "profiles", "html"],
    ["truncated JSON", "profiles", "truncated-json"],
    ["an empty 200", "profiles", "empty"],
    ["an HTML page", "token", "html"],
    ["truncated JSON", "token", "truncated-json"],
    ["an empty 200", "token", "empty"],
  ])(
    "reports %s from the %s endpoint as MALFORMED_RESPONSE, not retried",
    async (_what, endpoint, kind) => {
      h.emulator.admin.injectFault({ kind, endpoint } as FaultSpec);
      const call =
        endpoint === "token"
          ? h.client.refreshAccessToken(refreshToken)
          : h.client.listProfiles(refreshToken);
      const error = await h.caught(call);
      expect(error).toMatchObject({ code: "MALFORMED_RESPONSE", status: 200, attempts: 1 });
      expect(error.message).toMatch(/bytes\) that Amazon does not send/);
      expect(h.emulator.admin.calls(endpoint)).toBe(1);
      expect(h.sleeps).toEqual([]);
    },
  );

  it("reports an HTML error page in place of LwA's JSON error as MALFORMED_RESPONSE", async () => {
    h.emulator.admin.injectFault({ kind: "html", endpoint: "token", status: 400 });
    const error = await h.caught(h.client.verifyClientCredentials());
    expect(error).toMatchObject({ code: "MALFORMED_RESPONSE", status: 400 });
    expect(error.message).toContain("text/html");
  });

  it("retries an HTML 503 and reports AMAZON_UNAVAILABLE", async () => {
    h.emulator.admin.injectFault({ kind: "html", endpoint: "profiles", status: 503 });
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error).toMatchObject({ code: "AMAZON_UNAVAILABLE", status: 503, attempts: 5 });
  });
});

describe("cancellation, client against emulator (fake clock and sleep)", () => {
  it("aborts a request the emulator is still holding, as ABORTED", async () => {
    h.emulator.admin.injectFault({ kind: "hang", endpoint: "profiles" });
    const abort = new AbortController();
    const pending = h.caught(h.client.listProfiles(refreshToken, {}, { signal: abort.signal }));
    await eventually(() => h.emulator.admin.inFlight("profiles") === 1);
    abort.abort();
    const error = await pending;
    expect(error).toMatchObject({ code: "ABORTED", attempts: 1 });
    await eventually(() => h.emulator.admin.inFlight("profiles") === 0);
    expect(h.emulatorLog.at(-1)).toMatchObject({ endpoint: "profiles", outcome: "abandoned" });
  });

  it("aborts during the backoff between attempts, as ABORTED, without another attempt", async () => {
    h.emulator.admin.injectFault({ kind: "server-error", endpoint: "profiles" });
    const client = clientThatSleepsUntilAborted();
    const abort = new AbortController();
    const pending = h.caught(client.listProfiles(refreshToken, {}, { signal: abort.signal }));
    await eventually(() => h.sleeps.length === 1);
    abort.abort();
    const error = await pending;
    expect(error).toMatchObject({ code: "ABORTED", attempts: 1 });
    expect(h.sleeps).toEqual([2000]);
    expect(h.emulator.admin.calls("profiles")).toBe(1);
  });

  it("aborts a token renewal that every waiter gave up on, as ABORTED", async () => {
    h.emulator.admin.injectFault({ kind: "hang", endpoint: "token", times: 1 });
    const client = h.clientFor();
    const abort = new AbortController();
    const waiters = [1, 2, 3].map(() =>
      h.caught(client.accessToken(refreshToken, { signal: abort.signal })),
    );
    await eventually(() => h.emulator.admin.inFlight("token") === 1);
    abort.abort();
    for (const error of await Promise.all(waiters)) expect(error.code).toBe("ABORTED");
    await eventually(() => h.emulator.admin.inFlight("token") === 0);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(1);
    // The abandoned renewal left nothing behind: the next caller starts afresh and succeeds.
    await expect(client.accessToken(refreshToken)).resolves.toMatchObject({ fromNetwork: true });
  });

  it("aborts while waiting between test-account polls, as ABORTED", async () => {
    const grant = h.grant({
      userId: EMPTY_USER_ID,
      scopes: [CAMPAIGN_MANAGEMENT_SCOPE, TEST_ACCOUNT_SCOPE],
    }).refreshToken;
    const client = clientThatSleepsUntilAborted();
    const receipt = await client.createTestAccount(grant, {
      countryCode: "US",
      accountType: "VENDOR",
      vendorCode: "ABCDE",
    });
    const abort = new AbortController();
    const pending = h.caught(
      client.waitForTestAccount(grant, receipt.requestId, { signal: abort.signal }),
    );
    await eventually(() => h.sleeps.length === 1);
    abort.abort();
    expect((await pending).code).toBe("ABORTED");
    expect(h.emulator.admin.calls("testAccounts")).toBe(2);
  });
});
