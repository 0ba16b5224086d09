import { AmazonAdsClient, type AmazonAdsClientOptions } from "../../src/amazon-ads/client.js";
import { fakeSeams, type FakeSeams } from "./support/fakes.js";
import {
  closeServers,
  sendJson,
  startServer,
  type Handler,
  type ReceivedRequest,
} from "./support/local-server.js";
import {
  CLIENT_ID,
  SECRETS,
  caught,
  expectNoSecretLeaked,
  observedCount,
  recordingLogger,
} from "./support/secrets.js";

const PROFILE = `{"profileId": 9876543210987654321, "countryCode": "DE", "currencyCode": "EUR",
  "timezone": "Europe/Paris", "accountInfo": {"marketplaceStringId": "A1PA6795UKMFR9",
  "id": "A2SELLER", "type": "seller", "name": "Acme DE"}}`;

let seams: FakeSeams;

beforeEach(() => {
  seams = fakeSeams();
});

afterEach(async () => {
  await closeServers();
  expectNoSecretLeaked();
});

/** A stand-in for Amazon that routes by path; each test overrides the routes it needs. */
async function amazon(
  routes: Record<string, Handler> = {},
  options: Partial<AmazonAdsClientOptions> = {},
) {
  let issued = 0;
  const defaults: Record<string, Handler> = {
    "/amazon/auth/o2/token": (_, res) =>
      sendJson(res, 200, {
        access_token: issued++ === 0 ? SECRETS.accessToken : SECRETS.accessToken2,
        refresh_token: SECRETS.refreshToken,
        token_type: "bearer",
        expires_in: 3600,
      }),
    "/amazon/eu/v2/profiles": (_, res) => sendJson(res, 200, `[${PROFILE}]`),
    "/amazon/eu/v2/profiles/9876543210987654321": (_, res) => sendJson(res, 200, PROFILE),
  };
  const table = { ...defaults, ...routes };
  const server = await startServer((request, response, index) => {
    const route = table[request.path];
    if (!route) return sendJson(response, 404, { code: "NOT_FOUND" });
    return route(request, response, index);
  });
  const client = new AmazonAdsClient({
    clientId: CLIENT_ID,
    clientSecret: SECRETS.clientSecret,
    region: "EU",
    endpoints: {
      tokenUrl: `${server.url}/amazon/auth/o2/token`,
      apiUrl: `${server.url}/amazon/eu`,
    },
    ...seams,
    logger: recordingLogger(),
    ...options,
  });
  const calls = (path: string): ReceivedRequest[] =>
    server.requests.filter((r) => r.path.startsWith(path));
  return { server, client, tokenCalls: () => calls("/amazon/auth").length, calls };
}

