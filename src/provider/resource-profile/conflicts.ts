/**
 * Selectors of `amazonads_profile` that contradict each other, free of I/O: a marketplace of
 * another country than `country_code` (knowable from the configuration alone), and selectors that
 * exclude the very profile `profile_id` names (knowable once that profile is found).
 */
import { marketplaceById, marketplaceOfCountry, type Profile } from "../../amazon-ads/index.js";
import type { ProfileSelectors } from "./selectors.js";

/** One selector that excludes the profile `profile_id` names, and the fix. */
export interface SelectorConflict {
  /** The selector attribute to blame. */
  readonly attribute: "country_code" | "marketplace_id" | "account_name" | "account_type";
  /** The diagnostic's summary. */
  readonly summary: string;
  /** What the profile is, what excludes it, and what to change. */
  readonly detail: string;
}

/**
 * The error text when `marketplace_id` belongs to a documented marketplace of another country than
 * `country_code`, or undefined when they agree or either is not a documented one.
 */
export function marketplaceCountryConflict(
  countryCode: string,
  marketplaceId: string,
): { summary: string; detail: string } | undefined {
  const marketplace = marketplaceById(marketplaceId);
  if (!marketplace || marketplace.countryCode === countryCode) return undefined;
  const ofCountry = marketplaceOfCountry(countryCode);
  const other = ofCountry
    ? `, or marketplace_id = "${ofCountry.marketplaceId}" (the ${countryCode} marketplace)`
    : "";
  return {
    summary: "marketplace_id and country_code contradict each other",
    detail:
      `marketplace_id = "${marketplaceId}" is the marketplace of ${marketplace.countryCode}, but ` +
      `country_code = "${countryCode}": no profile is in both. Remove one of them, or make them ` +
      `agree: country_code = "${marketplace.countryCode}"${other}.`,
  };
}

/**
 * The selectors besides `profile_id` that exclude `profile` (the one `profile_id` names), one entry
 * per selector; empty when none does (the profile is then missing for another reason).
 */
export function selectorConflicts(
  profile: Profile,
  selectors: ProfileSelectors,
): SelectorConflict[] {
  const info = profile.accountInfo;
  const name = info.name === undefined ? "" : ` (${JSON.stringify(info.name)})`;
  const what =
    `Profile ${profile.profileId}${name} is ${article(info.type)} ${info.type} profile in ` +
    `${profile.countryCode} (marketplace ${info.marketplaceStringId})`;
  const conflicts: SelectorConflict[] = [];
  const check = (
    attribute: SelectorConflict["attribute"],
    wanted: string | undefined,
    actual: string | undefined,
  ) => {
    if (wanted === undefined || wanted === actual) return;
    const fix =
      actual === undefined
        ? `the profile has no ${attribute.replace("_", " ")}, so remove ${attribute}`
        : `remove ${attribute} or set it to ${JSON.stringify(actual)}`;
    conflicts.push({
      attribute,
      summary: `${attribute} excludes the profile that profile_id selects`,
      detail: `${what}; ${attribute} = ${JSON.stringify(wanted)} excludes it: ${fix}.`,
    });
  };
  check("country_code", selectors.countryCode, profile.countryCode);
  check("marketplace_id", selectors.marketplaceId, info.marketplaceStringId);
  check("account_name", selectors.accountName, info.name);
  check("account_type", selectors.accountType, info.type);
  return conflicts;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
