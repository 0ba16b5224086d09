/**
 * `amazonads_profile_set`: one advertising profile per marketplace country, all from one grant,
 * selected with one profile listing per region.
 */
import { attr, schema, types, type Validator } from "../../plugin/index.js";
import { profileSchema } from "../resource-profile/schema.js";
import { accountTypeFormat, nonEmpty } from "../validators.js";
import { selectedPerCountry } from "./plan-modifiers.js";

// The grant and the filters Amazon applies are those of amazonads_profile, word for word.
const { refresh_token, access_level, api_program } = profileSchema.attributes;

/** The fields of one country's entry in `profiles`. */
export const profileEntryFields = {
  profile_id: types.string,
  country_code: types.string,
  marketplace_id: types.string,
  account_id: types.string,
  account_name: types.string,
  account_type: types.string,
  account_sub_type: types.string,
  currency_code: types.string,
  timezone: types.string,
  region: types.string,
  api_url: types.string,
  ads_account_id: types.string,
};

// Element checks (format, duplicates) point at the element, so they live in validate.ts.
const atLeastOneCountry: Validator<string[]> = {
  description: 'a non-empty list, such as ["DE", "FR", "IT"]',
  validate: (value) =>
    value.length === 0
      ? 'must name at least one country, such as ["DE", "FR", "IT"]; to select no profile, ' +
        "remove the resource"
      : undefined,
};

const narrowing = (what: string) =>
  `${what} Optional; applies to every country of \`country_codes\`.`;

/** Schema of `amazonads_profile_set`. */
export const profileSetSchema = schema({
  description:
    "One advertising profile per marketplace country, among the profiles one grant can access: " +
    "exactly one must match in each country of `country_codes`. Each plan lists the profiles once " +
    "per region involved (not once per country) and drops from state a profile that is gone, so " +
    "that the next apply selects that country again.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [selectedPerCountry],
      description: "A digest of the selected profile ids (not secret).",
    }),
    refresh_token,
    country_codes: attr.list(types.string, {
      required: true,
      validators: [atLeastOneCountry],
      description:
        "The marketplace country codes, one profile each (US, CA, UK — not GB —, DE, JP …), " +
        "without duplicates. Each country's profiles are looked up in that country's region; " +
        "the order is kept (constructs take the first country as the primary one).",
    }),
    account_type: attr.string({
      optional: true,
      validators: [accountTypeFormat],
      description: narrowing(
        "Only profiles of this account type: seller, vendor or agency (sent to Amazon as `profileTypeFilter`).",
      ),
    }),
    account_name: attr.string({
      optional: true,
      validators: [nonEmpty],
      description: narrowing("Only profiles with this account name, matched exactly."),
    }),
    access_level,
    api_program,
    profiles: attr.map(types.object(profileEntryFields), {
      computed: true,
      planModifiers: [selectedPerCountry],
      description:
        'The selected profiles by country code: `profiles["DE"].profile_id` (a string), ' +
        "`region`, `api_url`, `marketplace_id`, `currency_code`, `timezone`, `account_*`, and " +
        "`ads_account_id`: the global Ads account (`amzn1.ads-account.g.…`) whose `alternateIds` " +
        "list that profile, null when none does (looked up when the set is selected, one " +
        "`POST /adsAccounts/list` per region involved, then kept). Its keys are the configured " +
        "countries, known at plan time, so it can drive `for_each`.",
    }),
    profile_ids: attr.map(types.string, {
      computed: true,
      planModifiers: [selectedPerCountry],
      description: "The selected profile ids by country code, as strings.",
    }),
  },
});
