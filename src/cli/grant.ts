/**
 * What `profiles` and `token` share: finding and reading the credentials file `login` wrote, and
 * an Amazon client for its grant, with failures turned into "what to do" messages.
 */
import { resolve } from "node:path";
import { AmazonAdsClient } from "../amazon-ads/client.js";
import {
  defaultCredentialsPath,
  readCredentialsFile,
  type StoredGrant,
} from "../amazon-ads/credentials-file.js";
import { isAmazonAdsError } from "../amazon-ads/errors.js";
import { calendarDate } from "../amazon-ads/grant-lifetime.js";
import { resolveEndpoints } from "../amazon-ads/endpoints.js";
import type { HttpOptions } from "../amazon-ads/http.js";
import type { Region } from "../amazon-ads/regions.js";
import type { AccessTokenCache } from "../amazon-ads/token-cache.js";
import { endpointOverridesFromEnv, ENV, optionOrEnv } from "./env.js";
import { grantExpiresAt, renewCommand } from "./grant-expiry.js";
import type { CliIo } from "./io.js";

/** The credentials file: `--credentials`, else `$AMAZON_ADS_CREDENTIALS_FILE`, else the default. */
export function credentialsPathFrom(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): string {
  return resolve(cwd, option ?? defaultCredentialsPath(env));
}

/** Reads the grant, warning on stderr when the file is readable by others or names another app. */
export async function loadGrant(path: string, io: CliIo): Promise<StoredGrant> {
  const { grant, permissionsTooOpen } = await readCredentialsFile(path);
  if (permissionsTooOpen) {
    io.err(
      `Warning: ${path} can be read by other users, and it holds a refresh token. ` +
        `Run: chmod 600 ${path}\n`,
    );
  }
  const envClientId = optionOrEnv(undefined, io.env, ENV.clientId);
  if (envClientId !== undefined && envClientId !== grant.clientId) {
    io.err(
      `Note: ${ENV.clientId} names another app than the grant in ${path} (${grant.clientId}); ` +
        `the grant's app is used, so ${ENV.clientSecret} must be that app's secret.\n`,
    );
  }
  return grant;
}

/** How to build clients for one grant. */
export interface GrantClientOptions {
  readonly grant: StoredGrant;
  readonly clientSecret: string;
  readonly env: NodeJS.ProcessEnv;
  /** The region whose Ads API host to use. @default the grant's */
  readonly region?: Region;
  /** Shared between the clients of one command, so the grant is refreshed once. */
  readonly tokenCache?: AccessTokenCache;
  readonly http?: HttpOptions;
}

/**
 * A client for the grant's app on `region`'s Ads API host. Tokens always come from the grant's
 * region's token endpoint (a token works in every region), with the environment's overrides.
 */
export function grantClient(options: GrantClientOptions): AmazonAdsClient {
  const { grant } = options;
  const region = options.region ?? grant.region;
  const overrides = endpointOverridesFromEnv(options.env);
  const tokenUrl = resolveEndpoints(grant.region, overrides).tokenUrl;
  return new AmazonAdsClient({
    ...options.http,
    clientId: grant.clientId,
    clientSecret: options.clientSecret,
    region,
    endpoints: { ...overrides, tokenUrl },
    ...(options.tokenCache ? { tokenCache: options.tokenCache } : {}),
  });
}

/**
 * Rewrites the failures a stored grant typically meets into messages about the file: a revoked
 * grant needs a new login, a rejected secret needs the right `AMAZON_ADS_CLIENT_SECRET`.
 */
export function explainGrantFailure(
  error: unknown,
  grant: StoredGrant,
  path: string,
  now: number = Date.now(),
): unknown {
  const expiresAt = grantExpiresAt(grant);
  if (isAmazonAdsError(error, "REVOKED_GRANT") && expiresAt !== undefined && now >= expiresAt) {
    return new Error(
      `The grant in ${path} expired on ${calendarDate(expiresAt)} (365 days after its consent), ` +
        `and Login with Amazon no longer accepts it. Run \`${renewCommand(path)}\` for a new ` +
        "consent of the same app and region, then deploy to replace the grant.",
    );
  }
  if (isAmazonAdsError(error, "REVOKED_GRANT")) {
    return new Error(
      `The grant in ${path} is no longer valid: the advertiser revoked the consent or it ` +
        `expired. Run \`cdktf-amazon-ads login\` again.`,
    );
  }
  if (isAmazonAdsError(error, "INVALID_CLIENT")) {
    return new Error(
      `Login with Amazon rejected the client secret for ${grant.clientId} (the app of the grant ` +
        `in ${path}). Set ${ENV.clientSecret} to that app's client secret.`,
    );
  }
  return error;
}
