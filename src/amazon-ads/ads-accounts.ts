/**
 * Global Ads accounts (Amazon's "Advertising Accounts" API, `POST /adsAccounts/list`) and manager
 * accounts (`GET /managerAccounts`): their shapes, the paging of the listing, and which Ads
 * account a profile belongs to. Profiles carry no Ads account id; the link is on the account side,
 * in `alternateIds`.
 */
import { AmazonAdsError } from "./errors.js";

/** The request and response media type of `POST /adsAccounts/list`. */
export const LIST_ADS_ACCOUNTS_MEDIA_TYPE = "application/vnd.listaccountsresource.v1+json";

/** The response media type of `GET /managerAccounts`. */
export const MANAGER_ACCOUNTS_MEDIA_TYPE = "application/vnd.getmanageraccountsresponse.v1+json";

/** The most accounts one page may hold (Amazon's `maxResults` is 1–100). */
export const MAX_ADS_ACCOUNTS_PAGE = 100;

/** Statuses Amazon documents; others pass through as plain strings. */
export type AdsAccountStatus = "CREATED" | "DISABLED" | "PARTIALLY_CREATED" | "PENDING";

/** The account in one country: Amazon's `AlternateId` (every field optional in the spec). */
export interface AlternateId {
  /** The marketplace country (`US`, `UK` …). */
  readonly countryCode?: string | undefined;
  /** The account's entity id there (`ENTITY…` or a seller id). */
  readonly entityId?: string | undefined;
  /** The profile id there, exact, as a decimal string (Amazon sends a number above 2^53). */
  readonly profileId?: string | undefined;
}

/** A per-country problem of an account. Amazon documents no `errorCode` values. */
export interface AdsAccountError {
  readonly errorCode?: string | undefined;
  /** Amazon's number, as decimal text (kept exact). */
  readonly errorId?: string | undefined;
  readonly errorMessage?: string | undefined;
}

/** A global Ads account (Amazon's `AdsAccountWithMetaData`). */
export interface AdsAccount {
  /** `amzn1.ads-account.g.…`: the id newer Amazon APIs take in `Amazon-Ads-AccountId`. */
  readonly adsAccountId: string;
  /** The account's name, when Amazon sends one. */
  readonly accountName?: string | undefined;
  /** `CREATED`, `DISABLED`, `PARTIALLY_CREATED`, `PENDING`, or a status Amazon added since. */
  readonly status?: AdsAccountStatus | (string & {}) | undefined;
  /** Countries the account covers (empty when Amazon sends none). */
  readonly countryCodes: readonly string[];
  /** One entry per country where the account exists. */
  readonly alternateIds: readonly AlternateId[];
  /** Problems by country code (empty when Amazon sends none). */
  readonly errors: Readonly<Record<string, readonly AdsAccountError[]>>;
}

/** One page of `POST /adsAccounts/list`. */
export interface AdsAccountPage {
  readonly adsAccounts: readonly AdsAccount[];
  /** The token of the next page; absent on the last. */
  readonly nextToken?: string | undefined;
}

/** An account linked to a manager account. */
export interface LinkedAccount {
  readonly accountId: string;
  readonly accountName?: string | undefined;
  /** `DSP_ADVERTISING_ACCOUNT`, `MARKETING_CLOUD`, `SELLER`, `VENDOR`, or one added since. */
  readonly accountType?: string | undefined;
  readonly marketplaceId?: string | undefined;
  /** Only for DSP accounts. */
  readonly dspAdvertiserId?: string | undefined;
  /** Only for seller, vendor and marketing-cloud accounts; a decimal string. */
  readonly profileId?: string | undefined;
}

/** A manager account the user belongs to (at most 50 linked accounts, Amazon's cap). */
export interface ManagerAccount {
  /** `amzn1.ads1.ma1.…`: the value of `Amazon-Advertising-API-Manager-Account` where an API takes it. */
  readonly managerAccountId: string;
  readonly managerAccountName?: string | undefined;
  readonly linkedAccounts: readonly LinkedAccount[];
}

// A listing that hands back a token it already gave would loop forever; Amazon pages by 100, so
// this many pages is far beyond any advertiser.
const MAX_PAGES = 1000;

/**
 * Every Ads account, following `nextToken` from page to page (pages may be empty and still carry
 * one). A token that repeats, or paging without end, is `MALFORMED_RESPONSE`.
 */
export async function listAllAdsAccounts(
  page: (nextToken: string | undefined) => Promise<AdsAccountPage>,
): Promise<AdsAccount[]> {
  const accounts: AdsAccount[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  for (let pages = 0; ; pages++) {
    const answer = await page(nextToken);
    accounts.push(...answer.adsAccounts);
    nextToken = answer.nextToken || undefined;
    if (nextToken === undefined) return accounts;
    if (seen.has(nextToken) || pages + 1 >= MAX_PAGES) {
      throw new AmazonAdsError(
        "MALFORMED_RESPONSE",
        `The Amazon Ads API kept answering POST /adsAccounts/list with a nextToken ` +
          `(${seen.has(nextToken) ? "a token it had already given" : `${MAX_PAGES} pages`}), ` +
          "so the listing never ends. If an endpoint URL is overridden, check that it points at " +
          "the Amazon Ads API; otherwise try again later.",
      );
    }
    seen.add(nextToken);
  }
}

/**
 * The Ads account whose `alternateIds` hold `profileId`, or undefined when none does (a normal
 * result: not every profile belongs to a global account). The first in Amazon's order wins.
 */
export function adsAccountOfProfile(
  accounts: readonly AdsAccount[],
  profileId: string,
): AdsAccount | undefined {
  return accounts.find((account) => account.alternateIds.some((a) => a.profileId === profileId));
}
