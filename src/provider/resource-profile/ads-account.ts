/**
 * `amazonads_profile.ads_account_id`: the global Ads account whose `alternateIds` list the
 * profile. Profiles do not name their account, so it comes from the grant's Ads account listing on
 * the profile's region host (shared by the process: one listing per grant and region per plan or
 * apply). It is looked up when the profile is selected and then kept: a later read asks again only
 * while the lookup has not succeeded once (the private state says whether it did), so a steady
 * plan makes no listing request.
 */
import {
  adsAccountOfProfile,
  isAmazonAdsError,
  type AdsAccount,
  type AmazonAdsError,
  type Region,
} from "../../amazon-ads/index.js";
import { attributePath, type Diagnostics, type Logger } from "../../plugin/index.js";
import { isTransient, requestIdNote } from "../amazon-errors.js";
import type { ProviderData } from "../provider-data.js";

const LOOKED_UP = new TextEncoder().encode('{"ads_account_looked_up":true}');

/** The private bytes of a profile whose Ads account was looked up. */
export const adsAccountLookedUp = (): Uint8Array => LOOKED_UP.slice();

/** Whether a profile's private bytes say its Ads account was looked up. */
export function wasAdsAccountLookedUp(bytes: Uint8Array | undefined): boolean {
  if (!bytes || bytes.length === 0) return false;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return (parsed as { ads_account_looked_up?: unknown }).ads_account_looked_up === true;
  } catch {
    return false;
  }
}

/** What a listing needs: the grant, the region whose host lists its Ads accounts, a logger. */
export interface AdsAccountListing {
  readonly data: ProviderData;
  readonly region: Region;
  readonly refreshToken: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

/** The grant's Ads accounts on one region's host, or the Amazon failure and whether it passes. */
export type ListedAdsAccounts =
  | { readonly accounts: readonly AdsAccount[] }
  | { readonly failure: AmazonAdsError; readonly passing: boolean };

/**
 * The grant's Ads accounts from the process's shared listing. Amazon's refusals and passing
 * failures are returned (callers warn); an abort or a bug is thrown.
 */
export async function listAdsAccounts(listing: AdsAccountListing): Promise<ListedAdsAccounts> {
  const { data, region, refreshToken, log, signal } = listing;
  try {
    return { accounts: await data.adsAccounts.list(region, refreshToken, log, signal) };
  } catch (error) {
    if (isAmazonAdsError(error, "ABORTED") || !isAmazonAdsError(error)) throw error;
    return { failure: error, passing: isTransient(error) };
  }
}

/** What a lookup needs. */
export interface AdsAccountLookup extends AdsAccountListing {
  readonly profileId: string;
  readonly diagnostics: Diagnostics;
}

/**
 * The profile's Ads account id (null when no account lists it), and whether that is settled.
 * Failures are warnings on `ads_account_id` (the profile itself is fine): a refusal settles the
 * lookup as null, a passing failure leaves it for the next read to try again.
 */
export async function lookUpAdsAccount(
  lookup: AdsAccountLookup,
): Promise<{ adsAccountId: string | null; settled: boolean }> {
  const { profileId, log, diagnostics } = lookup;
  const listed = await listAdsAccounts(lookup);
  if ("accounts" in listed) {
    const account = adsAccountOfProfile(listed.accounts, profileId);
    log.debug("looked up the profile's Ads account", {
      profile_id: profileId,
      found: account !== undefined,
    });
    return { adsAccountId: account?.adsAccountId ?? null, settled: true };
  }
  const { failure, passing } = listed;
  diagnostics.warning(
    "Could not look up the profile's Ads account",
    `${failure.message}${requestIdNote(failure)} The profile is selected; ads_account_id stays ` +
      (passing
        ? "empty for now, and the next plan asks Amazon again."
        : "empty. Once the grant may list Ads accounts, run `terraform apply " +
          "-replace=<this amazonads_profile>` to look again (replacing only selects the " +
          "profile again)."),
    attributePath("ads_account_id"),
  );
  return { adsAccountId: null, settled: !passing };
}
