/**
 * `ads_account_id` of each entry of `amazonads_profile_set.profiles`: the Ads account whose
 * `alternateIds` list that country's profile. The countries of one region share one listing (the
 * process's, as for `amazonads_profile`), so looking up a whole set costs at most one
 * `POST /adsAccounts/list` per region involved. A failure is one warning on `profiles` naming the
 * regions and countries it leaves without an account; the profiles stay selected.
 */
import { adsAccountOfProfile, type Region } from "../../amazon-ads/index.js";
import { attributePath, type Diagnostics, type Logger } from "../../plugin/index.js";
import { requestIdNote } from "../amazon-errors.js";
import type { ProviderData } from "../provider-data.js";
import { listAdsAccounts, type ListedAdsAccounts } from "../resource-profile/ads-account.js";

/** One country's selected profile, as far as its Ads account goes. */
export interface CountryProfile {
  readonly country: string;
  readonly profileId: string;
  readonly region: Region;
}

/** What looking up a set's accounts needs. */
export interface SetLookupContext {
  readonly data: ProviderData;
  readonly refreshToken: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly diagnostics: Diagnostics;
}

/** The Ads account id of each country that could be looked up, and whether every lookup settled. */
export interface SetAdsAccounts {
  /** By country; null when no account lists its profile; absent when the listing failed. */
  readonly found: ReadonlyMap<string, string | null>;
  /** False after a passing failure (throttling, a malformed answer): a later read asks again. */
  readonly settled: boolean;
}

/**
 * Looks up the Ads account of each profile, one listing per region. A refusal (403, revoked
 * grant) settles its countries without an account; a passing failure leaves them to a later read.
 */
export async function lookUpSetAdsAccounts(
  profiles: readonly CountryProfile[],
  context: SetLookupContext,
): Promise<SetAdsAccounts> {
  const { data, refreshToken, log, signal, diagnostics } = context;
  const regions = [...new Set(profiles.map((p) => p.region))];
  const listed = new Map<Region, ListedAdsAccounts>(
    await Promise.all(
      regions.map(
        async (region) =>
          [region, await listAdsAccounts({ data, region, refreshToken, log, signal })] as const,
      ),
    ),
  );
  const found = new Map<string, string | null>();
  for (const { country, profileId, region } of profiles) {
    const result = listed.get(region)!;
    if ("accounts" in result) {
      found.set(country, adsAccountOfProfile(result.accounts, profileId)?.adsAccountId ?? null);
    }
  }
  log.debug("looked up the Ads accounts of the set's profiles", {
    regions,
    found: [...found.values()].filter((id) => id !== null).length,
  });
  const failures = regions.flatMap((region) => {
    const result = listed.get(region)!;
    if ("accounts" in result) return [];
    const countries = profiles.filter((p) => p.region === region).map((p) => p.country);
    return [{ region, countries, ...result }];
  });
  if (failures.length === 0) return { found, settled: true };
  const passing = failures.some((f) => f.passing);
  const lines = failures.map(
    ({ region, countries, failure }) =>
      `${countries.join(", ")} (${region} region): ${failure.message}${requestIdNote(failure)}`,
  );
  diagnostics.warning(
    "Could not look up the Ads accounts of the set's profiles",
    `${lines.join("\n")}\nThe profiles are selected; the ads_account_id of those countries is ` +
      "left as it was (null when just selected). " +
      (passing
        ? "The next plan asks Amazon again."
        : "Once the grant may list Ads accounts, run `terraform apply " +
          "-replace=<this amazonads_profile_set>` to look again (replacing only selects the " +
          "profiles again)."),
    attributePath("profiles"),
  );
  return { found, settled: !passing };
}
