/**
 * Turning failures of the Amazon Ads client into diagnostics that every handler shares: which
 * failures are passing (a plan keeps going on them), and the provider-credential problems that no
 * resource attribute can fix.
 */
import { isAmazonAdsError, type AmazonAdsError } from "../amazon-ads/index.js";
import type { AttributePath, Diagnostics } from "../plugin/index.js";
import { MissingCredentialsError } from "./clients.js";
import { SETTING_ENV } from "./settings.js";

/** Failures that retrying later may fix: throttling, Amazon outages, the network, garbled replies. */
export function isTransient(error: unknown): error is AmazonAdsError {
  return isAmazonAdsError(
    error,
    "THROTTLED",
    "AMAZON_UNAVAILABLE",
    "NETWORK",
    "TIMEOUT",
    "MALFORMED_RESPONSE",
    "UNEXPECTED_RESPONSE",
  );
}

/** Amazon's request id as a sentence to append to a detail, when there is one. */
export function requestIdNote(error: AmazonAdsError): string {
  return error.requestId ? ` (Amazon request id ${error.requestId}.)` : "";
}

/** The detail for Login with Amazon refusing the provider's client id or secret. */
export const INVALID_CLIENT_DETAIL =
  "Login with Amazon rejected the provider's client id or client secret. Check client_id and " +
  `client_secret in the provider "amazonads" block (or ${SETTING_ENV.client_id} and ` +
  `${SETTING_ENV.client_secret}): copy both again from the app's security profile in the Amazon ` +
  "Developer console (Login with Amazon → Web Settings).";

/**
 * Adds an error for a failure no specific mapping covered: provider credentials (no attribute),
 * otherwise the client's own message (which never holds a secret) on `attribute`. Rethrows a
 * cancellation and anything that is not a known failure, so that bugs surface as such.
 */
export function reportFailure(
  diagnostics: Diagnostics,
  summary: string,
  error: unknown,
  attribute?: AttributePath,
): void {
  // A cancelled call is reported by the framework ("… was cancelled"), not as Amazon's failure.
  if (isAmazonAdsError(error, "ABORTED")) throw error;
  if (error instanceof MissingCredentialsError) {
    diagnostics.error("The amazonads provider has no client credentials", error.message);
    return;
  }
  if (isAmazonAdsError(error, "INVALID_CLIENT")) {
    diagnostics.error(
      "Login with Amazon rejected the client credentials",
      INVALID_CLIENT_DETAIL + requestIdNote(error),
    );
    return;
  }
  if (isAmazonAdsError(error)) {
    diagnostics.error(summary, error.message + requestIdNote(error), attribute);
    return;
  }
  throw error;
}
