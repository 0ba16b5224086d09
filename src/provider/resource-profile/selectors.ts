/**
 * The selection rules of `amazonads_profile`, free of I/O: which region to ask, which filters to
 * send, which profiles match, and how to name them in a message.
 */
import {
  marketplaceById,
  regionOfCountry,
  type AccessLevel,
  type ApiProgram,
  type Profile,
  type ProfileFilters,
  type ProfileType,
  type Region,
} from "../../amazon-ads/index.js";

/** What the configuration selects by (unset selectors are undefined). */
export interface ProfileSelectors {
  readonly profileId?: string | undefined;
  readonly countryCode?: string | undefined;
  readonly marketplaceId?: string | undefined;
  readonly accountName?: string | undefined;
  readonly accountType?: string | undefined;
  readonly accessLevel: string;
  readonly apiProgram: string;
}

/** Selector attributes from the most specific to the least. */
export const SELECTORS_BY_SPECIFICITY = [
  ["profile_id", "profileId"],
  ["account_name", "accountName"],
  ["marketplace_id", "marketplaceId"],
  ["country_code", "countryCode"],
  ["account_type", "accountType"],
] as const;

/** A selector attribute name. */
export type SelectorAttribute = (typeof SELECTORS_BY_SPECIFICITY)[number][0];

/** The region to look in, and what decided it. */
export interface SelectionRegion {
  readonly region: Region;
  readonly decidedBy: "country_code" | "marketplace_id" | "provider";
  /** True when `country_code` is well formed but not one Amazon Ads documents. */
  readonly unknownCountry: boolean;
}

/**
 * The region whose host serves the profile: the country's, else the marketplace's, else the
 * provider's (also for a country or marketplace Amazon has not documented).
 */
export function selectionRegion(selectors: ProfileSelectors, provider: Region): SelectionRegion {
  if (selectors.countryCode !== undefined) {
    const region = regionOfCountry(selectors.countryCode);
    if (region) return { region, decidedBy: "country_code", unknownCountry: false };
    return { region: provider, decidedBy: "provider", unknownCountry: true };
  }
  if (selectors.marketplaceId !== undefined) {
    const marketplace = marketplaceById(selectors.marketplaceId);
    if (marketplace) {
      return { region: marketplace.region, decidedBy: "marketplace_id", unknownCountry: false };
    }
  }
  return { region: provider, decidedBy: "provider", unknownCountry: false };
}

/** The `/v2/profiles` filters the selectors imply (Amazon filters by type itself). */
export function apiFilters(selectors: ProfileSelectors): ProfileFilters {
  return {
    apiProgram: selectors.apiProgram as ApiProgram,
    accessLevel: selectors.accessLevel as AccessLevel,
    ...(selectors.accountType === undefined
      ? {}
      : { profileTypeFilter: [selectors.accountType as ProfileType] }),
  };
}

/** The profiles every set selector matches exactly. */
export function matchProfiles(
  profiles: readonly Profile[],
  selectors: ProfileSelectors,
): Profile[] {
  return profiles.filter(
    (p) =>
      (selectors.profileId === undefined || p.profileId === selectors.profileId) &&
      (selectors.countryCode === undefined || p.countryCode === selectors.countryCode) &&
      (selectors.marketplaceId === undefined ||
        p.accountInfo.marketplaceStringId === selectors.marketplaceId) &&
      (selectors.accountName === undefined || p.accountInfo.name === selectors.accountName) &&
      (selectors.accountType === undefined || p.accountInfo.type === selectors.accountType),
  );
}

/** The most specific selector set, or undefined when none is. */
export function mostSpecificSelector(selectors: ProfileSelectors): SelectorAttribute | undefined {
  return SELECTORS_BY_SPECIFICITY.find(([, key]) => selectors[key] !== undefined)?.[0];
}

/** The set selectors as the configuration writes them: `country_code = "US", account_type = "seller"`. */
export function describeSelectors(selectors: ProfileSelectors): string {
  const set = SELECTORS_BY_SPECIFICITY.filter(([, key]) => selectors[key] !== undefined).map(
    ([name, key]) => `${name} = "${selectors[key]}"`,
  );
  return set.length > 0 ? set.join(", ") : "no selector";
}

/** One line per profile: id, country, type and name, for candidate lists. */
export function describeProfiles(profiles: readonly Profile[], limit = 20): string {
  const lines = profiles
    .slice(0, limit)
    .map(
      (p) =>
        `  - ${p.profileId}  ${p.countryCode}  ${p.accountInfo.type}  ${JSON.stringify(p.accountInfo.name ?? "")}`,
    );
  if (profiles.length > limit) lines.push(`  … and ${profiles.length - limit} more`);
  return lines.join("\n");
}
