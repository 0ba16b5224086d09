import { START, startHarness, type Harness } from "./support.js";

let h: Harness;
let refreshToken: string;
beforeEach(async () => {
  h = await startHarness();
  refreshToken = h.grant().refreshToken;
});
afterEach(() => h.finish());

const profileCalls = (): number => h.emulator.admin.calls("profiles");

describe("faults the client rides out, client against emulator (fake clock and sleep)", () => {
  it("waits the Retry-After seconds of a 429, then succeeds", async () => {
    h.emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "profiles",
      retryAfterSeconds: 7,
      times: 1,
    });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([7000]);
    expect(profileCalls()).toBe(2);
  });

  it("waits until a Retry-After HTTP-date of a 429 written on the emulator's clock", async () => {
    h.emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "token",
      retryAfterSeconds: 30,
      retryAfterFormat: "http-date",
      times: 1,
    });
    const token = await h.client.accessToken(refreshToken);
    // The date is START + 30 s on the emulator's clock; the client reads it on the same clock.
    expect(h.sleeps).toEqual([30_000]);
    expect(token.expiresAt.getTime()).toBe(START + 30_000 + 3600_000);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(2);
  });

  it("backs off exponentially when a 429 carries no Retry-After", async () => {
    h.emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "profiles",
      retryAfterFormat: "none",
      times: 2,
    });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([2000, 4000]);
  });

  it("reports THROTTLED when the throttling outlasts the attempts", async () => {
    h.emulator.admin.injectFault({ kind: "throttle", endpoint: "profiles", retryAfterSeconds: 1 });
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error).toMatchObject({ code: "THROTTLED", status: 429, attempts: 5 });
    expect(error.amazonError).toBe("TOO_MANY_REQUESTS");
    expect(h.sleeps).toEqual([1000, 1000, 1000, 1000]);
    expect(profileCalls()).toBe(5);
  });

  it("reports THROTTLED at once when Retry-After asks for more than the time bound", async () => {
    h.emulator.admin.injectFault({ kind: "throttle", endpoint: "profiles", retryAfterSeconds: 90 });
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error).toMatchObject({ code: "THROTTLED", attempts: 1 });
    expect(error.message).toContain("the next retry (in 90 s) would pass the retry time limit");
    expect(h.sleeps).toEqual([]);
  });

  it("rides out a burst of 500, 502, 503 and 504 with growing backoff", async () => {
    for (const status of [500, 502, 503, 504] as const) {
      h.emulator.admin.injectFault({
        kind: "server-error",
        endpoint: "profiles",
        status,
        times: 1,
      });
    }
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([2000, 4000, 8000, 16000]);
    expect(profileCalls()).toBe(5);
  });

  it("reports AMAZON_UNAVAILABLE with the Ads API's request id when 5xx outlasts the attempts", async () => {
    h.emulator.admin.injectFault({ kind: "server-error", endpoint: "profiles", status: 502 });
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error).toMatchObject({ code: "AMAZON_UNAVAILABLE", status: 502, attempts: 5 });
    expect(error.requestId).toBe(h.emulatorLog.at(-1)?.requestId);
  });

  it("retries a 5xx of the token endpoint on the way to the Ads API", async () => {
    h.emulator.admin.injectFault({
      kind: "server-error",
      endpoint: "token",
      status: 503,
      times: 2,
    });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([2000, 4000]);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(3);
  });

  it("retries a reset connection, then succeeds", async () => {
    h.emulator.admin.injectFault({ kind: "reset", endpoint: "profiles", times: 1 });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.sleeps).toEqual([2000]);
    expect(h.emulatorLog.map((entry) => entry.outcome)).toContain("reset");
  });

  it("reports NETWORK after the connection is reset on every attempt", async () => {
    h.emulator.admin.injectFault({ kind: "reset", endpoint: "token" });
    const error = await h.caught(h.client.accessToken(refreshToken));
    expect(error).toMatchObject({ code: "NETWORK", attempts: 5 });
    expect(error.message).toContain("ECONNRESET");
    expect(h.sleeps).toEqual([2000, 4000, 8000, 16000]);
  });

  it("retries a code exchange whose connection was reset before the emulator redeemed it", async () => {
    h.emulator.admin.injectFault({ kind: "reset", endpoint: "token", times: 1 });
    const code = h.emulator.admin.issueCode();
    const tokens = await h.client.redeemAuthorizationCode({
      code,
      redirectUri: h.emulator.redirectUri,
    });
    expect(tokens.refreshToken).toMatch(/^Atzr\|/);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("reports a revoked grant refused by the Ads API and LwA alike as REVOKED_GRANT", async () => {
    await h.client.listProfiles(refreshToken);
    h.emulator.admin.injectFault({ kind: "revoked" });
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error.code).toBe("REVOKED_GRANT");
    expect(h.sleeps).toEqual([]);
  });
});
