import { START, startHarness, type Harness } from "./support.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.finish());

const refreshCalls = (): number => h.emulator.admin.calls("token", "refresh_token");

describe("access tokens and their cache, client against emulator (fake clock and sleep)", () => {
  it("gets the same refresh token back from every refresh (LwA does not rotate them)", async () => {
    const { refreshToken } = h.grant();
    const first = await h.client.refreshAccessToken(refreshToken);
    const second = await h.client.refreshAccessToken(refreshToken);
    expect(first.refreshToken).toBe(refreshToken);
    expect(second.refreshToken).toBe(refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    // The first access token stays valid: a refresh adds a token, it does not replace one.
    const api = h.client.api;
    await expect(api.listProfiles(first.accessToken)).resolves.toHaveLength(3);
    await expect(api.listProfiles(second.accessToken)).resolves.toHaveLength(3);
    expect(refreshCalls()).toBe(2);
  });

  it("reuses the cached access token instead of asking LwA again", async () => {
    const { refreshToken } = h.grant();
    const first = await h.client.accessToken(refreshToken);
    const again = await h.client.accessToken(refreshToken);
    await h.client.listProfiles(refreshToken);
    await h.client.getProfile(refreshToken, "34567890123456789");
    expect(first).toMatchObject({ fromNetwork: true, expiresAt: new Date(START + 3600_000) });
    expect(again).toEqual({ ...first, fromNetwork: false });
    expect(refreshCalls()).toBe(1);
  });

  // `h.advance` moves the emulator's clock, which is also the client's (see support.ts), so the
  // client's 60 s margin and the emulator's 3600 s lifetime are measured on one timeline.
  it("renews the token once less than 60 s of it are left, and the emulator takes the new one", async () => {
    const { refreshToken } = h.grant();
    const first = await h.client.accessToken(refreshToken);
    h.advance(3539); // 61 s left: still served from the cache
    expect(await h.client.accessToken(refreshToken)).toEqual({ ...first, fromNetwork: false });
    h.advance(1); // 60 s left: renewed
    const renewed = await h.client.accessToken(refreshToken);
    expect(renewed.fromNetwork).toBe(true);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(renewed.expiresAt.getTime()).toBe(START + (3540 + 3600) * 1000);
    expect(refreshCalls()).toBe(2);
    // An hour after it was issued the emulator refuses the first token and accepts the renewed one.
    h.advance(60);
    const refused = await h.caught(h.client.api.listProfiles(first.accessToken));
    expect(refused).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    await expect(h.client.api.listProfiles(renewed.accessToken)).resolves.toHaveLength(3);
  });

  it("renews an expired token before calling the Ads API, not after a 401", async () => {
    const { refreshToken } = h.grant();
    await h.client.listProfiles(refreshToken);
    h.advance(7200);
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(refreshCalls()).toBe(2);
    expect(h.emulatorLog.filter((entry) => entry.status === 401)).toEqual([]);
  });

  it("answers 100 concurrent accessToken calls with exactly one token call", async () => {
    const { refreshToken } = h.grant();
    const lookups = await Promise.all(
      Array.from({ length: 100 }, () => h.client.accessToken(refreshToken)),
    );
    expect(refreshCalls()).toBe(1);
    expect(h.emulator.admin.peakConcurrency("token")).toBe(1);
    expect(new Set(lookups.map((lookup) => lookup.accessToken)).size).toBe(1);
    expect(lookups.every((lookup) => lookup.fromNetwork)).toBe(true);
  });

  it("merges 100 concurrent renewals of an expired token into one token call", async () => {
    const { refreshToken } = h.grant();
    await h.client.accessToken(refreshToken);
    h.advance(3600);
    const profiles = await Promise.all(
      Array.from({ length: 100 }, () => h.client.listProfiles(refreshToken)),
    );
    expect(refreshCalls()).toBe(2);
    expect(h.emulator.admin.calls("profiles")).toBe(100);
    expect(profiles.every((list) => list.length === 3)).toBe(true);
  });

  it("uses an access token from the EU token endpoint on the FE host", async () => {
    const { refreshToken } = h.grant();
    const { accessToken } = await h.clientFor({ region: "EU" }).accessToken(refreshToken);
    const fe = h.clientFor({ region: "FE" });
    await expect(fe.api.listProfiles(accessToken)).resolves.toHaveLength(2);
    expect(h.emulatorLog.map((entry) => entry.path)).toEqual([
      "/eu/auth/o2/token",
      "/fe/v2/profiles",
    ]);
  });

  it("keeps grants apart: two refresh tokens, two token calls", async () => {
    const [a, b] = [h.grant(), h.grant()];
    const [tokenA, tokenB] = await Promise.all([
      h.client.accessToken(a.refreshToken),
      h.client.accessToken(b.refreshToken),
    ]);
    expect(tokenA.accessToken).not.toBe(tokenB.accessToken);
    expect(refreshCalls()).toBe(2);
  });

  it("renews once and retries when a seeded token is one the emulator does not accept", async () => {
    const { refreshToken } = h.grant();
    const stale = `Atza|IwEBstale-token-from-an-old-state-file`;
    h.rememberSecret(stale);
    h.client.seedAccessToken(refreshToken, {
      accessToken: stale,
      expiresAt: new Date(START + 1800_000),
    });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.emulator.admin.calls("profiles")).toBe(2);
    expect(refreshCalls()).toBe(1);
  });

  it("uses a seeded token that the emulator accepts without any token call", async () => {
    const { refreshToken, accessToken, expiresIn } = h.grant();
    h.client.seedAccessToken(refreshToken, {
      accessToken,
      expiresAt: new Date(START + expiresIn * 1000),
    });
    await expect(h.client.listProfiles(refreshToken)).resolves.toHaveLength(3);
    expect(h.emulator.admin.calls("token")).toBe(0);
  });
});