describe("AmazonAdsClient tokens", () => {
  it("answers 100 concurrent access-token requests with exactly one token call", async () => {
    const { client, tokenCalls } = await amazon();
    const lookups = await Promise.all(
      Array.from({ length: 100 }, () => client.accessToken(SECRETS.refreshToken)),
    );
    expect(tokenCalls()).toBe(1);
    expect(new Set(lookups.map((lookup) => lookup.accessToken)).size).toBe(1);
  });

  it("lists profiles 100 times at once with one token call", async () => {
    const { client, tokenCalls, calls } = await amazon();
    await Promise.all(Array.from({ length: 100 }, () => client.listProfiles(SECRETS.refreshToken)));
    expect(tokenCalls()).toBe(1);
    expect(calls("/amazon/eu/v2/profiles")).toHaveLength(100);
  });

  it("reuses the access token until 60 s before expiry, then renews (fake clock)", async () => {
    const { client, tokenCalls } = await amazon();
    expect((await client.accessToken(SECRETS.refreshToken)).fromNetwork).toBe(true);
    seams.advance(3600_000 - 61_000);
    const reused = await client.accessToken(SECRETS.refreshToken);
    expect(reused).toMatchObject({ accessToken: SECRETS.accessToken, fromNetwork: false });
    seams.advance(2_000);
    const renewed = await client.accessToken(SECRETS.refreshToken);
    expect(renewed).toMatchObject({ accessToken: SECRETS.accessToken2, fromNetwork: true });
    expect(tokenCalls()).toBe(2);
  });

  it("makes no token call when seeded with a fresh token from state", async () => {
    const { client, tokenCalls, calls } = await amazon();
    client.seedAccessToken(SECRETS.refreshToken, {
      accessToken: SECRETS.accessToken,
      expiresAt: new Date(seams.now() + 30 * 60_000),
    });
    const profiles = await client.listProfiles(SECRETS.refreshToken);
    expect(profiles[0]?.profileId).toBe("9876543210987654321");
    expect(tokenCalls()).toBe(0);
    expect(calls("/amazon/eu/v2/profiles")[0]?.headers.authorization).toBe(
      `Bearer ${SECRETS.accessToken}`,
    );
  });

  it("caches the token a code exchange returns", async () => {
    const { client, tokenCalls } = await amazon();
    const tokens = await client.redeemAuthorizationCode({
      code: SECRETS.code,
      redirectUri: "https://amazon.com",
    });
    await client.getProfile(tokens.refreshToken, "9876543210987654321");
    expect(tokenCalls()).toBe(1);
  });

  it("renews once and retries when Amazon refuses a cached token", async () => {
    const { client, tokenCalls, calls } = await amazon({
      "/amazon/eu/v2/profiles": (req, res) =>
        req.headers.authorization === `Bearer ${SECRETS.accessToken}`
          ? sendJson(res, 200, `[${PROFILE}]`)
          : sendJson(res, 401, { code: "UNAUTHORIZED", details: "Unauthorized" }),
    });
    client.seedAccessToken(SECRETS.refreshToken, {
      accessToken: "Atza|revoked-early",
      expiresAt: new Date(seams.now() + 3600_000),
    });
    const profiles = await client.listProfiles(SECRETS.refreshToken);
    expect(profiles).toHaveLength(1);
    expect(tokenCalls()).toBe(1);
    expect(calls("/amazon/eu/v2/profiles")).toHaveLength(2);
  });

  it("reports a profile as not accessible only after checking with a fresh token", async () => {
    const { client, tokenCalls, calls } = await amazon({
      "/amazon/eu/v2/profiles/111": (_, res) =>
        sendJson(res, 401, { code: "UNAUTHORIZED", details: "Not authorized to access scope 111" }),
    });
    client.seedAccessToken(SECRETS.refreshToken, {
      accessToken: SECRETS.accessToken,
      expiresAt: new Date(seams.now() + 3600_000),
    });
    const error = await caught(client.getProfile(SECRETS.refreshToken, "111"));
    expect(error.code).toBe("PROFILE_NOT_ACCESSIBLE");
    expect(error.message).toContain("cdktf-amazon-ads login");
    expect(tokenCalls()).toBe(1);
    expect(calls("/amazon/eu/v2/profiles/111")).toHaveLength(2);
  });

  it("does not loop when a freshly issued token is refused", async () => {
    const { client, tokenCalls, calls } = await amazon({
      "/amazon/eu/v2/profiles": (_, res) =>
        sendJson(res, 403, { code: "UNAUTHORIZED", details: "Forbidden" }),
    });
    const error = await caught(client.listProfiles(SECRETS.refreshToken));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(tokenCalls()).toBe(1);
    expect(calls("/amazon/eu/v2/profiles")).toHaveLength(1);
  });

  it("reports a revoked grant as REVOKED_GRANT without retrying", async () => {
    const { client, tokenCalls } = await amazon({
      "/amazon/auth/o2/token": (_, res) =>
        sendJson(res, 400, {
          error: "invalid_grant",
          error_description:
            "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
        }),
    });
    const error = await caught(client.listProfiles(SECRETS.refreshToken));
    expect(error.code).toBe("REVOKED_GRANT");
    expect(tokenCalls()).toBe(1);
    expect(seams.sleeps).toEqual([]);
    expect(observedCount()).toBeGreaterThan(0);
  });

  it("verifies credentials against the overridden token URL", async () => {
    const { client, tokenCalls } = await amazon({
      "/amazon/auth/o2/token": (_, res) => sendJson(res, 400, { error: "invalid_grant" }),
    });
    await client.verifyClientCredentials();
    expect(tokenCalls()).toBe(1);
  });
});

describe("AmazonAdsClient endpoints and consent", () => {
  it("builds the consent URL on the region's consent page", () => {
    const client = new AmazonAdsClient({
      clientId: CLIENT_ID,
      clientSecret: SECRETS.clientSecret,
      region: "FE",
    });
    const consent = client.consentUrl({
      redirectUri: "http://localhost:8765/callback",
      state: "s",
    });
    expect(consent.url.startsWith("https://apac.account.amazon.com/ap/oa?client_id=")).toBe(true);
    expect(client.region).toBe("FE");
    expect(client.endpoints.apiUrl).toBe("https://advertising-api-fe.amazon.com");
  });

  it("never shows the client secret when the client itself is inspected", async () => {
    const { client } = await amazon();
    const { inspect } = await import("node:util");
    expect(inspect(client, { depth: 6 })).not.toContain(SECRETS.clientSecret);
    expect(JSON.stringify(client)).not.toContain(SECRETS.clientSecret);
  });
});

