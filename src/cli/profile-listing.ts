/**
 * The grant's profiles in every region. Amazon's host for a region the advertiser does not sell in
 * answers with an empty list, so each region is asked and an empty answer is reported as such.
 */
import { AccessTokenCache } from "../amazon-ads/token-cache.js";
import type { StoredGrant } from "../amazon-ads/credentials-file.js";
import type { HttpOptions } from "../amazon-ads/http.js";
import type { Profile } from "../amazon-ads/profiles.js";
import { REGIONS, type Region } from "../amazon-ads/regions.js";
import { ENV, optionOrEnv, regionalName } from "./env.js";
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

// `AMAZON_ADS_API_URL` names one host (the grant's region's); sending the other regions' requests
// to it would list that host's profiles three times, so they need their own variables.
function skipReason(
  env: NodeJS.ProcessEnv,
  region: Region,
  grant: StoredGrant,
): string | undefined {
  if (region === grant.region) return undefined;
  if (optionOrEnv(undefined, env, ENV.apiUrl) === undefined) return undefined;
  if (optionOrEnv(undefined, env, regionalName(ENV.apiUrl, region)) !== undefined) return undefined;
  return (
    `not asked: ${ENV.apiUrl} replaces the ${grant.region} host only; set ` +
    `${regionalName(ENV.apiUrl, region)} to list ${region} profiles through an override`
  );
}

/** Lists the grant's profiles in NA, EU and FE (one token refresh, three requests at once). */
export async function listProfilesEverywhere(
  options: ProfileListingOptions,
): Promise<RegionListing[]> {
  const tokenCache = new AccessTokenCache({ now: options.http?.now });
  return Promise.all(
    REGIONS.map(async (region): Promise<RegionListing> => {
      const skipped = skipReason(options.env, region, options.grant);
      if (skipped !== undefined) return { region, skipped };
      const client = grantClient({ ...options, region, tokenCache });
      const profiles = await client.listProfiles(options.grant.refreshToken);
      return { region, apiUrl: client.endpoints.apiUrl, profiles };
    }),
  );
}
