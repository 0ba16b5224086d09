/**
 * Selecting the one profile of `amazonads_profile`: list the region's profiles with the API
 * filters, match the selectors, and explain zero or several matches (looking in the other regions
 * once, so the error can say where the profiles are, or which selector excludes the profile that
 * profile_id names).
 */
import {
  REGIONS,
  explainEmptyProfileList,
  isAmazonAdsError,
  type Profile,
  type Region,
} from "../../amazon-ads/index.js";
import {
  attributePath,
  type AttributePath,
  type Diagnostics,
  type Logger,
} from "../../plugin/index.js";
import { reportFailure, requestIdNote } from "../amazon-errors.js";
import type { ProviderData } from "../provider-data.js";
import { selectorConflicts } from "./conflicts.js";
import {
  apiFilters,
  describeProfiles,
  describeSelectors,
  matchProfiles,
  mostSpecificSelector,
  selectionRegion,
  type ProfileSelectors,
} from "./selectors.js";

/** The selected profile and where it is served. */
export interface SelectedProfile {
  readonly profile: Profile;
  readonly region: Region;
  /** The region's Ads API URL (after overrides). */
  readonly apiUrl: string;
}

/** What a selection needs besides the selectors. */
export interface SelectionContext {
  readonly data: ProviderData;
  readonly refreshToken: string;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly diagnostics: Diagnostics;
}

/** Selects exactly one profile, or adds the error that says why not and returns undefined. */
export async function selectProfile(
  selectors: ProfileSelectors,
  context: SelectionContext,
): Promise<SelectedProfile | undefined> {
  const { data, diagnostics } = context;
  const where = selectionRegion(selectors, data.settings.region);
  const list = listings(context);
  let listed: Profile[];
  try {
    listed = await list(where.region, selectors);
  } catch (error) {
    reportListFailure(diagnostics, error);
    return undefined;
  }
  const matches = matchProfiles(listed, selectors);
  const attribute = mostSpecificSelector(selectors);
  const at = attribute ? attributePath(attribute) : undefined;
  const filters = `api_program = "${selectors.apiProgram}", access_level = "${selectors.accessLevel}"`;
  if (matches.length > 1) {
    diagnostics.error(
      `${matches.length} advertising profiles match; exactly one must`,
      `${matches.length} profiles in the ${where.region} region match ${describeSelectors(selectors)} ` +
        `(${filters}):\n${describeProfiles(matches)}\nAdd selectors so that exactly one matches; the ` +
        `surest is profile_id = "${matches[0]!.profileId}" (or another id above).`,
      at,
    );
    return undefined;
  }
  const [profile] = matches;
  if (profile) {
    if (profile.accountInfo.type === "agency") {
      diagnostics.warning(
        "The selected profile is an agency profile",
        `Profile ${profile.profileId} (${profile.accountInfo.name ?? "no name"}) belongs to an ` +
          'agency. Sponsored ads calls fail with agency profiles ("Advertiser ID cannot be ' +
          'decrypted"): select the advertiser\'s own profile (account_type = "seller" or "vendor") ' +
          "unless you only call agency-level APIs.",
        attributePath("account_type"),
      );
    }
    return { profile, region: where.region, apiUrl: data.clients.endpoints(where.region).apiUrl };
  }
  if (selectors.profileId !== undefined) {
    const named = await findProfile(selectors, where.region, listed, list, context.log);
    const conflicts = named ? selectorConflicts(named, selectors) : [];
    for (const conflict of conflicts) {
      diagnostics.error(conflict.summary, conflict.detail, attributePath(conflict.attribute));
    }
    if (conflicts.length > 0) return undefined;
  }
  const inRegion =
    listed.length > 0
      ? `The ${where.region} profiles this grant can use (${filters}):\n${describeProfiles(listed)}`
      : `The ${where.region} region has no profiles for this grant (${filters}). ` +
        explainEmptyProfileList({
          region: where.region,
          filters: apiFilters(selectors),
          ...(selectors.countryCode ? { countryCode: selectors.countryCode } : {}),
        }).hint;
  const elsewhere =
    listed.length === 0 || where.decidedBy === "provider"
      ? await otherRegions(where.region, selectors, list, context.log)
      : "";
  diagnostics.error(
    "No advertising profile matches",
    `No profile in the ${where.region} region matches ${describeSelectors(selectors)}. ${inRegion}` +
      elsewhere,
    at,
  );
  return undefined;
}

