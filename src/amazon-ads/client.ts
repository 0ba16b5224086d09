/**
 * One object for one LwA client application in one region: consent URLs, tokens (cached per
 * grant), profiles, test accounts, Ads accounts and manager accounts. What the provider handlers
 * and the CLI call.
 */
import type { AdsAccount, ManagerAccount } from "./ads-accounts.js";
import { AdsApiClient } from "./ads-api.js";
import { buildConsentUrl, type ConsentRequest, type ConsentUrlOptions } from "./consent.js";
import { checkConsentUrl, type ConsentUrlVerdict } from "./consent-check.js";
import { resolveEndpoints, type EndpointOverrides, type ResolvedEndpoints } from "./endpoints.js";
import { isAmazonAdsError } from "./errors.js";
import { Transport, type CallOptions, type HttpOptions } from "./http.js";
import { LwaClient, type CodeRedemption, type TokenSet } from "./lwa.js";
import type { Profile, ProfileFilters } from "./profiles.js";
import type { Region } from "./regions.js";
import {
  checkTestAccountRequest,
  waitForTestAccount,
  type TestAccount,
  type TestAccountReceipt,
  type TestAccountRequest,
  type WaitForTestAccountOptions,
} from "./test-accounts.js";
import {
  AccessTokenCache,
  type AccessToken,
  type AccessTokenLookup,
  type AccessTokenRequestOptions,
} from "./token-cache.js";

/** What {@link AmazonAdsClient} needs; the transport settings (timeouts, retry, seams, logger) too. */
export interface AmazonAdsClientOptions extends HttpOptions {
  /** The LwA client id. */
  readonly clientId: string;
  /** The LwA client secret. */
  readonly clientSecret: string;
  /** Amazon Ads region. @default "NA" */
  readonly region?: Region;
  /** Endpoint replacements (emulator, proxies). */
  readonly endpoints?: EndpointOverrides;
  /** Cache to share between clients of one process. @default a new cache on the client's clock */
  readonly tokenCache?: AccessTokenCache;
}

/** Consent URL options the client fills in itself (client id, consent page, randomness). */
export type ClientConsentUrlOptions = Omit<ConsentUrlOptions, "clientId" | "authorizationUrl">;

/** The Amazon Ads client for one LwA app in one region. */
export class AmazonAdsClient {
  /** The LwA client id. */
  readonly clientId: string;
  /** Where each call goes. */
  readonly endpoints: ResolvedEndpoints;
  /** The token endpoint client. */
  readonly lwa: LwaClient;
  /** The Ads API client for the region's host. */
  readonly api: AdsApiClient;
  /** The access-token cache used by the grant-based methods. */
  readonly tokenCache: AccessTokenCache;
  private readonly transport: Transport;
  private readonly testAccountApi: AdsApiClient;

  /** Resolves endpoints (throwing `INVALID_ARGUMENT` for a bad override); makes no request. */
  constructor(options: AmazonAdsClientOptions) {
    this.clientId = options.clientId;
    this.endpoints = resolveEndpoints(options.region ?? "NA", options.endpoints);
    this.transport = new Transport(options);
    this.lwa = new LwaClient({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      tokenUrl: this.endpoints.tokenUrl,
      transport: this.transport,
    });
    const api = { clientId: options.clientId, transport: this.transport };
    this.api = new AdsApiClient({ ...api, apiUrl: this.endpoints.apiUrl });
    this.testAccountApi = new AdsApiClient({ ...api, apiUrl: this.endpoints.testAccountApiUrl });
    this.tokenCache = options.tokenCache ?? new AccessTokenCache({ now: this.transport.seams.now });
  }

  /** The region the client talks to. */
  get region(): Region {
    return this.endpoints.region;
  }

  /** A consent URL for this app on the region's consent page (PKCE S256 and fresh state by default). */
  consentUrl(options: ClientConsentUrlOptions): ConsentRequest {
    return buildConsentUrl({
      ...options,
      clientId: this.clientId,
      authorizationUrl: this.endpoints.authorizationUrl,
    });
  }

  /**
   * Asks Login with Amazon whether a consent URL would work (no sign-in, no redirect followed):
   * `refused` when it answers with its 400 page. Throws on network failures and outages.
   */
  checkConsentUrl(url: string, options: CallOptions = {}): Promise<ConsentUrlVerdict> {
    return checkConsentUrl(this.transport, url, options);
  }

  /** Checks the client id and secret; throws `INVALID_CLIENT` when LwA rejects them. */
  verifyClientCredentials(options: CallOptions = {}): Promise<void> {
    return this.lwa.verifyClientCredentials(options);
  }

  /** Redeems an authorization code (once) and caches the access token it yields. */
  async redeemAuthorizationCode(
    redemption: CodeRedemption,
    options: CallOptions = {},
  ): Promise<TokenSet> {
    const tokens = await this.lwa.redeemAuthorizationCode(redemption, options);
    this.seedAccessToken(tokens.refreshToken, tokens);
    return tokens;
  }

