/**
 * The grant's profiles in every region. Amazon's host for a region the advertiser does not sell in
 * answers with an empty list, so each region is asked and an empty answer is reported as such.
 */
import { AccessTokenCache } from "../amazon-ads/token-cache.js";
import type { StoredGrant } from "../amazon-ads/credentials-file.js";
import type { HttpOptions } from "../amazon-ads/http.js";
import type { Profile } from "../amazon-ads/profiles.js";
import { REGIONS, type Region } from "../amazon-ads/regions.js";
import { resolveEndpoints } from "../amazon-ads/endpoints.js";
import { ENV, endpointOverridesFromEnv } from "./env.js";
import { grantClient } from "./grant.js";

/** One region's answer: its profiles (maybe none), or why it was not asked. */
export type RegionListing =
  | { readonly region: Region; readonly apiUrl: string; readonly profiles: readonly Profile[] }
  | { readonly region: Region; readonly skipped: string };

/** What {@link listProfilesEverywhere} needs. */
export interface ProfileListingOptions {
  readonly grant: StoredGrant;
  readonly clientSecret: string;
  readonly env: NodeJS.ProcessEnv;
  readonly http?: HttpOptions;
}

/**
 * Lists the grant's profiles in NA, EU and FE (one token refresh, the requests at once). An
 * `AMAZON_ADS_API_URL` without `{region}` sends every region to one host: that host is asked once,
 * for the grant's region, and the others say so rather than repeat its profiles.
 */
export async function listProfilesEverywhere(
  options: ProfileListingOptions,
): Promise<RegionListing[]> {
  const tokenCache = new AccessTokenCache({ now: options.http?.now });
  const overrides = endpointOverridesFromEnv(options.env);
  const askedFor = new Map<string, Region>();
  for (const region of [options.grant.region, ...REGIONS]) {
    const apiUrl = resolveEndpoints(region, overrides).apiUrl;
    if (!askedFor.has(apiUrl)) askedFor.set(apiUrl, region);
  }
  return Promise.all(
    REGIONS.map(async (region): Promise<RegionListing> => {
      const apiUrl = resolveEndpoints(region, overrides).apiUrl;
      const asker = askedFor.get(apiUrl);
      if (asker !== region) {
        return {
          region,
          skipped:
            `not asked: ${ENV.apiUrl} sends ${region} to the same host as ${asker} ` +
            `(add {region} to it, e.g. https://proxy.example/{region}, to reach each region's host)`,
        };
      }
      const client = grantClient({ ...options, region, tokenCache });
      const profiles = await client.listProfiles(options.grant.refreshToken);
      return { region, apiUrl: client.endpoints.apiUrl, profiles };
    }),
  );
}
