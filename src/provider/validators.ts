/**
 * Value checks shared by the provider's schemas. Messages finish the sentence "<attribute> …" and
 * say what a valid value looks like; none of them ever echoes the value (it may be a secret).
 */
import { marketplaceById, marketplaceOfCountry } from "../amazon-ads/regions.js";
import { absoluteUrl, oneOf, type Validator } from "../plugin/index.js";

/** A redirect URI: absolute http(s), as LwA's Allowed Return URLs are. */
export const redirectUriFormat = absoluteUrl(["http", "https"]);

/** Profile ids are decimal integers, often beyond 2^53, so they are written as strings. */
export const profileIdFormat: Validator<string> = {
  description: 'a profile id written as a string of digits, such as "3456789012345678"',
  validate: (value) =>
    /^[1-9][0-9]{0,19}$/.test(value)
      ? undefined
      : 'must be a profile id written as a string of digits, such as "3456789012345678" ' +
        "(profile ids can exceed what a number holds exactly; run `cdktf-amazon-ads profiles` to list them)",
};

/** Amazon's profile country codes: ISO-like, except that the United Kingdom is `UK`. */
export const countryCodeFormat: Validator<string> = {
  description: "an Amazon Ads country code such as US, UK, DE or JP",
  validate(value) {
    if (value === "GB") return 'must be "UK" for the United Kingdom: Amazon Ads does not use "GB"';
    if (!/^[A-Z]{2}$/.test(value)) {
      return "must be two upper-case letters, an Amazon Ads country code such as US, UK, DE or JP";
    }
    // Amazon opens new marketplaces; an unknown code is accepted here and warned about at plan.
    return undefined;
  },
};

/** True when Amazon Ads documents this country (used for warnings, not to refuse new ones). */
export function isKnownCountry(countryCode: string): boolean {
  return marketplaceOfCountry(countryCode) !== undefined;
}

/** Marketplace ids are upper-case letters and digits (`ATVPDKIKX0DER`). */
export const marketplaceIdFormat: Validator<string> = {
  description: "a marketplace id such as ATVPDKIKX0DER",
  validate: (value) =>
    /^[A-Z0-9]{8,20}$/.test(value) ? undefined : "must be a marketplace id such as ATVPDKIKX0DER",
};

/** True when Amazon Ads documents this marketplace id. */
export function isKnownMarketplace(marketplaceId: string): boolean {
  return marketplaceById(marketplaceId) !== undefined;
}

/** Profile account types as the Ads API spells them. */
export const accountTypeFormat: Validator<string> = oneOf("seller", "vendor", "agency");

/** `accessLevel` filter of `/v2/profiles`. */
export const accessLevelFormat: Validator<string> = oneOf("edit", "view");

/** `apiProgram` filter of `/v2/profiles`. */
export const apiProgramFormat: Validator<string> = oneOf(
  "billing",
  "campaign",
  "paymentMethod",
  "store",
  "report",
  "account",
  "posts",
);

/** Regions, for attributes that pick one. */
export const regionFormat: Validator<string> = oneOf("NA", "EU", "FE");

/** LwA scopes: non-empty, no whitespace (they are joined with spaces in the consent URL). */
export const scopesFormat: Validator<string[]> = {
  description: "a non-empty list of scopes such as advertising::campaign_management",
  validate: (value) =>
    value.length === 0
      ? "must name at least one scope, such as advertising::campaign_management"
      : value.some((s) => !/^\S+$/.test(s))
        ? "must not contain empty scopes or scopes with spaces"
        : undefined,
};

/** A text that must not be empty (codes, tokens, paths). */
export const nonEmpty: Validator<string> = {
  description: "a non-empty string",
  validate: (value) => (value.trim() === "" ? "must not be empty" : undefined),
};
