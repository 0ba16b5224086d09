/**
 * `amazonads_profile`: the one advertising profile (Amazon's step 3) that the selectors match.
 */
import { attr, schema } from "../../plugin/index.js";
import { keptUntilSelectedAgain } from "./plan-modifiers.js";
import {
  accessLevelFormat,
  accountTypeFormat,
  apiProgramFormat,
  countryCodeFormat,
  marketplaceIdFormat,
  nonEmpty,
  profileIdFormat,
} from "../validators.js";

const selector = (what: string) =>
  `${what} Optional selector; when not set, the selected profile's value.`;

/** Schema of `amazonads_profile`. */
export const profileSchema = schema({
  description:
    "The advertising profile that the selectors match, exactly one, among the profiles the grant " +
    "can access. Zero or several matches are an error that lists the candidates. Plans check the " +
    "profile is still accessible; one that is gone is removed from state with a warning.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The profile id.",
    }),
    refresh_token: attr.string({
      required: true,
      sensitive: true,
      validators: [nonEmpty],
      description:
        "The grant's refresh token, usually `amazonads_authorization.<name>.refresh_token`.",
    }),
    profile_id: attr.string({
      optional: true,
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      validators: [profileIdFormat],
      description: selector(
        "The profile id, as a string (ids can exceed 2^53, more than a number holds exactly).",
      ),
    }),
    country_code: attr.string({
      optional: true,
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      validators: [countryCodeFormat],
      description: selector(
        "The marketplace country code (US, CA, UK — not GB —, DE, JP …). When set, the profile is looked up in that country's region.",
      ),
    }),
    marketplace_id: attr.string({
      optional: true,
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      validators: [marketplaceIdFormat],
      description: selector("The marketplace id (ATVPDKIKX0DER for the US …)."),
    }),
    account_name: attr.string({
      optional: true,
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      validators: [nonEmpty],
      description: selector("The account name, matched exactly."),
    }),
    account_type: attr.string({
      optional: true,
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      validators: [accountTypeFormat],
      description: selector(
        "The account type: seller, vendor or agency (agency profiles cannot run sponsored ads themselves).",
      ),
    }),
    access_level: attr.string({
      optional: true,
      default: "edit",
      validators: [accessLevelFormat],
      description:
        "Profiles listed: those the user can edit (`edit`, default) or also those they can only view (`view`).",
    }),
    api_program: attr.string({
      optional: true,
      default: "campaign",
      validators: [apiProgramFormat],
      description:
        "The API program the profile must be usable with (billing, campaign, paymentMethod, store, report, account, posts). Default: campaign.",
    }),
    account_id: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The account id (`accountInfo.id`).",
    }),
    account_sub_type: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The account sub-type when Amazon gives one (KDP_AUTHOR, AMAZON_ATTRIBUTION …).",
    }),
    currency_code: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The profile's currency (USD, EUR …).",
    }),
    timezone: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The profile's time zone (America/Los_Angeles …).",
    }),
    region: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The Amazon Ads region whose API host serves the profile: NA, EU or FE.",
    }),
    api_url: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description: "The Amazon Ads API URL to call for this profile.",
    }),
    ads_account_id: attr.string({
      computed: true,
      planModifiers: [keptUntilSelectedAgain],
      description:
        "The global Ads account (`amzn1.ads-account.g.…`) whose `alternateIds` list this profile, " +
        "for APIs that take an `Amazon-Ads-AccountId` header; null when no Ads account lists it. " +
        "Looked up when the profile is selected (one `POST /adsAccounts/list` per grant and " +
        "region per apply) and kept, so later plans make no request for it.",
    }),
  },
});
