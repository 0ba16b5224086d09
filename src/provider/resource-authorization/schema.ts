/**
 * `amazonads_authorization`: an authorization grant (Amazon's steps 1 and 2). An authorization code
 * is redeemed exactly once, at create; the resulting refresh token lives in state from then on.
 */
import { attr, planModifiers, schema } from "../../plugin/index.js";
import { nonEmpty, redirectUriFormat } from "../validators.js";
import { DEFAULT_EXPIRY_WARNING_DAYS } from "../../amazon-ads/grant-lifetime.js";
import { expiryWarningDaysFormat, versionFormat } from "./expiry.js";
import { replacedWithNewCode, replacedWithNewWriteOnlyCode } from "./plan-modifiers.js";

/** Schema of `amazonads_authorization`. */
export const authorizationSchema = schema({
  description:
    "An Amazon Ads authorization grant. Give an `authorization_code` (redeemed once, at create; " +
    "`authorization_code_wo` keeps it out of plan and state on Terraform 1.11 and later), an " +
    "existing `refresh_token`, or the `credentials_file` written by `cdktf-amazon-ads login`. The " +
    "grant's tokens are kept in state as sensitive values; the access token is renewed when a plan " +
    "finds it expired or about to expire. Plans warn when the refresh token is about to expire.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "Identifies the grant without revealing it: `grant-` and 16 hex digits of a SHA-256 over the client id and refresh token.",
    }),
    authorization_code: attr.string({
      optional: true,
      sensitive: true,
      planModifiers: [replacedWithNewCode],
      validators: [nonEmpty],
      description:
        "An authorization code from the consent redirect. Valid 5 minutes and redeemable once: it is " +
        "exchanged at create and never sent again. A different code replaces the grant.",
    }),
    redirect_uri: attr.string({
      optional: true,
      planModifiers: [replacedWithNewCode],
      validators: [redirectUriFormat],
      description:
        "The redirect URI used at consent; required with `authorization_code` or " +
        "`authorization_code_wo` (Amazon checks they are equal).",
    }),
    code_verifier: attr.string({
      optional: true,
      sensitive: true,
      planModifiers: [replacedWithNewCode],
      validators: [nonEmpty],
      description: "The PKCE code verifier, when the consent URL carried a code challenge.",
    }),
    authorization_code_wo: attr.string({
      optional: true,
      sensitive: true,
      writeOnly: true,
      validators: [nonEmpty],
      description:
        "Write-only (Terraform 1.11 and later): the authorization code, never stored in plan or " +
        "state. Redeemed once, at create; set `authorization_code_wo_version` with it and change " +
        "that version with each new code, which replaces the grant. Use it instead of " +
        "`authorization_code`.",
    }),
    authorization_code_wo_version: attr.number({
      optional: true,
      planModifiers: [replacedWithNewWriteOnlyCode],
      validators: [versionFormat],
      description:
        "Required with `authorization_code_wo`: Terraform keeps no trace of a write-only value, so " +
        "this number (1, then 2 …) says when the code is new; while it stays the same, the code " +
        "is never sent again.",
    }),
    code_verifier_wo: attr.string({
      optional: true,
      sensitive: true,
      writeOnly: true,
      validators: [nonEmpty],
      description:
        "Write-only (Terraform 1.11 and later): the PKCE code verifier of `authorization_code_wo`, " +
        "never stored in plan or state. It belongs to that code, so `authorization_code_wo_version` " +
        "covers it too.",
    }),
    expiry_warning_days: attr.number({
      optional: true,
      validators: [expiryWarningDaysFormat],
      description:
        "Plans warn when the refresh token expires within this many days, naming the date and how " +
        `to renew the grant. Default: ${DEFAULT_EXPIRY_WARNING_DAYS}.`,
    }),
    refresh_token: attr.string({
      optional: true,
      computed: true,
      sensitive: true,
      planModifiers: [planModifiers.useStateForUnknown(), planModifiers.requiresReplace()],
      validators: [nonEmpty],
      description:
        "The grant's refresh token. Set it to adopt an existing grant; otherwise it is computed from " +
        "the authorization code or read from the credentials file. Amazon does not rotate it.",
    }),
    credentials_file: attr.string({
      optional: true,
      validators: [nonEmpty],
      description:
        "Path of a credentials file written by `cdktf-amazon-ads login`; its refresh token is adopted " +
        "at create. A new login into the same file replaces the grant.",
    }),
    client_id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "The LwA client id the grant belongs to. Configuring the provider with another client id replaces the grant.",
    }),
    access_token: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      sensitive: true,
      description:
        "A current access token (valid 60 minutes from issue; renewed by plans near expiry).",
    }),
    access_token_expires_at: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "When `access_token` expires (RFC 3339).",
    }),
    granted_at: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "When the grant was made (RFC 3339): the code exchange, the login recorded in the credentials " +
        "file, or, for an adopted refresh token, the adoption.",
    }),
    refresh_token_expires_at: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "An estimate of when the refresh token stops working (RFC 3339): 365 days after consent for " +
        "grants made from 2026-07-01, as Amazon announced; null for older grants, which last until " +
        "revoked. Plans warn within `expiry_warning_days` of it and, once it has passed, replace " +
        "the grant when the configuration brings a new one (or fail, saying how to renew).",
    }),
  },
});
