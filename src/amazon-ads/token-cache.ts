/**
 * Access tokens per grant, reused until shortly before they expire, with concurrent renewals
 * merged into one token request (Amazon's SDKs renew 60 s early but do not merge).
 */
import { createHash } from "node:crypto";
import { AmazonAdsError, isAmazonAdsError } from "./errors.js";

/** An access token and when it expires. */
export interface AccessToken {
  /** `Atza|…` (secret). */
  readonly accessToken: string;
  /** Expiry instant. */
  readonly expiresAt: Date;
}

/** An access token from the cache, and whether getting it took a token request. */
export interface AccessTokenLookup extends AccessToken {
  /** True when a token request was made for this call (alone or merged with concurrent ones). */
  readonly fromNetwork: boolean;
}

/** The grant a token belongs to. Only a hash of it is kept as the map key. */
export interface GrantKey {
  /** The LwA client id the refresh token was issued to. */
  readonly clientId: string;
  /** The refresh token (secret). */
  readonly refreshToken: string;
}

/** Fetches a new access token; the signal fires when every caller waiting for it has given up. */
export type RenewAccessToken = (signal: AbortSignal) => Promise<AccessToken>;

/** Options of {@link AccessTokenCache}. */
export interface AccessTokenCacheOptions {
  /** Clock in epoch ms. @default Date.now */
  readonly now?: () => number;
  /** A token is renewed once it has less than this left. @default 60000 */
  readonly renewBeforeMs?: number;
}

/** Options of {@link AccessTokenCache.get}. */
export interface AccessTokenRequestOptions {
  /** Stops this caller's wait; the shared renewal stops only when every waiter has stopped. */
  readonly signal?: AbortSignal;
  /** Renew even if the cached token looks valid (Amazon refused it). */
  readonly forceRenew?: boolean;
}

interface Renewal {
  readonly promise: Promise<AccessToken>;
  readonly controller: AbortController;
  waiters: number;
}

interface Entry {
  token?: AccessToken;
  renewal?: Renewal;
}

/** Grant-keyed access-token cache with merged renewals and seeding. */
export class AccessTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly renewBeforeMs: number;

  /** Creates an empty cache. */
  constructor(options: AccessTokenCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.renewBeforeMs = options.renewBeforeMs ?? 60_000;
  }

  /**
   * A valid access token for `grant`: the cached one while more than the margin is left,
   * otherwise one from `renew`, shared by every concurrent caller of the same grant.
   */
  async get(
    grant: GrantKey,
    renew: RenewAccessToken,
    options: AccessTokenRequestOptions = {},
  ): Promise<AccessTokenLookup> {
    const entry = this.entry(grant);
    if (!options.forceRenew && entry.token && this.isFresh(entry.token)) {
      return { ...entry.token, fromNetwork: false };
    }
    const renewal = entry.renewal ?? this.startRenewal(entry, renew);
    const token = await this.wait(entry, renewal, options.signal);
    return { ...token, fromNetwork: true };
  }

  /**
   * Stores a known token (from Terraform state, say) so that no request is made while it is
   * fresh. Returns false, storing nothing, when `expiresAt` is not a valid date.
   */
  seed(grant: GrantKey, token: AccessToken): boolean {
    if (Number.isNaN(token.expiresAt.getTime()) || !token.accessToken) return false;
    this.entry(grant).token = { accessToken: token.accessToken, expiresAt: token.expiresAt };
    return true;
  }

  /** The cached token when it is still fresh, without any request. */
  peek(grant: GrantKey): AccessToken | undefined {
    const token = this.entries.get(keyOf(grant))?.token;
    return token && this.isFresh(token) ? token : undefined;
  }

  /** Forgets the grant's token (a renewal in flight still completes for its waiters). */
  invalidate(grant: GrantKey): void {
    const entry = this.entries.get(keyOf(grant));
    if (entry) delete entry.token;
  }

  private isFresh(token: AccessToken): boolean {
    return token.expiresAt.getTime() - this.renewBeforeMs > this.now();
  }

  private entry(grant: GrantKey): Entry {
    const key = keyOf(grant);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    return entry;
  }

  private startRenewal(entry: Entry, renew: RenewAccessToken): Renewal {
    const controller = new AbortController();
    const promise = Promise.resolve()
      .then(() => renew(controller.signal))
      .then(
        (token) => {
          if (entry.renewal === renewal) entry.token = token;
          return token;
        },
        (error: unknown) => {
          // A grant Amazon refuses for good must not keep serving its last token.
          if (isAmazonAdsError(error, "REVOKED_GRANT", "INVALID_CLIENT")) delete entry.token;
          throw error;
        },
      )
      .finally(() => {
        if (entry.renewal === renewal) delete entry.renewal;
      });
    // Waiters handle the outcome; this only keeps an abandoned renewal from being "unhandled".
    promise.catch(() => undefined);
    const renewal: Renewal = { promise, controller, waiters: 0 };
    entry.renewal = renewal;
    return renewal;
  }

  private wait(
    entry: Entry,
    renewal: Renewal,
    signal: AbortSignal | undefined,
  ): Promise<AccessToken> {
    renewal.waiters++;
    return new Promise<AccessToken>((resolve, reject) => {
      let left = false;
      const leave = (): boolean => {
        if (left) return false;
        left = true;
        renewal.waiters--;
        signal?.removeEventListener("abort", onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!leave()) return;
        if (renewal.waiters === 0) {
          // Nobody wants this renewal any more: stop it, and let the next caller start afresh.
          if (entry.renewal === renewal) delete entry.renewal;
          renewal.controller.abort(signal?.reason);
        }
        reject(
          new AmazonAdsError(
            "ABORTED",
            "Getting an access token was cancelled before Login with Amazon answered.",
            { cause: signal?.reason },
          ),
        );
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      renewal.promise.then(
        (token) => {
          if (leave()) resolve(token);
        },
        (error: unknown) => {
          if (leave()) reject(error);
        },
      );
    });
  }
}

// The map key is a digest: a dump of the cache never shows a refresh token.
function keyOf(grant: GrantKey): string {
  return createHash("sha256").update(`${grant.clientId}\n${grant.refreshToken}`).digest("hex");
}
