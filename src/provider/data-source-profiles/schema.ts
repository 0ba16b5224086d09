/**
 * `data "amazonads_profiles"`: every profile a grant can access, to discover ids before selecting.
 */
import { attr, schema, types } from "../../plugin/index.js";
import {
  accessLevelFormat,
  accountTypeFormat,
  apiProgramFormat,
  countryCodeFormat,
  nonEmpty,
  regionFormat,
} from "../validators.js";
import type { Validator } from "../../plugin/index.js";

const eachRegion: Validator<string[]> = {
  description: "a list of regions among NA, EU, FE",
  validate: (value) => value.map((r) => regionFormat.validate(r)).find((p) => p !== undefined),
};

const eachAccountType: Validator<string[]> = {
  description: "a list of account types among seller, vendor, agency",
  validate: (value) => value.map((t) => accountTypeFormat.validate(t)).find((p) => p !== undefined),
};

const profileFields = {
  profile_id: types.string,
  country_code: types.string,
  currency_code: types.string,
  timezone: types.string,
  marketplace_id: types.string,
  account_id: types.string,
  account_name: types.string,
  account_type: types.string,
  account_sub_type: types.string,
  valid_payment_method: types.bool,
  region: types.string,
  api_url: types.string,
};

/** Schema of the `amazonads_profiles` data source. */
export const profilesSchema = schema({
  description:
    "Lists the advertising profiles a grant can access, in one or more regions, with optional filters. " +
    "Profile ids are strings.",
  attributes: {
    id: attr.string({
      computed: true,
      description: "A digest of the query (regions and filters), not of the grant.",
    }),
    refresh_token: attr.string({
      required: true,
      sensitive: true,
      validators: [nonEmpty],
      description:
        "The grant's refresh token, usually `amazonads_authorization.<name>.refresh_token`.",
    }),
    regions: attr.list(types.string, {
      optional: true,
      default: ["NA", "EU", "FE"],
      validators: [eachRegion],
      description: "Regions to list. Default: all three (NA, EU, FE).",
    }),
    country_code: attr.string({
      optional: true,
      validators: [countryCodeFormat],
      description: "Only profiles of this country code.",
    }),
    account_types: attr.list(types.string, {
      optional: true,
      validators: [eachAccountType],
      description:
        "Only these account types (seller, vendor, agency): the API's `profileTypeFilter`.",
    }),
    access_level: attr.string({
      optional: true,
      default: "edit",
      validators: [accessLevelFormat],
      description: "`edit` (default) or `view`: the API's `accessLevel` filter.",
    }),
    api_program: attr.string({
      optional: true,
      default: "campaign",
      validators: [apiProgramFormat],
      description: "The API's `apiProgram` filter. Default: campaign.",
    }),
    valid_payment_method: attr.bool({
      optional: true,
      description: "Only profiles with (true) or without (false) a valid payment method.",
    }),
    profiles: attr.list(types.object(profileFields), {
      computed: true,
      description: "The matching profiles, in Amazon's order within each region.",
    }),
    profile_ids: attr.list(types.string, {
      computed: true,
      description: "The ids of `profiles`, as strings.",
    }),
  },
});
