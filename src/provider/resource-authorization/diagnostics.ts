/**
 * The diagnostics of `amazonads_authorization`: each failure of a token exchange on the attribute
 * that caused it, with what to do. Messages name attributes and commands, never a secret.
 */
import { isAmazonAdsError, type AmazonAdsError } from "../../amazon-ads/index.js";
import { attributePath, type Diagnostics } from "../../plugin/index.js";
import { reportFailure, requestIdNote } from "../amazon-errors.js";

/** Where a grant being created comes from (the attribute that holds it). */
export type GrantSource =
  "authorization_code" | "authorization_code_wo" | "refresh_token" | "credentials_file";

// A failure of a write-only code is reported on the write-only attributes the user set.
const WRITE_ONLY_TWIN: Partial<Record<string, string>> = {
  authorization_code: "authorization_code_wo",
  code_verifier: "code_verifier_wo",
};

const NEW_CODE =
  "Get a new one with `cdktf-amazon-ads login` or by opening the consent URL (amazonads_lwa_app's " +
  "authorization_url), and apply within 5 minutes; or start from an existing grant with " +
  "refresh_token or credentials_file instead.";

const NEW_GRANT =
  "Get a new grant with `cdktf-amazon-ads login` (it writes a credentials file) or a new " +
  "authorization code, and use that instead.";

/** One entry of the catalogue: where the error goes and what it says. */
interface CatalogueEntry {
  attribute: Exclude<GrantSource, "authorization_code_wo"> | "redirect_uri" | "code_verifier";
  summary: string;
  detail: string;
}

// The exchange was sent but no usable answer came back: Amazon may have redeemed the code, and
// a code works once, so "try again" with the same code would only meet "already redeemed".
const answerLost = (source: GrantSource, error: AmazonAdsError): CatalogueEntry | undefined =>
  !isCode(source) || neverReached(error)
    ? undefined
    : {
        attribute: "authorization_code",
        summary: "The answer to the code exchange was lost: the code may be spent",
        detail:
          `The code was sent, but the answer did not arrive intact: ${error.message} Amazon may ` +
          "have redeemed the code without the grant reaching Terraform; nothing was stored. A code " +
          "works only once, so the same code would most likely be refused as already redeemed: " +
          "get a new one with `cdktf-amazon-ads login` (or amazonads_lwa_app's authorization_url) " +
          "and apply again within 5 minutes.",
      };

// A retried exchange refused as "already redeemed": the likeliest story is that an earlier attempt
// redeemed the code and its answer was lost, not that the user reused an old code.
const retriedIntoSpentCode = (attempts: number): CatalogueEntry => ({
  attribute: "authorization_code",
  summary: "The answer to the code exchange was lost: the code is probably spent",
  detail:
    `The code exchange took ${attempts} attempts: an earlier one got no usable answer (a ` +
    "timeout, a broken connection or a server error) and was retried, and Login with Amazon " +
    "refused the retry because the code was already redeemed or expired. Unless the code was " +
    "used before or is older than 5 minutes, the earlier attempt redeemed it and its answer, the " +
    "grant, was lost on the way: it never reached Terraform, so nothing was stored and there is " +
    `no grant to recover. The code cannot be redeemed again. ${NEW_CODE}`,
});

// Connection failures that mean the request never reached Amazon (so the code is still good),
// unless an earlier attempt of the same exchange did.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function neverReached(error: AmazonAdsError): boolean {
  const cause = error.cause as { code?: unknown } | undefined;
  return (
    error.code === "NETWORK" &&
    (error.attempts ?? 1) === 1 &&
    typeof cause?.code === "string" &&
    NOT_SENT.has(cause.code)
  );
}

function isCode(source: GrantSource): boolean {
  return source === "authorization_code" || source === "authorization_code_wo";
}

/** The catalogue: code → attribute, summary, detail. */
const CATALOGUE: Partial<
  Record<
    AmazonAdsError["code"],
    (source: GrantSource, error: AmazonAdsError) => CatalogueEntry | undefined
  >
> = {
  MALFORMED_RESPONSE: answerLost,
  UNEXPECTED_RESPONSE: answerLost,
  TIMEOUT: answerLost,
  NETWORK: answerLost,
  CODE_EXPIRED_OR_USED: (_source, error) =>
    (error.attempts ?? 1) > 1
      ? retriedIntoSpentCode(error.attempts ?? 2)
      : {
          attribute: "authorization_code",
          summary: "The authorization code was already redeemed or has expired",
          detail:
            "An authorization code can be redeemed once, within 5 minutes of the consent; this " +
            `one was already redeemed or is older than 5 minutes. ${NEW_CODE}`,
        },
  INVALID_GRANT: () => ({
    attribute: "authorization_code",
    summary: "Login with Amazon refused the authorization code",
    detail: `The code is not one Login with Amazon accepts for this client id. ${NEW_CODE}`,
  }),
  REDIRECT_URI_MISMATCH: () => ({
    attribute: "redirect_uri",
    summary: "The redirect URI differs from the consent's",
    detail:
      "redirect_uri must be exactly the redirect URI of the consent URL the code came from " +
      "(scheme, host, port, path and trailing slash), and be on the app's Allowed Return URLs. " +
      "Correct it; if Amazon then reports the code as used or expired, get a new code.",
  }),
  PKCE_MISMATCH: () => ({
    attribute: "code_verifier",
    summary: "The PKCE code verifier does not match the consent",
    detail:
      "The consent URL the code came from carried a PKCE code challenge, and code_verifier is " +
      "missing or is not the verifier made with that URL. Set code_verifier to that verifier; if " +
      "it is lost, get a new code with `cdktf-amazon-ads login`.",
  }),
  REVOKED_GRANT: (source) => ({
    attribute: isCode(source) ? "refresh_token" : (source as "refresh_token" | "credentials_file"),
    summary: "Login with Amazon does not accept this refresh token",
    detail:
      `The ${source === "credentials_file" ? "credentials file's " : ""}refresh token was revoked ` +
      `by the advertiser, expired, or belongs to another client id. ${NEW_GRANT}`,
  }),
};

/** Adds the diagnostic for a failed grant creation from `source`. */
export function reportGrantFailure(
  diagnostics: Diagnostics,
  error: unknown,
  source: GrantSource,
): void {
  const entry = isAmazonAdsError(error) ? CATALOGUE[error.code]?.(source, error) : undefined;
  if (entry && isAmazonAdsError(error)) {
    const attribute =
      source === "authorization_code_wo"
        ? (WRITE_ONLY_TWIN[entry.attribute] ?? entry.attribute)
        : entry.attribute;
    diagnostics.error(entry.summary, entry.detail + requestIdNote(error), attributePath(attribute));
    return;
  }
  reportFailure(
    diagnostics,
    "Could not create the authorization grant",
    error,
    attributePath(source),
  );
}

/** The warning for a grant that Amazon no longer accepts, found while reading state. */
export function revokedGrantWarning(diagnostics: Diagnostics, id: string | null): void {
  diagnostics.warning(
    "The authorization grant was revoked: removed from state",
    `Login with Amazon no longer accepts the refresh token of grant ${id ?? "(unknown id)"}: the ` +
      "advertiser revoked the consent, or it expired. It was removed from the Terraform state, so " +
      "the next apply creates a new grant. Give amazonads_authorization a new authorization_code " +
      "(from `cdktf-amazon-ads login` or amazonads_lwa_app's consent URL), a new refresh_token, or " +
      "a credentials_file written by a new `cdktf-amazon-ads login`.",
  );
}