describe("AmazonAdsClient test accounts", () => {
  it("creates a test account with a JSON body on the API host", async () => {
    const { client, calls } = await amazon({
      "/amazon/eu/testAccounts": (_, res) => sendJson(res, 200, { requestId: "REQ-1" }),
    });
    const receipt = await client.createTestAccount(SECRETS.refreshToken, {
      countryCode: "US",
      accountType: "VENDOR",
      vendorCode: "ABCDE",
    });
    expect(receipt).toEqual({ requestId: "REQ-1" });
    const [request] = calls("/amazon/eu/testAccounts");
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["amazon-advertising-api-clientid"]).toBe(CLIENT_ID);
    expect(JSON.parse(request?.body ?? "")).toEqual({
      countryCode: "US",
      accountType: "VENDOR",
      accountMetaData: { vendorCode: "ABCDE" },
    });
  });

  it("polls until COMPLETED and returns the account", async () => {
    const { client, calls } = await amazon({
      "/amazon/eu/testAccounts": (_, res) => {
        const polls = calls("/amazon/eu/testAccounts").length;
        sendJson(res, 200, [
          {
            countryCode: "US",
            accountType: "AUTHOR",
            status: polls < 4 ? "IN_PROGRESS" : "COMPLETED",
            ...(polls < 4 ? {} : { id: "ENTITYTEST", asins: ["B000TEST"] }),
          },
        ]);
      },
    });
    const account = await client.waitForTestAccount(SECRETS.refreshToken, "REQ-2", {
      pollIntervalMs: 5000,
    });
    expect(account).toEqual({
      countryCode: "US",
      accountType: "AUTHOR",
      id: "ENTITYTEST",
      status: "COMPLETED",
      asins: ["B000TEST"],
    });
    expect(calls("/amazon/eu/testAccounts").map((call) => call.query.get("requestId"))).toEqual([
      "REQ-2",
      "REQ-2",
      "REQ-2",
      "REQ-2",
    ]);
    expect(seams.sleeps).toEqual([5000, 5000, 5000]);
  });

  it("gives up at the deadline with TEST_ACCOUNT_NOT_READY naming the request", async () => {
    const { client, calls } = await amazon({
      "/amazon/eu/testAccounts": (_, res) =>
        sendJson(res, 200, [{ countryCode: "US", accountType: "AUTHOR", status: "IN_PROGRESS" }]),
    });
    const error = await caught(
      client.waitForTestAccount(SECRETS.refreshToken, "REQ-3", {
        timeoutMs: 20_000,
        pollIntervalMs: 5000,
      }),
    );
    expect(error.code).toBe("TEST_ACCOUNT_NOT_READY");
    expect(error.message).toContain("REQ-3");
    expect(error.message).toContain("IN_PROGRESS");
    expect(calls("/amazon/eu/testAccounts")).toHaveLength(5);
  });

  it("reports a failed request as TEST_ACCOUNT_FAILED", async () => {
    const { client } = await amazon({
      "/amazon/eu/testAccounts": (_, res) =>
        sendJson(res, 200, [{ countryCode: "US", accountType: "AUTHOR", status: "FAILED" }]),
    });
    const error = await caught(client.waitForTestAccount(SECRETS.refreshToken, "REQ-4"));
    expect(error.code).toBe("TEST_ACCOUNT_FAILED");
  });

  it("stops polling at once when aborted", async () => {
    const controller = new AbortController();
    const { client, calls } = await amazon(
      {
        "/amazon/eu/testAccounts": (_, res) =>
          sendJson(res, 200, [{ countryCode: "US", accountType: "AUTHOR", status: "IN_PROGRESS" }]),
      },
      {
        sleep: (_ms, signal) => {
          controller.abort();
          return Promise.reject(signal?.reason);
        },
      },
    );
    const error = await caught(
      client.waitForTestAccount(SECRETS.refreshToken, "REQ-5", { signal: controller.signal }),
    );
    expect(error.code).toBe("ABORTED");
    expect(calls("/amazon/eu/testAccounts")).toHaveLength(1);
  });

  it("says a grant without the test-account scope is the likely cause of a 403", async () => {
    const { client } = await amazon({
      "/amazon/eu/testAccounts": (_, res) =>
        sendJson(res, 403, { code: "UNAUTHORIZED", details: "Forbidden" }),
    });
    const error = await caught(
      client.createTestAccount(SECRETS.refreshToken, { countryCode: "US", accountType: "AUTHOR" }),
    );
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toContain("advertising::test:create_account");
  });
});
