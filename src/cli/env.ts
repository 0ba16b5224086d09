/**
 * The environment variables the commands read, and the one precedence rule they all follow:
 * a command-line option beats its environment variable, which beats the default. An empty
 * variable counts as unset.
 */
import { CREDENTIALS_FILE_ENV, defaultCredentialsPath } from "../amazon-ads/credentials-file.js";
import type { EndpointOverrides } from "../amazon-ads/endpoints.js";
import { isRegion, type Region } from "../amazon-ads/regions.js";
import { UsageError } from "./usage-error.js";

/** Names of the environment variables, shared with the provider's configuration. */
export const ENV = {
  clientId: "AMAZON_ADS_CLIENT_ID",
  clientSecret: "AMAZON_ADS_CLIENT_SECRET",
  region: "AMAZON_ADS_REGION",
  authorizationUrl: "AMAZON_ADS_AUTHORIZATION_URL",
  tokenUrl: "AMAZON_ADS_TOKEN_URL",
  apiUrl: "AMAZON_ADS_API_URL",
  credentialsFile: CREDENTIALS_FILE_ENV,
} as const;

/** The option's value when given, else the environment variable's when set and not empty. */
export function optionOrEnv(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  name: string,
): string | undefined {
  if (option !== undefined) return option;
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The region from `--region` (already parsed), else `AMAZON_ADS_REGION`, else NA. */
export function regionFrom(option: Region | undefined, env: NodeJS.ProcessEnv): Region {
  if (option !== undefined) return option;
  const value = env[ENV.region]?.trim().toUpperCase();
  if (!value) return "NA";
  if (!isRegion(value)) {
    throw new UsageError(
      `${ENV.region}=${env[ENV.region]} is not a region. Set it to NA, EU or FE, or pass --region.`,
    );
  }
  return value;
}

/** The client secret from `--client-secret`, else `AMAZON_ADS_CLIENT_SECRET`; a usage error if neither. */
export function clientSecretFrom(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  command: string,
): string {
  const secret = optionOrEnv(option, env, ENV.clientSecret);
  if (secret === undefined) {
    throw new UsageError(
      `No client secret. Set ${ENV.clientSecret} to your LwA app's client secret ` +
        `(preferred: command lines are visible to other users in ps), or pass --client-secret.`,
      command,
    );
  }
  return secret;
}

/**
 * Endpoint overrides from `AMAZON_ADS_AUTHORIZATION_URL`, `AMAZON_ADS_TOKEN_URL` and
 * `AMAZON_ADS_API_URL`, the same variables and rule as the provider's: a `{region}` placeholder
 * becomes `na`/`eu`/`fe` for each region a command visits; an override without it applies to every
 * region as written.
 */
export function endpointOverridesFromEnv(env: NodeJS.ProcessEnv): EndpointOverrides {
  const overrides: Record<string, string> = {};
  const authorizationUrl = optionOrEnv(undefined, env, ENV.authorizationUrl);
  const tokenUrl = optionOrEnv(undefined, env, ENV.tokenUrl);
  const apiUrl = optionOrEnv(undefined, env, ENV.apiUrl);
  if (authorizationUrl !== undefined) overrides.authorizationUrl = authorizationUrl;
  if (tokenUrl !== undefined) overrides.tokenUrl = tokenUrl;
  if (apiUrl !== undefined) overrides.apiUrl = apiUrl;
  return overrides;
}

/** Where the credentials file lives when neither an option nor `AMAZON_ADS_CREDENTIALS_FILE` names one (for help texts). */
export function fallbackCredentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return defaultCredentialsPath({ ...env, [CREDENTIALS_FILE_ENV]: undefined });
}
