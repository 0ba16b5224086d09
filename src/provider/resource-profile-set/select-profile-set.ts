/**
 * Selecting the profiles of `amazonads_profile_set`: list each region involved once (concurrently;
 * the shared token cache makes that one token request at most), match one profile per country with
 * the rules of `amazonads_profile`, and explain every country that has none or several, on its
 * element of `country_codes`.
 */
import { REGIONS, type Profile, type Region } from "../../amazon-ads/index.js";
import { attributePath, type Diagnostics } from "../../plugin/index.js";
import {
  reportListFailure,
  listings,
  type Lister,
  type SelectedProfile,
  type SelectionContext,
} from "../resource-profile/select-profile.js";
import {
  describeProfiles,
  matchProfiles,
  selectionRegion,
  type ProfileSelectors,
} from "../resource-profile/selectors.js";

/** What a set is selected by: its countries and the selectors that narrow every one of them. */
export interface ProfileSetSelectors {
  readonly countryCodes: readonly string[];
  readonly accountName?: string | undefined;
  readonly accountType?: string | undefined;
  readonly accessLevel: string;
  readonly apiProgram: string;
  /** Countries whose profile the plan kept (the list of countries changed): not selected again. */
  readonly kept?: ReadonlySet<string>;
}

/** One country of the set, where it is listed and where it sits in `country_codes`. */
interface Country {
  readonly code: string;
  readonly index: number;
  readonly region: Region;
  /** False for a well-formed code Amazon Ads does not document (looked up in the provider's region). */
  readonly documented: boolean;
  readonly selectors: ProfileSelectors;
}

/**
 * The selected profile of each country (but the kept ones), in the order of `country_codes`, or
 * undefined after adding an error for each country that has no profile or several.
 */
export async function selectProfileSet(
  selectors: ProfileSetSelectors,
  context: SelectionContext,
): Promise<Map<string, SelectedProfile> | undefined> {
  const { data, diagnostics } = context;
  // The filters Amazon applies (apiProgram, accessLevel, profileTypeFilter) are the same everywhere.
  const base: ProfileSelectors = {
    accountName: selectors.accountName,
    accountType: selectors.accountType,
    accessLevel: selectors.accessLevel,
    apiProgram: selectors.apiProgram,
  };
  const countries = selectors.countryCodes
    .map((code, index): Country => {
      const one: ProfileSelectors = { ...base, countryCode: code };
      const where = selectionRegion(one, data.settings.region);
      return {
        code,
        index,
        region: where.region,
        documented: !where.unknownCountry,
        selectors: one,
      };
    })
    .filter((country) => !selectors.kept?.has(country.code));
  const list = listings(context);
  const regions = [...new Set(countries.map((c) => c.region))];
  const listed = new Map<Region, Profile[]>();
  const results = await Promise.allSettled(
    regions.map(async (region) => listed.set(region, await list(region, base))),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) {
    reportListFailure(diagnostics, failure.reason);
    return undefined;
  }
  const selected = new Map<string, SelectedProfile>();
  const missing: Country[] = [];
  for (const country of countries) {
    const matches = matchProfiles(listed.get(country.region)!, country.selectors);
    if (matches.length === 1) {
      const apiUrl = data.clients.endpoints(country.region).apiUrl;
      selected.set(country.code, { profile: matches[0]!, region: country.region, apiUrl });
    } else if (matches.length > 1) {
      reportSeveral(diagnostics, country, matches, selectors);
    } else {
      missing.push(country);
    }
  }
  if (missing.length > 0) {
    const where = await whereProfilesAre(list, base, context);
    for (const country of missing) {
      const excluded = await excludedProfiles(list, country, context);
      reportNone(diagnostics, country, excluded, where, selectors);
    }
  }
  if (diagnostics.hasErrors()) return undefined;
  warnAboutAgencies(diagnostics, selected);
  return selected;
}

function filtersText(selectors: ProfileSetSelectors): string {
  const narrowing = [
    selectors.accountType === undefined ? "" : `, account_type = "${selectors.accountType}"`,
    selectors.accountName === undefined ? "" : `, account_name = "${selectors.accountName}"`,
  ].join("");
  return `api_program = "${selectors.apiProgram}", access_level = "${selectors.accessLevel}"${narrowing}`;
}

