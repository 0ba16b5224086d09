/**
 * The refresh token's end of life as plans see it: how close it is (judged by the provider's
 * clock against `refresh_token_expires_at`), the warning within the window, and the diagnostics
 * that say how to renew, for the grant source the configuration uses.
 */
import {
  calendarDate,
  daysLeft,
  DEFAULT_EXPIRY_WARNING_DAYS,
} from "../../amazon-ads/grant-lifetime.js";
import { attributePath, type Diagnostics, type Validator } from "../../plugin/index.js";

/** `expiry_warning_days`: a whole number of days, at least 1. */
export const expiryWarningDaysFormat: Validator<number> = {
  description: "a whole number of days, at least 1",
  validate: (value) =>
    Number.isInteger(value) && value >= 1
      ? undefined
      : `must be a whole number of days, at least 1, such as ${DEFAULT_EXPIRY_WARNING_DAYS} (the ` +
        "default): a window of 0 days or less would never warn before the grant stops working. " +
        "To warn less often, make the window shorter; leave it out for the default",
};

/** `authorization_code_wo_version`: a whole number. */
export const versionFormat: Validator<number> = {
  description: "a whole number such as 1",
  validate: (value) =>
    Number.isInteger(value) && value >= 0
      ? undefined
      : "must be a whole number such as 1 (change it, e.g. to 2, with each new authorization_code_wo)",
};

/** Where the refresh token stands. */
export type ExpiryVerdict =
  | { readonly kind: "lasting" }
  | {
      readonly kind: "fine" | "soon" | "expired";
      readonly expiresAt: number;
      readonly days: number;
    };

/** Judges `expiresAt` (RFC 3339 or null) at `now` against a window of `windowDays`. */
export function judgeExpiry(
  expiresAt: number | undefined,
  now: number,
  windowDays: number,
): ExpiryVerdict {
  if (expiresAt === undefined) return { kind: "lasting" };
  const days = daysLeft(expiresAt, now);
  const kind = now >= expiresAt ? "expired" : days <= windowDays ? "soon" : "fine";
  return { kind, expiresAt, days };
}

/** The configured attribute a grant comes from, which a renewal changes. */
export type RenewableSource =
  "credentials_file" | "authorization_code" | "authorization_code_wo" | "refresh_token";

const KEEP_GRANT =
  "The new grant is made before the old one is forgotten when the resource has `lifecycle { " +
  "create_before_destroy = true }` (the AuthorizationGrant construct sets it); consumers keep " +
  "reading the same profile ids.";

/** How to renew a grant made from `source` (a path for the credentials file), in steps. */
export function renewalSteps(source: RenewableSource | undefined, file?: string): string {
  switch (source) {
    case "credentials_file":
      return (
        `Renew it with \`cdktf-amazon-ads login --renew --output ${file ?? "<credentials file>"}\` ` +
        "(a new consent for the same client id and region, written into the same file), then " +
        "deploy (`cdktf deploy` or `terraform apply`): the grant is replaced by the new one."
      );
    case "authorization_code":
      return (
        "Get a new authorization code from amazonads_lwa_app's consent URL, set " +
        "authorization_code to it and apply within 5 minutes: the grant is replaced by the new " +
        "one. Or switch to the credentials_file a new `cdktf-amazon-ads login` writes."
      );
    case "authorization_code_wo":
      return (
        "Get a new authorization code from amazonads_lwa_app's consent URL, give it to " +
        "authorization_code_wo, change authorization_code_wo_version (e.g. 1 → 2) and apply " +
        "within 5 minutes: the grant is replaced by the new one."
      );
    case "refresh_token":
      return (
        "Run `cdktf-amazon-ads login` for a new consent and set refresh_token to the new grant's " +
        "refresh token (or use credentials_file with the file login writes), then apply: the " +
        "grant is replaced by the new one."
      );
    default:
      return (
        "Give amazonads_authorization a new grant: the credentials_file of `cdktf-amazon-ads " +
        "login`, a new authorization code, or a new refresh token; then apply: the grant is " +
        "replaced by the new one."
      );
  }
}

/** Where the grant's expiry diagnostics point: the source the user changes to renew. */
function at(source: RenewableSource | undefined) {
  return source === undefined
    ? undefined
    : attributePath(source === "authorization_code_wo" ? "authorization_code_wo_version" : source);
}

/** What a diagnostic about one grant's expiry needs. */
export interface ExpiryContext {
  readonly id: string | null;
  readonly verdict: Extract<ExpiryVerdict, { expiresAt: number }>;
  readonly source: RenewableSource | undefined;
  readonly file?: string;
}

/** The plan's warning while the refresh token is within the window. */
export function expiresSoonWarning(diagnostics: Diagnostics, context: ExpiryContext): void {
  const { id, verdict, source, file } = context;
  const date = calendarDate(verdict.expiresAt);
  const whose = id === null ? "this grant" : `grant ${id}`;
  diagnostics.warning(
    `The grant's refresh token expires on ${date} (in ${plural(verdict.days)})`,
    `Login with Amazon stops accepting the refresh token of ${whose} on ${date} ` +
      "(365 days after the consent); from then on nothing that uses this grant can get an access " +
      `token. ${renewalSteps(source, file)} ${KEEP_GRANT}`,
    at(source),
  );
}

/** The plan's error when the token expired and the configuration brings no new grant. */
export function expiredError(diagnostics: Diagnostics, context: ExpiryContext): void {
  const { id, verdict, source, file } = context;
  const date = calendarDate(verdict.expiresAt);
  diagnostics.error(
    `The grant's refresh token expired on ${date}`,
    `Grant ${id ?? "(unknown id)"} stopped working on ${date} (365 days after the consent), and ` +
      "the configuration still holds the same grant, so replacing it could only fail. Nothing " +
      `was changed: the grant stays in state until a new one replaces it. ${renewalSteps(source, file)} ` +
      KEEP_GRANT,
    at(source),
  );
}

/** The plan's error when a credentials file to create a grant from holds an expired one. */
export function expiredFileError(diagnostics: Diagnostics, context: ExpiryContext): void {
  const date = calendarDate(context.verdict.expiresAt);
  diagnostics.error(
    `The credentials file's grant expired on ${date}`,
    `The grant in ${context.file ?? "the credentials file"} stopped working on ${date} (365 days ` +
      "after the consent it records), so Login with Amazon would refuse it. " +
      renewalSteps("credentials_file", context.file),
    attributePath("credentials_file"),
  );
}

/** The plan's warning saying why a grant is replaced: it expired, and a new one is configured. */
export function replacedBecauseExpiredWarning(
  diagnostics: Diagnostics,
  context: ExpiryContext,
): void {
  const { id, verdict, source } = context;
  const date = calendarDate(verdict.expiresAt);
  diagnostics.warning(
    `Replacing the grant: its refresh token expired on ${date}`,
    `Grant ${id ?? "(unknown id)"} stopped working on ${date} (365 days after the consent). The ` +
      `configuration brings a new grant${source ? ` (${source})` : ""}, so this plan replaces it. ` +
      KEEP_GRANT,
    at(source),
  );
}

function plural(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}