  /** Refreshes unconditionally (bypassing the cache) and caches the result. */
  async refreshAccessToken(refreshToken: string, options: CallOptions = {}): Promise<TokenSet> {
    const tokens = await this.lwa.refreshAccessToken(refreshToken, options);
    this.seedAccessToken(refreshToken, tokens);
    return tokens;
  }

  /** Seeds the cache with a known token (from state) so no request is made while it is fresh. */
  seedAccessToken(refreshToken: string, token: AccessToken): boolean {
    return this.tokenCache.seed({ clientId: this.clientId, refreshToken }, token);
  }

  /**
   * A valid access token for the grant: cached while more than 60 s remain, otherwise renewed
   * (concurrent renewals merged). `fromNetwork` says whether a token request was made.
   */
  accessToken(
    refreshToken: string,
    options: AccessTokenRequestOptions = {},
  ): Promise<AccessTokenLookup> {
    return this.tokenCache.get(
      { clientId: this.clientId, refreshToken },
      (signal) => this.lwa.refreshAccessToken(refreshToken, { signal }),
      options,
    );
  }

  /** The grant's profiles on the region's host (an empty list may mean another region). */
  listProfiles(
    refreshToken: string,
    filters: ProfileFilters = {},
    options: CallOptions = {},
  ): Promise<Profile[]> {
    return this.withAccessToken(refreshToken, options, (token) =>
      this.api.listProfiles(token, filters, options),
    );
  }

  /** One profile by id; `PROFILE_NOT_FOUND` or `PROFILE_NOT_ACCESSIBLE` when it cannot be used. */
  getProfile(refreshToken: string, profileId: string, options: CallOptions = {}): Promise<Profile> {
    return this.withAccessToken(refreshToken, options, (token) =>
      this.api.getProfile(token, profileId, options),
    );
  }

  /**
   * Every global Ads account the grant's user reaches (`POST /adsAccounts/list`, all pages), asked
   * of this region's host. Amazon does not say whether other regions' hosts answer the same list.
   */
  listAdsAccounts(refreshToken: string, options: CallOptions = {}): Promise<AdsAccount[]> {
    return this.withAccessToken(refreshToken, options, (token) =>
      this.api.listAdsAccounts(token, options),
    );
  }

  /** The manager accounts the grant's user belongs to (`GET /managerAccounts`). */
  listManagerAccounts(refreshToken: string, options: CallOptions = {}): Promise<ManagerAccount[]> {
    return this.withAccessToken(refreshToken, options, (token) =>
      this.api.listManagerAccounts(token, options),
    );
  }

  /**
   * Asks Amazon (on the NA host, or the NA form of a `{region}` API URL override) to create a test
   * account. A `VENDOR` request without a vendor code is refused (`INVALID_ARGUMENT`) before any
   * request, the token's included.
   */
  async createTestAccount(
    refreshToken: string,
    request: TestAccountRequest,
    options: CallOptions = {},
  ): Promise<TestAccountReceipt> {
    checkTestAccountRequest(request);
    return this.withAccessToken(refreshToken, options, (token) =>
      this.testAccountApi.createTestAccount(token, request, options),
    );
  }

  /** The accounts of a test-account request as Amazon reports them now (one call, no waiting). */
  testAccountStatus(
    refreshToken: string,
    requestId: string,
    options: CallOptions = {},
  ): Promise<TestAccount[]> {
    return this.withAccessToken(refreshToken, options, (token) =>
      this.testAccountApi.listTestAccounts(token, requestId, options),
    );
  }

  /** Polls a test-account request until `COMPLETED`, the deadline, failure or abort. */
  waitForTestAccount(
    refreshToken: string,
    requestId: string,
    options: WaitForTestAccountOptions = {},
  ): Promise<TestAccount> {
    return waitForTestAccount(
      requestId,
      (signal) =>
        this.withAccessToken(refreshToken, { signal }, (token) =>
          this.testAccountApi.listTestAccounts(token, requestId, signal ? { signal } : {}),
        ),
      this.transport.seams,
      options,
    );
  }

  // A token from the cache (seeded from state, say) may have been revoked early: when Amazon
  // refuses it, renew once and retry, so a stale token is never reported as lost access.
  private async withAccessToken<T>(
    refreshToken: string,
    options: { readonly signal?: AbortSignal | undefined },
    call: (accessToken: string) => Promise<T>,
  ): Promise<T> {
    const signal = options.signal ? { signal: options.signal } : {};
    const token = await this.accessToken(refreshToken, signal);
    try {
      return await call(token.accessToken);
    } catch (error) {
      if (token.fromNetwork || !isAmazonAdsError(error, "UNAUTHORIZED", "PROFILE_NOT_ACCESSIBLE")) {
        throw error;
      }
      const renewed = await this.accessToken(refreshToken, { ...signal, forceRenew: true });
      return call(renewed.accessToken);
    }
  }
}