function reportSeveral(
  diagnostics: Diagnostics,
  country: Country,
  matches: readonly Profile[],
  selectors: ProfileSetSelectors,
): void {
  const types = [...new Set(matches.map((p) => p.accountInfo.type))];
  const first = matches[0]!;
  const own =
    `select ${country.code} on its own: remove "${country.code}" from country_codes and declare ` +
    `an amazonads_profile with profile_id = "${first.profileId}" (or another id above)`;
  const fix =
    selectors.accountType === undefined && types.length > 1
      ? `Add account_type = "${first.accountInfo.type}" (the candidates are ${types.join(", ")}); ` +
        `it narrows every country of the set. To keep a different type in other countries, ${own}.`
      : `account_type cannot tell them apart, and account_name would have to match in every ` +
        `country of the set: ${own}.`;
  diagnostics.error(
    `${matches.length} advertising profiles match in ${country.code}; exactly one must`,
    `${matches.length} profiles in ${country.code} (${country.region} region) match ` +
      `(${filtersText(selectors)}):\n${describeProfiles(matches)}\n${fix}`,
    attributePath("country_codes", country.index),
  );
}

function reportNone(
  diagnostics: Diagnostics,
  country: Country,
  excluded: readonly Profile[],
  where: string,
  selectors: ProfileSetSelectors,
): void {
  const { code, region } = country;
  const lookedUp = country.documented
    ? ""
    : ` ${code} is not a country Amazon Ads documents, so it was looked up in the provider's region.`;
  const narrowed =
    excluded.length > 0
      ? `\n${code} profiles that account_type or account_name exclude:\n${describeProfiles(excluded)}\n` +
        "Change or remove account_type / account_name (they narrow every country of the set), or " +
        `select ${code} with its own amazonads_profile.`
      : "";
  const viewOnly =
    selectors.accessLevel === "edit"
      ? ` If that user may only view the ${code} account, set access_level = "view".`
      : "";
  diagnostics.error(
    `The grant has no advertising profile in ${code}`,
    `No profile this grant can use in the ${region} region is in ${code} ` +
      `(${filtersText(selectors)}).${lookedUp}${narrowed}\n${where}\nRemove "${code}" from ` +
      `country_codes, or make the grant with the consent of the Amazon user who manages the ` +
      `${code} advertising account.${viewOnly}`,
    attributePath("country_codes", country.index),
  );
}

// Where the grant has profiles with these filters: every region, each listed at most once.
async function whereProfilesAre(
  list: Lister,
  filters: ProfileSelectors,
  context: SelectionContext,
): Promise<string> {
  const parts: string[] = [];
  for (const region of REGIONS) {
    try {
      const codes = [...new Set((await list(region, filters)).map((p) => p.countryCode))];
      if (codes.length > 0) parts.push(`${codes.join(", ")} (${region})`);
    } catch (error) {
      context.log.debug("could not list a region's profiles", {
        region,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return parts.length > 0
    ? `The grant's profiles with these filters are in: ${parts.join("; ")}.`
    : "The grant can use no profile with these filters in any region.";
}

// The country's profiles that account_type (a filter Amazon applies) or account_name exclude.
async function excludedProfiles(
  list: Lister,
  country: Country,
  context: SelectionContext,
): Promise<Profile[]> {
  const { accountType, accountName } = country.selectors;
  if (accountType === undefined && accountName === undefined) return [];
  const anyAccount = { ...country.selectors, accountType: undefined, accountName: undefined };
  try {
    return matchProfiles(await list(country.region, anyAccount), anyAccount);
  } catch (error) {
    context.log.debug("could not list profiles of any account type", {
      region: country.region,
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  }
}

function warnAboutAgencies(
  diagnostics: Diagnostics,
  selected: ReadonlyMap<string, SelectedProfile>,
): void {
  const agencies = [...selected].filter(([, s]) => s.profile.accountInfo.type === "agency");
  if (agencies.length === 0) return;
  diagnostics.warning(
    "The set selects agency profiles",
    `${agencies.map(([code, s]) => `${code} (${s.profile.profileId})`).join(", ")}: agency ` +
      'profiles cannot run sponsored ads ("Advertiser ID cannot be decrypted"). Set ' +
      'account_type = "seller" or "vendor" unless you only call agency-level APIs.',
    attributePath("account_type"),
  );
}
