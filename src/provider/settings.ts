/**
 * The provider's resolved settings: each value from the `provider "amazonads"` block, else from
 * its environment variable, else its default — checked the same way wherever it came from.
 */
import {
  REGION_PLACEHOLDER,
  resolveEndpoints,
  substituteRegion,
  type EndpointOverrides,
} from "../amazon-ads/endpoints.js";
import { isRegion, type Region, type RegionEndpoints } from "../amazon-ads/regions.js";
import type { Diagnostics } from "../plugin/index.js";
import { Secret, absoluteUrl, matches, type Validator } from "../plugin/index.js";
import { regionFormat } from "./validators.js";

/** Checks on a client id: Login with Amazon application ids have a fixed shape. */
export const clientIdFormat = matches(
  /^amzn1\.application-oa2-client\.[0-9a-f]{32}$/i,
  "a Login with Amazon client id: amzn1.application-oa2-client. followed by 32 hexadecimal digits",
);

/**
 * Checks on a client secret: an empty one (a CI secret that was never set, say) would only be
 * refused by Amazon later, with a message about the request rather than the setting.
 */
export const clientSecretFormat: Validator<string> = {
  description: "the Login with Amazon client secret",
  validate: (value) =>
    value.trim() === ""
      ? "must not be empty: set it to the client secret of the Login with Amazon app (Amazon " +
        "Developer console → Login with Amazon → Web Settings), or leave it out to use the " +
        `${SETTING_ENV.client_secret} environment variable`
      : undefined,
};

const absoluteHttpUrl = absoluteUrl(["http", "https"]);

/**
 * Checks on an endpoint override: an absolute http(s) URL once `{region}` is replaced by a region
 * (`http://127.0.0.1:4010/{region}` is valid).
 */
export const endpointFormat: Validator<string> = {
  description: `${absoluteHttpUrl.description}, which may contain ${REGION_PLACEHOLDER}`,
  validate: (value) => absoluteHttpUrl.validate(substituteRegion(value, "NA")),
};

/** Environment variables read for each setting. */
export const SETTING_ENV = {
  client_id: "AMAZON_ADS_CLIENT_ID",
  client_secret: "AMAZON_ADS_CLIENT_SECRET",
  region: "AMAZON_ADS_REGION",
  authorization_url: "AMAZON_ADS_AUTHORIZATION_URL",
  token_url: "AMAZON_ADS_TOKEN_URL",
  api_url: "AMAZON_ADS_API_URL",
} as const;

/** A configuration attribute of the provider block. */
export type SettingName = keyof typeof SETTING_ENV;

/** What resources receive once the provider is configured. Nothing here has called Amazon. */
export interface ProviderSettings {
  /** The LwA client id, when configured. */
  readonly clientId: string | undefined;
  /** The LwA client secret, when configured; `reveal()` only where it is sent to Amazon. */
  readonly clientSecret: Secret | undefined;
  /** The advertising region. */
  readonly region: Region;
  /** Endpoints of `region`, with any overrides applied (`{region}` replaced). */
  readonly endpoints: RegionEndpoints;
  /** The endpoint overrides as configured (`{region}` kept), for clients of other regions. */
  readonly overrides: EndpointOverrides;
  /** Settings whose configured value is not known yet (planning with unknown inputs). */
  readonly unknown: readonly SettingName[];
}

/** A configured value: a string, null when not set, or undefined when not known yet. */
export type ConfiguredValue = string | null | undefined;

/**
 * Resolves every setting from configuration, then environment, then default, adding a diagnostic
 * on the attribute for each invalid value (naming the variable when it came from there).
 */
export function resolveSettings(
  config: Readonly<Record<SettingName, ConfiguredValue>>,
  env: NodeJS.ProcessEnv,
  diagnostics: Diagnostics,
): ProviderSettings {
  const unknown: SettingName[] = [];
  const pick = (name: SettingName, validator?: Validator<string>): string | undefined => {
    const configured = config[name];
    if (configured === undefined) {
      unknown.push(name);
      return undefined;
    }
    const fromEnv = configured === null ? env[SETTING_ENV[name]] || undefined : undefined;
    const value = configured ?? fromEnv;
    const problem = value === undefined ? undefined : validator?.validate(value);
    if (problem) {
      const source =
        fromEnv !== undefined ? ` (from the environment variable ${SETTING_ENV[name]})` : "";
      diagnostics.error(`Invalid value for ${name}`, `${name}${source} ${problem}.`, [
        { attribute: name },
      ]);
      return undefined;
    }
    return value;
  };
  const clientId = pick("client_id", clientIdFormat);
  const secret = pick("client_secret", clientSecretFormat);
  const regionText = pick("region", regionFormat) ?? "NA";
  const region: Region = isRegion(regionText) ? regionText : "NA";
  const overrides: EndpointOverrides = {
    authorizationUrl: pick("authorization_url", endpointFormat),
    tokenUrl: pick("token_url", endpointFormat),
    apiUrl: pick("api_url", endpointFormat),
  };
  const { authorizationUrl, tokenUrl, apiUrl } = resolveEndpoints(region, overrides);
  return {
    clientId,
    clientSecret: secret === undefined ? undefined : new Secret(secret),
    region,
    endpoints: { authorizationUrl, tokenUrl, apiUrl },
    overrides,
    unknown,
  };
}
