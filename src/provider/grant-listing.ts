/**
 * What the account data sources share: the region host to ask (the provider's unless `region`
 * says otherwise), the grant from `refresh_token` or `credentials_file`, and the diagnostics of a
 * failed listing — Amazon's refusals on the attribute the grant came from.
 */
import { isAmazonAdsError, isRegion, type Region } from "../amazon-ads/index.js";
import type { Diagnostics } from "../plugin/index.js";
import { reportFailure, requestIdNote } from "./amazon-errors.js";
import type { AdsClient } from "./clients.js";
import { resolveGrantSource } from "./grant-source.js";
import type { ProviderData } from "./provider-data.js";
import { reportListFailure } from "./resource-profile/select-profile.js";

/** The configuration a grant listing reads. */
export interface GrantListingConfig {
  readonly refresh_token: string | null;
  readonly credentials_file: string | null;
  readonly region: string | null;
}

/**
 * Runs `list` for the configured grant on the chosen region's host. Undefined when it failed, with
 * the error added: `what` completes "Could not list …" (`the Ads accounts`).
 */
export async function listForGrant<T>(
  data: ProviderData,
  config: GrantListingConfig,
  diagnostics: Diagnostics,
  what: string,
  list: (client: AdsClient, region: Region, refreshToken: string) => Promise<T>,
): Promise<{ readonly listed: T; readonly region: Region } | undefined> {
  const region =
    config.region !== null && isRegion(config.region) ? config.region : data.settings.region;
  try {
    const client = data.clients.client(region);
    const grant = await resolveGrantSource(config, client.clientId, diagnostics);
    if (!grant) return undefined;
    try {
      return { listed: await list(client, region, grant.refreshToken), region };
    } catch (error) {
      if (isAmazonAdsError(error, "UNAUTHORIZED")) {
        diagnostics.error(
          `Amazon refused to list ${what}`,
          error.message + requestIdNote(error),
          grant.attribute,
        );
        return undefined;
      }
      reportListFailure(diagnostics, error, what, grant.attribute);
      return undefined;
    }
  } catch (error) {
    reportFailure(diagnostics, `Could not list ${what}`, error);
    return undefined;
  }
}
