/**
 * `login`'s options and environment turned into one checked set of settings. Pure: the
 * environment and the current directory are arguments, so precedence is easy to pin in tests.
 */
import { resolve } from "node:path";
import { DEFAULT_SCOPES } from "../../amazon-ads/consent.js";
import { defaultCredentialsPath } from "../../amazon-ads/credentials-file.js";
import type { EndpointOverrides } from "../../amazon-ads/endpoints.js";
import type { Region } from "../../amazon-ads/regions.js";
import {
  clientSecretFrom,
  endpointOverridesFromEnv,
  ENV,
  optionOrEnv,
  regionFrom,
} from "../env.js";
import { UsageError } from "../usage-error.js";
import {
  DEFAULT_REDIRECT_URI,
  listenPlanFor,
  parseRedirectUri,
  type ListenPlan,
} from "./redirect.js";

/** `login`'s command-line options as commander parsed them. */
export interface LoginOptions {
  readonly region?: Region;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly redirectUri?: string;
  readonly scope?: readonly string[];
  /** False with `--no-browser`. */
  readonly browser?: boolean;
  readonly paste?: boolean;
  readonly output?: string;
  readonly printEnv?: boolean;
  readonly timeout?: number;
  /** `--renew`: a new consent for the grant of the credentials file, written into it. */
  readonly renew?: boolean;
}

/** Everything one login run needs, checked. */
export interface LoginSettings {
  readonly clientId: string;
  /** Secret: passed to the client only, never printed. */
  readonly clientSecret: string;
  readonly region: Region;
  /** Endpoint overrides from `AMAZON_ADS_*_URL` (emulator, proxies). */
  readonly endpoints: EndpointOverrides;
  readonly redirectUri: string;
  /** How to catch the redirect; undefined with `--paste`. */
  readonly listen?: ListenPlan;
  readonly scopes: readonly string[];
  /** Open the consent page with the platform opener (false with `--no-browser`). */
  readonly openBrowser: boolean;
  /** Where the grant is written (absolute). */
  readonly output: string;
  readonly printEnv: boolean;
  readonly timeoutSeconds: number;
}

/** Seconds `login` waits for the consent unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/**
 * Resolves `login`'s settings: each option beats its environment variable, which beats the
 * default. Throws {@link UsageError} for a missing client id or secret or an unusable redirect URI.
 */
export function resolveLoginSettings(
  options: LoginOptions,
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): LoginSettings {
  const clientId = optionOrEnv(options.clientId, env, ENV.clientId);
  if (clientId === undefined) {
    throw new UsageError(
      `No client id. Pass --client-id or set ${ENV.clientId} to your LwA app's client id ` +
        `(amzn1.application-oa2-client.…, from the Amazon Developer console).`,
      "login",
    );
  }
  const clientSecret = clientSecretFrom(options.clientSecret, env, "login");
  const region = regionFrom(options.region, env);
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URI;
  const redirect = parseRedirectUri(redirectUri);
  const listen = options.paste ? undefined : listenPlanFor(redirect, redirectUri);
  const scopes = options.scope?.length ? [...new Set(options.scope)] : DEFAULT_SCOPES;
  return {
    clientId,
    clientSecret,
    region,
    endpoints: endpointOverridesFromEnv(env),
    // The exact text given: LwA compares it character for character with the allow-list.
    redirectUri,
    ...(listen ? { listen } : {}),
    scopes,
    openBrowser: options.browser !== false,
    output: resolve(cwd, options.output ?? defaultCredentialsPath(env)),
    printEnv: options.printEnv === true,
    timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
  };
}
