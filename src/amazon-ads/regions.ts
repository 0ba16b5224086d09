/**
 * Amazon's three advertising regions and the marketplaces in each.
 *
 * These tables are shared by the client, the provider, the CLI and the emulator (the one module the
 * emulator may import), so that every part agrees on where a country's profiles live.
 */

/** An Amazon Ads region: North America, Europe (incl. India, Middle East, Africa) or Far East. */
export type Region = "NA" | "EU" | "FE";

/** Every region, in the order Amazon's documentation lists them. */
export const REGIONS: readonly Region[] = ["NA", "EU", "FE"];

/** The three Amazon endpoints a region is served from. */
export interface RegionEndpoints {
  /** Login with Amazon consent page the user's browser is sent to. */
  readonly authorizationUrl: string;
  /** Login with Amazon token endpoint (code exchange and refresh). */
  readonly tokenUrl: string;
  /** Amazon Ads API host. */
  readonly apiUrl: string;
}

/** Amazon's production endpoints per region. */
export const REGION_ENDPOINTS: Readonly<Record<Region, RegionEndpoints>> = {
  NA: {
    authorizationUrl: "https://www.amazon.com/ap/oa",
    tokenUrl: "https://api.amazon.com/auth/o2/token",
    apiUrl: "https://advertising-api.amazon.com",
  },
  EU: {
    authorizationUrl: "https://eu.account.amazon.com/ap/oa",
    tokenUrl: "https://api.amazon.co.uk/auth/o2/token",
    apiUrl: "https://advertising-api-eu.amazon.com",
  },
  FE: {
    authorizationUrl: "https://apac.account.amazon.com/ap/oa",
    tokenUrl: "https://api.amazon.co.jp/auth/o2/token",
    apiUrl: "https://advertising-api-fe.amazon.com",
  },
};

/** A marketplace as Amazon Ads names it in a profile. */
export interface Marketplace {
  /** The profile's `countryCode` (Amazon uses `UK`, not ISO's `GB`). */
  readonly countryCode: string;
  /** The profile's `accountInfo.marketplaceStringId`. */
  readonly marketplaceId: string;
  /** The region whose API host serves this marketplace's profiles. */
  readonly region: Region;
  /** The profile's `currencyCode` in this marketplace. */
  readonly currencyCode: string;
  /** The profile's `timezone` in this marketplace, as Amazon Ads reports it. */
  readonly timezone: string;
}

/**
 * Every marketplace Amazon Ads documents, grouped by region, with the currency and time zone its
 * profiles report (shared by the client and the emulator).
 */
export const MARKETPLACES: readonly Marketplace[] = [
  {
    countryCode: "US",
    marketplaceId: "ATVPDKIKX0DER",
    region: "NA",
    currencyCode: "USD",
    timezone: "America/Los_Angeles",
  },
  {
    countryCode: "CA",
    marketplaceId: "A2EUQ1WTGCTBG2",
    region: "NA",
    currencyCode: "CAD",
    timezone: "America/Los_Angeles",
  },
  {
    countryCode: "MX",
    marketplaceId: "A1AM78C64UM0Y8",
    region: "NA",
    currencyCode: "MXN",
    timezone: "America/Los_Angeles",
  },
  {
    countryCode: "BR",
    marketplaceId: "A2Q3Y263D00KWC",
    region: "NA",
    currencyCode: "BRL",
    timezone: "America/Sao_Paulo",
  },
  {
    countryCode: "UK",
    marketplaceId: "A1F83G8C2ARO7P",
    region: "EU",
    currencyCode: "GBP",
    timezone: "Europe/London",
  },
  {
    countryCode: "DE",
    marketplaceId: "A1PA6795UKMFR9",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
  },
  {
    countryCode: "FR",
    marketplaceId: "A13V1IB3VIYZZH",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
  },
  {
    countryCode: "IT",
    marketplaceId: "APJ6JRA9NG5V4",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
  },
  {
    countryCode: "ES",
    marketplaceId: "A1RKKUPIHCS9HS",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
  },
  {
    countryCode: "NL",
    marketplaceId: "A1805IZSGTT6HS",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Amsterdam",
  },
  {
    countryCode: "SE",
    marketplaceId: "A2NODRKZP88ZB9",
    region: "EU",
    currencyCode: "SEK",
    timezone: "Europe/Stockholm",
  },
  {
    countryCode: "PL",
    marketplaceId: "A1C3SOZRARQ6R3",
    region: "EU",
    currencyCode: "PLN",
    timezone: "Europe/Warsaw",
  },
  {
    countryCode: "BE",
    marketplaceId: "AMEN7PMS3EDWL",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Brussels",
  },
  {
    countryCode: "IE",
    marketplaceId: "A28R8C7NBKEWEA",
    region: "EU",
    currencyCode: "EUR",
    timezone: "Europe/Dublin",
  },
  {
    countryCode: "TR",
    marketplaceId: "A33AVAJ2PDY3EV",
    region: "EU",
    currencyCode: "TRY",
    timezone: "Europe/Istanbul",
  },
  {
    countryCode: "AE",
    marketplaceId: "A2VIGQ35RCS4UG",
    region: "EU",
    currencyCode: "AED",
    timezone: "Asia/Dubai",
  },
  {
    countryCode: "SA",
    marketplaceId: "A17E79C6D8DWNP",
    region: "EU",
    currencyCode: "SAR",
    timezone: "Asia/Riyadh",
  },
  {
    countryCode: "EG",
    marketplaceId: "ARBP9OOSHTCHU",
    region: "EU",
    currencyCode: "EGP",
    timezone: "Africa/Cairo",
  },
  {
    countryCode: "IN",
    marketplaceId: "A21TJRUUN4KGV",
    region: "EU",
    currencyCode: "INR",
    timezone: "Asia/Kolkata",
  },
  // ZA's id comes from Amazon's Selling Partner marketplace table (Amazon.co.za, 2024).
  {
    countryCode: "ZA",
    marketplaceId: "AE08WJ6YKNBMC",
    region: "EU",
    currencyCode: "ZAR",
    timezone: "Africa/Johannesburg",
  },
  {
    countryCode: "JP",
    marketplaceId: "A1VC38T7YXB528",
    region: "FE",
    currencyCode: "JPY",
    timezone: "Asia/Tokyo",
  },
  {
    countryCode: "AU",
    marketplaceId: "A39IBJ37TRP1C6",
    region: "FE",
    currencyCode: "AUD",
    timezone: "Australia/Sydney",
  },
  {
    countryCode: "SG",
    marketplaceId: "A19VAU5U5O7RUS",
    region: "FE",
    currencyCode: "SGD",
    timezone: "Asia/Singapore",
  },
];

const byCountry = new Map(MARKETPLACES.map((m) => [m.countryCode, m]));
const byMarketplaceId = new Map(MARKETPLACES.map((m) => [m.marketplaceId, m]));

/** True when `value` names a region (`NA`, `EU` or `FE`, exact case). */
export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** The marketplace of a profile country code (`UK`, not `GB`), or undefined when Amazon has none. */
export function marketplaceOfCountry(countryCode: string): Marketplace | undefined {
  return byCountry.get(countryCode);
}

/** The marketplace with this `marketplaceStringId`, or undefined when unknown. */
export function marketplaceById(marketplaceId: string): Marketplace | undefined {
  return byMarketplaceId.get(marketplaceId);
}

/** The region whose API host serves a country's profiles, or undefined for an unknown country. */
export function regionOfCountry(countryCode: string): Region | undefined {
  return byCountry.get(countryCode)?.region;
}
