/**
 * provider/: the `amazonads` Terraform provider. For now only its configuration schema and
 * settings; resources, data sources and ephemeral resources arrive with the provider issue.
 */
import { attr, defineProvider, isUnknown, schema, type Provider } from "../plugin/index.js";
import { PROVIDER_TYPE } from "./identity.js";
import {
  SETTING_ENV,
  clientIdFormat,
  endpointFormat,
  regionFormat,
  resolveSettings,
  type ConfiguredValue,
  type ProviderSettings,
  type SettingName,
} from "./settings.js";

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

/** Seams for the provider: the environment it reads settings from. */
export interface AmazonAdsProviderOptions {
  /** Environment variables (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Builds the `amazonads` provider. Configure resolves settings and never calls Amazon. */
export function createAmazonAdsProvider(
  options: AmazonAdsProviderOptions = {},
): Provider<typeof providerSchema, ProviderSettings> {
  return defineProvider<typeof providerSchema, ProviderSettings>({
    typeName: PROVIDER_TYPE,
    schema: providerSchema,
    configure(req, resp) {
      const config = {} as Record<SettingName, ConfiguredValue>;
      for (const name of Object.keys(SETTING_ENV) as SettingName[]) {
        const value = req.config[name];
        config[name] = isUnknown(value) ? undefined : value;
      }
      resp.providerData = resolveSettings(config, options.env ?? process.env, resp.diagnostics);
      req.log.debug("provider configured", {
        region: resp.providerData.region,
        unknown: resp.providerData.unknown,
      });
    },
  });
}
