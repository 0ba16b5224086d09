/**
 * The provider process's Amazon Ads clients: built lazily from the provider settings, one per
 * region a handler asks for, all sharing one access-token cache, so that a token the grant's read
 * seeded from state serves the profile's read too (a plan whose tokens are fresh makes no token
 * call). Nothing here runs at start-up: Terraform starts the provider several times per command.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  AccessTokenCache,
  AmazonAdsClient,
  resolveEndpoints,
  type AmazonAdsClientOptions,
  type HttpOptions,
  type Region,
  type ResolvedEndpoints,
} from "../amazon-ads/index.js";
import type { Logger } from "../plugin/index.js";
import { SETTING_ENV, type ProviderSettings } from "./settings.js";

/** What the handlers call on a client; fakes in unit tests implement the same. */
export type AdsClient = Pick<
  AmazonAdsClient,
  | "clientId"
  | "endpoints"
  | "verifyClientCredentials"
  | "checkConsentUrl"
  | "redeemAuthorizationCode"
  | "refreshAccessToken"
  | "seedAccessToken"
  | "accessToken"
  | "listProfiles"
  | "getProfile"
  | "createTestAccount"
  | "waitForTestAccount"
  | "testAccountStatus"
  | "listAdsAccounts"
  | "listManagerAccounts"
>;

/** Builds one region's client; the default is the real {@link AmazonAdsClient}. */
export type ClientFactory = (options: AmazonAdsClientOptions) => AdsClient;

/** The provider block lacks what a call to Amazon needs (the message says what to set). */
export class MissingCredentialsError extends Error {
  override readonly name = "MissingCredentialsError";
}

/** Options of {@link RegionClients}. */
export interface RegionClientsOptions {
  /** The resolved provider settings. */
  readonly settings: ProviderSettings;
  /** Transport settings for every client (clock, sleep, timeouts, retry bounds). */
  readonly http?: Omit<HttpOptions, "logger">;
  /** Builds a client. @default the real client */
  readonly createClient?: ClientFactory;
  /** Where client debug lines go outside any request (never in practice). */
  readonly fallbackLog: Logger;
}

/** The clients of one provider process, by region. */
export class RegionClients {
  /** The one access-token cache every client of this process shares. */
  readonly tokenCache: AccessTokenCache;
  private readonly clients = new Map<Region, AdsClient>();
  private readonly requestLog = new AsyncLocalStorage<Logger>();

  constructor(private readonly options: RegionClientsOptions) {
    this.tokenCache = new AccessTokenCache(options.http?.now ? { now: options.http.now } : {});
  }

  /** The provider settings the clients are built from. */
  get settings(): ProviderSettings {
    return this.options.settings;
  }

  /** A region's endpoints after overrides (`{region}` replaced); builds no client. */
  endpoints(region: Region): ResolvedEndpoints {
    return resolveEndpoints(region, this.options.settings.overrides);
  }

  /**
   * The region's client, built on first use. Throws {@link MissingCredentialsError} when the
   * provider has no client id or secret (or they are not known yet).
   */
  client(region: Region = this.options.settings.region): AdsClient {
    const existing = this.clients.get(region);
    if (existing) return existing;
    const { clientId, clientSecret, unknown } = this.options.settings;
    if (clientId === undefined || clientSecret === undefined) {
      throw new MissingCredentialsError(missingCredentials(clientId, unknown));
    }
    const create = this.options.createClient ?? ((o) => new AmazonAdsClient(o));
    const client = create({
      ...this.options.http,
      clientId,
      clientSecret: String(clientSecret.reveal()),
      region,
      endpoints: this.options.settings.overrides,
      tokenCache: this.tokenCache,
      // Lines go to the logger of the request being handled (they are redacted by the client).
      logger: {
        debug: (message, fields) =>
          (this.requestLog.getStore() ?? this.options.fallbackLog).debug(message, fields),
      },
    });
    this.clients.set(region, client);
    return client;
  }

  /** Runs `work` with client debug lines going to `log` (a handler's request logger). */
  withLog<T>(log: Logger, work: () => Promise<T>): Promise<T> {
    return this.requestLog.run(log, work);
  }
}

function missingCredentials(clientId: string | undefined, unknown: readonly string[]): string {
  const missing = clientId === undefined ? "client_id" : "client_secret";
  if (unknown.includes(missing)) {
    return (
      `The provider's ${missing} is not known until apply, but this step needs it now. ` +
      `Give ${missing} a value that is known at plan time (a variable or ${SETTING_ENV[missing]}).`
    );
  }
  return (
    `The amazonads provider has no ${missing}. Set ${missing} in the provider "amazonads" block ` +
    `or the ${SETTING_ENV[missing]} environment variable (the Login with Amazon app's ` +
    `${missing === "client_id" ? "client id" : "client secret"}, from the Amazon Developer console).`
  );
}
