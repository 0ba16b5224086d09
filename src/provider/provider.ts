/**
 * provider/: the `amazonads` Terraform provider — its configuration, and the resources, data
 * source and ephemeral resource it serves. Configure only resolves settings; clients are built on
 * first use (Terraform starts the provider 3–5 times per command).
 */
import type { HttpOptions } from "../amazon-ads/index.js";
import { attr, defineProvider, isUnknown, schema, type Provider } from "../plugin/index.js";
import { AdsAccountListings } from "./ads-account-listings.js";
import { adsAccountsDataSource } from "./data-source-ads-accounts/data-source.js";
import { managerAccountsDataSource } from "./data-source-manager-accounts/data-source.js";
import { accessTokenEphemeral } from "./ephemeral-access-token/ephemeral.js";
import { AccessTokenHandles } from "./ephemeral-access-token/handles.js";
import { authorizationResource } from "./resource-authorization/resource.js";
import { RegionClients, type ClientFactory } from "./clients.js";
import { PROVIDER_TYPE } from "./provider-address.js";
import { lwaAppResource } from "./resource-lwa-app/resource.js";
import { retrySettingsFromEnv } from "./retry-settings.js";
import { profileResource } from "./resource-profile/resource.js";
import { profileSetResource } from "./resource-profile-set/resource.js";
import { profilesDataSource } from "./data-source-profiles/data-source.js";
import { REAL_PROVIDER_SEAMS, type ProviderData, type ProviderSeams } from "./provider-data.js";
import { testAccountResource } from "./resource-test-account/resource.js";
import { checkTestClock, testClockOffset } from "./test-clock.js";
import {
  SETTING_ENV,
  clientIdFormat,
  clientSecretFormat,
  endpointFormat,
  resolveSettings,
  type ConfiguredValue,
  type SettingName,
} from "./settings.js";
import { regionFormat } from "./validators.js";

// Profiles of several regions are read in one run, so one override must be able to name them all.
const REGION_NOTE =
  "`{region}` in the URL stands for the region in lower case (na, eu, fe), so one value serves " +
  "every region, e.g. http://127.0.0.1:4010/{region} for the emulator; without it, the URL is " +
  "used for every region.";

/** The `provider "amazonads" { … }` block. */
export const providerSchema = schema({
  description:
    "Connects Terraform to the Amazon Ads API through a Login with Amazon client application.",
  attributes: {
    client_id: attr.string({
      optional: true,
      validators: [clientIdFormat],
      description:
        `Login with Amazon client id (amzn1.application-oa2-client.…). Default: the ${SETTING_ENV.client_id} ` +
        "environment variable.",
    }),
    client_secret: attr.string({
      optional: true,
      sensitive: true,
      validators: [clientSecretFormat],
      description: `Login with Amazon client secret. Default: the ${SETTING_ENV.client_secret} environment variable.`,
    }),
    region: attr.string({
      optional: true,
      validators: [regionFormat],
      description: `Amazon Ads region: NA, EU or FE. Default: the ${SETTING_ENV.region} environment variable, else NA.`,
    }),
    authorization_url: attr.string({
      optional: true,
      validators: [endpointFormat],
      description:
        "Login with Amazon consent page URL. Default: the " +
        `${SETTING_ENV.authorization_url} environment variable, else the region's. ${REGION_NOTE}`,
    }),
    token_url: attr.string({
      optional: true,
      validators: [endpointFormat],
      description: `Login with Amazon token endpoint URL. Default: the ${SETTING_ENV.token_url} environment variable, else the region's. ${REGION_NOTE}`,
    }),
    api_url: attr.string({
      optional: true,
      validators: [endpointFormat],
      description: `Amazon Ads API URL. Default: the ${SETTING_ENV.api_url} environment variable, else the region's. ${REGION_NOTE}`,
    }),
  },
});

/** Seams for the provider (all default to the real thing). */
export interface AmazonAdsProviderOptions {
  /** Environment variables (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Clock in epoch ms (default `Date.now`); also the clients' clock. */
  readonly now?: () => number;
  /** Random bytes (default `node:crypto`). */
  readonly randomBytes?: (size: number) => Uint8Array;
  /** Transport settings of every client (sleep, timeouts, retry bounds). */
  readonly http?: Omit<HttpOptions, "logger" | "now">;
  /** Builds the Amazon Ads clients (default: the real client). */
  readonly createClient?: ClientFactory;
}

/** The resources of the amazonads provider, by type name. */
export const RESOURCES = {
  amazonads_lwa_app: lwaAppResource,
  amazonads_authorization: authorizationResource,
  amazonads_profile: profileResource,
  amazonads_profile_set: profileSetResource,
  amazonads_test_account: testAccountResource,
} as const;

/** The data sources of the amazonads provider, by type name. */
export const DATA_SOURCES = {
  amazonads_profiles: profilesDataSource,
  amazonads_ads_accounts: adsAccountsDataSource,
  amazonads_manager_accounts: managerAccountsDataSource,
} as const;

/** The ephemeral resources of the amazonads provider, by type name. */
export const EPHEMERAL_RESOURCES = { amazonads_access_token: accessTokenEphemeral } as const;

/** Builds the `amazonads` provider. Configure resolves settings and never calls Amazon. */
export function createAmazonAdsProvider(
  options: AmazonAdsProviderOptions = {},
): Provider<typeof providerSchema, ProviderData> {
  const env = options.env ?? process.env;
  const shift = testClockOffset(env);
  const seams: ProviderSeams = {
    now:
      options.now ??
      (shift === undefined ? REAL_PROVIDER_SEAMS.now : () => REAL_PROVIDER_SEAMS.now() + shift),
    randomBytes: options.randomBytes ?? REAL_PROVIDER_SEAMS.randomBytes,
    env,
  };
  // One per process: ephemeral tokens opened by one call are renewed and closed by later ones.
  const accessTokens = new AccessTokenHandles(seams.randomBytes);
  return defineProvider<typeof providerSchema, ProviderData>({
    typeName: PROVIDER_TYPE,
    schema: providerSchema,
    resources: RESOURCES,
    dataSources: DATA_SOURCES,
    ephemeralResources: EPHEMERAL_RESOURCES,
    configure(req, resp) {
      const config = {} as Record<SettingName, ConfiguredValue>;
      for (const name of Object.keys(SETTING_ENV) as SettingName[]) {
        const value = req.config[name];
        config[name] = isUnknown(value) ? undefined : value;
      }
      const settings = resolveSettings(config, seams.env, resp.diagnostics);
      checkTestClock(seams.env, settings, resp.diagnostics);
      // The environment's timeouts first; seams given in code (unit tests) win over them.
      const retrySettings = retrySettingsFromEnv(seams.env, resp.diagnostics);
      const retry = { ...retrySettings.retry, ...options.http?.retry };
      const clients = new RegionClients({
        settings,
        http: { ...retrySettings, ...options.http, retry, now: seams.now },
        fallbackLog: req.log,
        ...(options.createClient ? { createClient: options.createClient } : {}),
      });
      const adsAccounts = new AdsAccountListings(clients);
      resp.providerData = { settings, clients, seams, accessTokens, adsAccounts };
      req.log.debug("provider configured", { region: settings.region, unknown: settings.unknown });
    },
  });
}
