/**
 * `data "amazonads_ads_accounts"`: the global Ads accounts a grant reaches (Amazon's
 * `POST /adsAccounts/list`), with the profile each account has per country.
 */
import { attr, schema, types } from "../../plugin/index.js";
import { nonEmpty, regionFormat } from "../validators.js";

// Flat lists keyed by ads_account_id rather than lists inside each account: they read well in
// `for` expressions, and every CDK binding generator handles them.
const adsAccountFields = {
  ads_account_id: types.string,
  account_name: types.string,
  status: types.string,
  country_codes: types.list(types.string),
};

const alternateIdFields = {
  ads_account_id: types.string,
  country_code: types.string,
  entity_id: types.string,
  profile_id: types.string,
};

const countryErrorFields = {
  ads_account_id: types.string,
  country_code: types.string,
  error_code: types.string,
  error_id: types.string,
  error_message: types.string,
};

/** Schema of the `amazonads_ads_accounts` data source. */
export const adsAccountsSchema = schema({
  description:
    "Lists the global Ads accounts (`amzn1.ads-account.g.…`) a grant reaches, with each account's " +
    "profile per country, from Amazon's Advertising Accounts API (`POST /adsAccounts/list`, every " +
    "page). Profile ids are strings.",
  attributes: {
    id: attr.string({
      computed: true,
      description: "A digest of the query (the region asked), not of the grant.",
    }),
    refresh_token: attr.string({
      optional: true,
      sensitive: true,
      validators: [nonEmpty],
      description:
        "The grant's refresh token, usually `amazonads_authorization.<name>.refresh_token`. Give " +
        "this or `credentials_file`.",
    }),
    credentials_file: attr.string({
      optional: true,
      validators: [nonEmpty],
      description:
        "Path of a credentials file written by `cdktf-amazon-ads login`, read at each plan: the " +
        "refresh token never passes through the configuration. Its client id must be the " +
        "provider's. Give this or `refresh_token`.",
    }),
    region: attr.string({
      optional: true,
      validators: [regionFormat],
      description:
        "The region whose Amazon Ads API host is asked: NA, EU or FE. Default: the provider's " +
        "region. Ads accounts are global; Amazon does not say whether every host lists them all.",
    }),
    ads_accounts: attr.list(types.object(adsAccountFields), {
      computed: true,
      description:
        "The accounts, in Amazon's order: `ads_account_id`, `account_name`, `status` (CREATED, " +
        "DISABLED, PARTIALLY_CREATED or PENDING) and `country_codes`.",
    }),
    alternate_ids: attr.list(types.object(alternateIdFields), {
      computed: true,
      description:
        "Each account in each country where it exists (Amazon's `alternateIds`): " +
        "`ads_account_id`, `country_code`, `entity_id` and `profile_id`, a string.",
    }),
    country_errors: attr.list(types.object(countryErrorFields), {
      computed: true,
      description:
        "Countries where an account is not (yet) usable (Amazon's per-country `errors`, typical " +
        "of PARTIALLY_CREATED accounts): `ads_account_id`, `country_code`, `error_code`, " +
        "`error_id` (a string) and `error_message`.",
    }),
    ads_account_ids: attr.list(types.string, {
      computed: true,
      description: "The ids of `ads_accounts`.",
    }),
    ads_account_id_by_profile_id: attr.map(types.string, {
      computed: true,
      description:
        "The Ads account of each profile an account lists, by profile id (a profile in no account " +
        "is absent).",
    }),
  },
});
