/**
 * Step 3 of Amazon's guide: advertising profiles, their filters, and what an empty list means.
 */
import { REGIONS, regionOfCountry, type Region } from "./regions.js";

/** `apiProgram` filter values Amazon documents (default `campaign`). */
export type ApiProgram =
  "billing" | "campaign" | "paymentMethod" | "store" | "report" | "account" | "posts";

/** `accessLevel` filter values (default `edit`). */
export type AccessLevel = "edit" | "view";

/** Account types Amazon documents; others pass through as plain strings. */
export type ProfileType = "seller" | "vendor" | "agency";

/** Query filters of `GET /v2/profiles`; unset ones are not sent (Amazon's defaults apply). */
export interface ProfileFilters {
  /** Profiles usable with this API program. @default Amazon's "campaign" */
  readonly apiProgram?: ApiProgram;
  /** Minimum access the user has to the profile. @default Amazon's "edit" */
  readonly accessLevel?: AccessLevel;
  /** Only these account types (sent comma-separated). */
  readonly profileTypeFilter?: readonly ProfileType[];
  /** Only profiles with (true) or without (false) a valid payment method. */
  readonly validPaymentMethodFilter?: boolean;
}

/** A profile's `accountInfo`. Enum-like fields are strings: Amazon adds values without notice. */
export interface AccountInfo {
  /** Marketplace id (`ATVPDKIKX0DER` for US). */
  readonly marketplaceStringId: string;
  /** Seller, vendor or agency entity id (`ENTITY…` or `A…`). */
  readonly id: string;
  /** `seller`, `vendor`, `agency`, or a type Amazon added since. */
  readonly type: ProfileType | (string & {});
  /** Account name, when Amazon sends one. */
  readonly name?: string | undefined;
  /** `KDP_AUTHOR`, `AMAZON_ATTRIBUTION`, …, when Amazon sends one. */
  readonly subType?: string | undefined;
  /** Whether the account has a valid payment method, when Amazon says. */
  readonly validPaymentMethod?: boolean | undefined;
}

/** An advertising profile. `profileId` is a decimal string: ids exceed 2^53. */
export interface Profile {
  /** The profile id, exact, as a decimal string. */
  readonly profileId: string;
  /** Amazon's country code (`UK`, not `GB`). */
  readonly countryCode: string;
  /** ISO 4217 currency. */
  readonly currencyCode: string;
  /** Daily budget, when Amazon sends one. */
  readonly dailyBudget?: number | undefined;
  /** IANA time zone of the marketplace. */
  readonly timezone: string;
  /** The account behind the profile. */
  readonly accountInfo: AccountInfo;
}

/** The query parameters of `filters`, unset ones left out. */
export function profileFilterQuery(
  filters: ProfileFilters = {},
): Record<string, string | undefined> {
  return {
    apiProgram: filters.apiProgram,
    accessLevel: filters.accessLevel,
    profileTypeFilter: filters.profileTypeFilter?.length
      ? filters.profileTypeFilter.join(",")
      : undefined,
    validPaymentMethodFilter:
      filters.validPaymentMethodFilter === undefined
        ? undefined
        : String(filters.validPaymentMethodFilter),
  };
}

/** True when `value` can be a profile id (decimal digits only). */
export function isProfileId(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}

/** What an empty profile list may mean, for a caller to show as a hint. */
export interface EmptyProfileListExplanation {
  /** Regions other than the one queried, where the profiles may live. */
  readonly otherRegions: readonly Region[];
  /** The region that serves the expected country, when it differs from the one queried. */
  readonly expectedRegion?: Region;
  /** A sentence or two saying what to check. */
  readonly hint: string;
}

/** The context of an empty `GET /v2/profiles` answer. */
export interface EmptyProfileListContext {
  /** Region whose host answered. */
  readonly region: Region;
  /** The filters that were sent. */
  readonly filters?: ProfileFilters;
  /** The country the caller expected profiles for, if any. */
  readonly countryCode?: string;
}

/**
 * Explains an empty profile list: Amazon's wrong-region host answers 200 `[]` rather than an
 * error, and an empty list can also mean view-only access or a consent by another Amazon user.
 */
export function explainEmptyProfileList(
  context: EmptyProfileListContext,
): EmptyProfileListExplanation {
  const otherRegions = REGIONS.filter((region) => region !== context.region);
  const expectedRegion = context.countryCode ? regionOfCountry(context.countryCode) : undefined;
  const wrongRegion =
    expectedRegion && expectedRegion !== context.region
      ? `${context.countryCode} profiles are served by the ${expectedRegion} host, but the ` +
        `${context.region} host was asked; set the region to ${expectedRegion}.`
      : `The ${context.region} host answered with no profiles. Amazon's host for the wrong region ` +
        `answers with an empty list, so if the advertiser sells in another region, set the ` +
        `region to ${otherRegions.join(" or ")}.`;
  const viewOnly =
    context.filters?.accessLevel === "view"
      ? ""
      : " If the user only has view access, the profiles show with accessLevel=view.";
  return {
    otherRegions,
    ...(expectedRegion && expectedRegion !== context.region ? { expectedRegion } : {}),
    hint:
      `${wrongRegion}${viewOnly} Also check that the consent was given by the Amazon user who ` +
      `manages the advertising account.`,
  };
}
