/**
 * `data "amazonads_manager_accounts"`: the manager accounts a grant's user belongs to (Amazon's
 * `GET /managerAccounts`), with the accounts linked to each.
 */
import { attr, schema, types } from "../../plugin/index.js";
import { nonEmpty, regionFormat } from "../validators.js";

const managerAccountFields = {
  manager_account_id: types.string,
  manager_account_name: types.string,
};

const linkedAccountFields = {
  manager_account_id: types.string,
  account_id: types.string,
  account_name: types.string,
  account_type: types.string,
  marketplace_id: types.string,
  dsp_advertiser_id: types.string,
  profile_id: types.string,
};

/** Schema of the `amazonads_manager_accounts` data source. */
export const managerAccountsSchema = schema({
  description:
    "Lists the manager accounts (`amzn1.ads1.ma1.…`) the grant's Amazon user belongs to, with the " +
    "accounts linked to each (at most 50 each), from Amazon's `GET /managerAccounts`.",
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
        "Path of a credentials file written by `cdktf-amazon-ads login`, read at each plan. Its " +
        "client id must be the provider's. Give this or `refresh_token`.",
    }),
    region: attr.string({
      optional: true,
      validators: [regionFormat],
      description:
        "The region whose Amazon Ads API host is asked: NA, EU or FE. Default: the provider's region.",
    }),
    manager_accounts: attr.list(types.object(managerAccountFields), {
      computed: true,
      description:
        "The manager accounts: `manager_account_id` (the value of the " +
        "`Amazon-Advertising-API-Manager-Account` header of the APIs that take it) and " +
        "`manager_account_name`.",
    }),
    linked_accounts: attr.list(types.object(linkedAccountFields), {
      computed: true,
      description:
        "The accounts linked to each manager account: `manager_account_id`, `account_id`, " +
        "`account_name`, `account_type` (DSP_ADVERTISING_ACCOUNT, MARKETING_CLOUD, SELLER or " +
        "VENDOR), `marketplace_id`, `dsp_advertiser_id` (DSP accounts only) and `profile_id` (a " +
        "string; seller, vendor and marketing-cloud accounts only).",
    }),
    manager_account_ids: attr.list(types.string, {
      computed: true,
      description: "The ids of `manager_accounts`.",
    }),
  },
});
