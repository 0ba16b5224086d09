/**
 * `amazonads_test_account`: an Amazon Ads test account (Amazon's sandbox since 2022).
 */
import { attr, oneOf, planModifiers, schema } from "../../plugin/index.js";
import { countryCodeFormat, nonEmpty } from "../validators.js";

/** Schema of `amazonads_test_account`. */
export const testAccountSchema = schema({
  description:
    "An Amazon Ads test account, created asynchronously; create waits until Amazon reports it " +
    "COMPLETED. The grant needs the advertising::test:create_account scope, from an Amazon user " +
    "that manages no advertising accounts. Amazon has no API to delete test accounts: destroy only " +
    "forgets it.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "The test account's id (`ENTITY…` or `A…`).",
    }),
    // Not requiresReplace: a renewed grant (new code, re-consent after a revocation) must not ask
    // Amazon for another account, which it can never delete (and allows one AUTHOR per market).
    refresh_token: attr.string({
      required: true,
      sensitive: true,
      validators: [nonEmpty],
      description:
        "The grant's refresh token, usually `amazonads_authorization.<name>.refresh_token`. A new " +
        "one (a renewed grant) is taken in place: the account stays.",
    }),
    country_code: attr.string({
      required: true,
      planModifiers: [planModifiers.requiresReplace()],
      validators: [countryCodeFormat],
      description: "The marketplace country (US, UK, DE …).",
    }),
    account_type: attr.string({
      required: true,
      planModifiers: [planModifiers.requiresReplace()],
      validators: [oneOf("VENDOR", "AUTHOR")],
      description: "VENDOR or AUTHOR (one AUTHOR account per user and marketplace).",
    }),
    vendor_code: attr.string({
      optional: true,
      planModifiers: [planModifiers.requiresReplace()],
      validators: [nonEmpty],
      description:
        "The vendor code for a VENDOR account (accountMetaData.vendorCode); required when " +
        "account_type is VENDOR.",
    }),
    request_id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "Amazon's id of the creation request.",
    }),
    status: attr.string({
      computed: true,
      description: "The account's status as Amazon last reported it (COMPLETED once created).",
    }),
    profile_id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "The id of the advertising profile Amazon made for the account, as a string, once it appears.",
    }),
  },
});