/** Lists a region's profiles with the filters `selectors` imply. */
export type Lister = (region: Region, selectors: ProfileSelectors) => Promise<Profile[]>;

/**
 * A lister for one selection: each region is listed once per set of filters, however many
 * matches and explanations read it.
 */
export function listings(context: Omit<SelectionContext, "diagnostics">): Lister {
  const { data, refreshToken, log, signal } = context;
  const seen = new Map<string, Promise<Profile[]>>();
  return (region, selectors) => {
    const filters = apiFilters(selectors);
    const key = `${region} ${JSON.stringify(filters)}`;
    let listing = seen.get(key);
    if (!listing) {
      log.debug("listing profiles", { region, ...filters });
      const client = data.clients.client(region);
      listing = data.clients.withLog(log, () =>
        client.listProfiles(refreshToken, filters, { signal }),
      );
      seen.set(key, listing);
    }
    return listing;
  };
}

// The profile profile_id names, wherever the grant has it, whatever account type it is: listed
// already, else in this region without the type filter, else in the other regions.
async function findProfile(
  selectors: ProfileSelectors,
  region: Region,
  listed: readonly Profile[],
  list: Lister,
  log: Logger,
): Promise<Profile | undefined> {
  const byId = (profiles: readonly Profile[]) =>
    profiles.find((p) => p.profileId === selectors.profileId);
  const found = byId(listed);
  if (found) return found;
  const anyType = { ...selectors, accountType: undefined };
  const regions = [
    ...(selectors.accountType === undefined ? [] : [region]),
    ...REGIONS.filter((r) => r !== region),
  ];
  for (const where of regions) {
    try {
      const match = byId(await list(where, anyType));
      if (match) return match;
    } catch (error) {
      log.debug("could not list profiles to find profile_id", {
        region: where,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return undefined;
}

// One look at each other region: where the selected profile is, or where any profiles are.
async function otherRegions(
  region: Region,
  selectors: ProfileSelectors,
  list: Lister,
  log: Logger,
): Promise<string> {
  const found: { region: Region; profiles: Profile[] }[] = [];
  for (const other of REGIONS.filter((r) => r !== region)) {
    try {
      found.push({ region: other, profiles: await list(other, selectors) });
    } catch (error) {
      log.debug("could not list another region's profiles", {
        region: other,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const { countryCode: _country, marketplaceId: _marketplace, ...rest } = selectors;
  for (const { region: other, profiles } of found) {
    const [match, ...more] = matchProfiles(profiles, rest);
    if (match && more.length === 0) {
      return (
        `\nProfile ${match.profileId} (${match.countryCode}, ${match.accountInfo.name ?? "no name"}) ` +
        `is in the ${other} region: set country_code = "${match.countryCode}" so that it is ` +
        "looked up there."
      );
    }
  }
  const where = found
    .filter((f) => f.profiles.length > 0)
    .map((f) => `${f.region} (${[...new Set(f.profiles.map((p) => p.countryCode))].join(", ")})`);
  return where.length > 0
    ? `\nThis grant has profiles in ${where.join(" and ")}: set country_code to one of those ` +
        "countries to look there."
    : "";
}

/** The error for a failed listing (of profiles, unless `what` says otherwise). */
export function reportListFailure(
  diagnostics: Diagnostics,
  error: unknown,
  what = "the advertising profiles",
  grantAttribute: AttributePath = attributePath("refresh_token"),
): void {
  if (isAmazonAdsError(error, "REVOKED_GRANT")) {
    diagnostics.error(
      "The grant's refresh token was revoked",
      "Login with Amazon no longer accepts this refresh token (revoked by the advertiser, expired, " +
        "or issued to another client id). Get a new grant with `cdktf-amazon-ads login` or a new " +
        `authorization code.${requestIdNote(error)}`,
      grantAttribute,
    );
    return;
  }
  reportFailure(diagnostics, `Could not list ${what}`, error);
}
