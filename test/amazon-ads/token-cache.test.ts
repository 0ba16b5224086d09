import { inspect } from "node:util";
import { AmazonAdsError } from "../../src/amazon-ads/errors.js";
import {
  AccessTokenCache,
  type AccessToken,
  type RenewAccessToken,
} from "../../src/amazon-ads/token-cache.js";
import { CLIENT_ID, SECRETS, caught, expectNoSecretLeaked } from "./support/secrets.js";

const GRANT = { clientId: CLIENT_ID, refreshToken: SECRETS.refreshToken };
const START = Date.UTC(2025, 8, 1, 12, 0, 0);

afterEach(() => expectNoSecretLeaked());

/** A fake renewal whose answers the test releases by hand. */
function fakeRenewal() {
  const calls: {
    signal: AbortSignal;
    resolve: (token: AccessToken) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const renew: RenewAccessToken = (signal) =>
    new Promise<AccessToken>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { renew, calls };
}

function token(accessToken: string, expiresAt: number): AccessToken {
  return { accessToken, expiresAt: new Date(expiresAt) };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("access-token cache (fake renewal, fake clock)", () => {
  it("reuses a token until 60 s before it expires, then renews it", async () => {
    let now = START;
    const cache = new AccessTokenCache({ now: () => now });
    let issued = 0;
    const renew: RenewAccessToken = async () => token(`t${++issued}`, now + 3600_000);
    expect(await cache.get(GRANT, renew)).toMatchObject({ accessToken: "t1", fromNetwork: true });
    now += 3600_000 - 60_001;
    expect(await cache.get(GRANT, renew)).toMatchObject({ accessToken: "t1", fromNetwork: false });
    now += 1;
    expect(await cache.get(GRANT, renew)).toMatchObject({ accessToken: "t2", fromNetwork: true });
    expect(issued).toBe(2);
  });

  it("serves a seeded token without any renewal while it is fresh", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    const { renew, calls } = fakeRenewal();
    expect(cache.seed(GRANT, token(SECRETS.accessToken, START + 30 * 60_000))).toBe(true);
    const lookup = await cache.get(GRANT, renew);
    expect(lookup).toEqual({
      ...token(SECRETS.accessToken, START + 30 * 60_000),
      fromNetwork: false,
    });
    expect(calls).toHaveLength(0);
    expect(cache.peek(GRANT)?.accessToken).toBe(SECRETS.accessToken);
  });

  it("renews a seeded token that is inside the margin, and ignores an unreadable seed", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    expect(cache.seed(GRANT, { accessToken: "x", expiresAt: new Date("garbage") })).toBe(false);
    cache.seed(GRANT, token("old", START + 59_000));
    expect(cache.peek(GRANT)).toBeUndefined();
    const lookup = await cache.get(GRANT, async () => token("new", START + 3600_000));
    expect(lookup).toMatchObject({ accessToken: "new", fromNetwork: true });
  });

  it("merges 100 concurrent renewals into one", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    const { renew, calls } = fakeRenewal();
    const lookups = Array.from({ length: 100 }, () => cache.get(GRANT, renew));
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(token("shared", START + 3600_000));
    const results = await Promise.all(lookups);
    expect(new Set(results.map((result) => result.accessToken))).toEqual(new Set(["shared"]));
    expect(results.every((result) => result.fromNetwork)).toBe(true);
  });

  it("keeps grants of different refresh tokens or client ids apart", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    const renewFor =
      (name: string): RenewAccessToken =>
      async () =>
        token(name, START + 3600_000);
    await cache.get(GRANT, renewFor("a"));
    const other = await cache.get({ ...GRANT, refreshToken: "Atzr|other" }, renewFor("b"));
    const otherClient = await cache.get({ ...GRANT, clientId: "amzn1.other" }, renewFor("c"));
    expect([other.accessToken, otherClient.accessToken]).toEqual(["b", "c"]);
    expect(cache.peek(GRANT)?.accessToken).toBe("a");
  });

  it("renews on demand when Amazon refused the cached token", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    cache.seed(GRANT, token("stale", START + 3600_000));
    const lookup = await cache.get(GRANT, async () => token("fresh", START + 3600_000), {
      forceRenew: true,
    });
    expect(lookup.accessToken).toBe("fresh");
  });

  it("keeps the shared renewal going when one of two callers gives up", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    const { renew, calls } = fakeRenewal();
    const leaving = new AbortController();
    const first = cache.get(GRANT, renew, { signal: leaving.signal });
    const second = cache.get(GRANT, renew);
    await settle();
    leaving.abort();
    expect((await caught(first)).code).toBe("ABORTED");
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve(token("kept", START + 3600_000));
    expect((await second).accessToken).toBe("kept");
  });

  it("stops the renewal when every caller gives up, and starts afresh for the next", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    const { renew, calls } = fakeRenewal();
    const controller = new AbortController();
    const waiting = cache.get(GRANT, renew, { signal: controller.signal });
    await settle();
    controller.abort();
    expect((await caught(waiting)).code).toBe("ABORTED");
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.reject(new AmazonAdsError("ABORTED", "cancelled"));
    const next = cache.get(GRANT, renew);
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(token("again", START + 3600_000));
    expect((await next).accessToken).toBe("again");
  });

  it("forgets a grant's token when Amazon says the grant is revoked", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    cache.seed(GRANT, token("old", START + 3600_000));
    const revoked = new AmazonAdsError("REVOKED_GRANT", "revoked");
    const error = await caught(
      cache.get(GRANT, () => Promise.reject(revoked), { forceRenew: true }),
    );
    expect(error.code).toBe("REVOKED_GRANT");
    expect(cache.peek(GRANT)).toBeUndefined();
  });

  it("forgets a token on request", () => {
    const cache = new AccessTokenCache({ now: () => START });
    cache.seed(GRANT, token("old", START + 3600_000));
    cache.invalidate(GRANT);
    expect(cache.peek(GRANT)).toBeUndefined();
  });

  it("never holds a refresh token as a readable key", async () => {
    const cache = new AccessTokenCache({ now: () => START });
    cache.seed(GRANT, token("a", START + 3600_000));
    expect(inspect(cache, { depth: 5, showHidden: true })).not.toContain(SECRETS.refreshToken);
    expect(inspect(cache, { depth: 5 })).toMatch(/'[0-9a-f]{64}'/);
  });
});
