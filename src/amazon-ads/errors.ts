/**
 * The one error type of the Amazon Ads client. Callers branch on `code`, never on the message;
 * messages say what happened and what to do, and never contain a secret.
 */

/**
 * Stable machine codes of {@link AmazonAdsError}.
 *
 * | code | meaning |
 * | --- | --- |
 * | `INVALID_ARGUMENT` | the caller passed something unusable (bad URL, non-numeric profile id, bad PKCE verifier) |
 * | `INVALID_CLIENT` | LwA rejected the client id or secret (`invalid_client`) — final |
 * | `UNAUTHORIZED_CLIENT` | LwA does not allow this client the grant (`unauthorized_client`) — final |
 * | `REVOKED_GRANT` | the refresh token is revoked or expired (`invalid_grant` on refresh) — final |
 * | `CODE_EXPIRED_OR_USED` | the authorization code is older than 5 minutes or was redeemed — final |
 * | `REDIRECT_URI_MISMATCH` | `redirect_uri` differs from the consent's — final |
 * | `PKCE_MISMATCH` | `code_verifier` missing or not matching the consent's challenge — final |
 * | `INVALID_GRANT` | another `invalid_grant` answer — final |
 * | `INVALID_REQUEST` | LwA reports a missing or malformed parameter (`invalid_request`) |
 * | `UNSUPPORTED_GRANT_TYPE` | LwA does not know the `grant_type` |
 * | `CONSENT_REFUSED` | the consent redirect carried `error` (`access_denied`, …) instead of a code |
 * | `STATE_MISMATCH` | the consent redirect's `state` is not the one sent (possible CSRF) |
 * | `UNAUTHORIZED` | the Ads API refused the access token or client id (401/403) |
 * | `PROFILE_NOT_FOUND` | `GET /v2/profiles/{id}` answered 404 |
 * | `PROFILE_NOT_ACCESSIBLE` | `GET /v2/profiles/{id}` answered 401/403 with a fresh token |
 * | `REQUEST_REJECTED` | another 4xx that retrying cannot fix |
 * | `THROTTLED` | 429 until the retry bound was reached |
 * | `AMAZON_UNAVAILABLE` | 5xx until the retry bound was reached (or a 5xx that is not retryable) |
 * | `UNEXPECTED_RESPONSE` | a status Amazon does not document for the call (a redirect, say) |
 * | `MALFORMED_RESPONSE` | a body that is not the JSON Amazon documents (HTML, truncated, wrong shape) |
 * | `NETWORK` | the connection failed (refused, reset, DNS) until the retry bound was reached |
 * | `TIMEOUT` | no complete answer within the per-request timeout, until the retry bound |
 * | `ABORTED` | the caller's `AbortSignal` fired |
 * | `TEST_ACCOUNT_FAILED` | Amazon reports the test-account request as failed |
 * | `TEST_ACCOUNT_NOT_READY` | the test account was not `COMPLETED` before the deadline |
 */
export type AmazonAdsErrorCode =
  | "INVALID_ARGUMENT"
  | "INVALID_CLIENT"
  | "UNAUTHORIZED_CLIENT"
  | "REVOKED_GRANT"
  | "CODE_EXPIRED_OR_USED"
  | "REDIRECT_URI_MISMATCH"
  | "PKCE_MISMATCH"
  | "INVALID_GRANT"
  | "INVALID_REQUEST"
  | "UNSUPPORTED_GRANT_TYPE"
  | "CONSENT_REFUSED"
  | "STATE_MISMATCH"
  | "UNAUTHORIZED"
  | "PROFILE_NOT_FOUND"
  | "PROFILE_NOT_ACCESSIBLE"
  | "REQUEST_REJECTED"
  | "THROTTLED"
  | "AMAZON_UNAVAILABLE"
  | "UNEXPECTED_RESPONSE"
  | "MALFORMED_RESPONSE"
  | "NETWORK"
  | "TIMEOUT"
  | "ABORTED"
  | "TEST_ACCOUNT_FAILED"
  | "TEST_ACCOUNT_NOT_READY";

/** The request behind an error, already redacted (see `redact.ts`). */
export interface RequestSummary {
  /** HTTP method. */
  readonly method: string;
  /** URL with credentials removed and secret query parameters redacted. */
  readonly url: string;
  /** Request headers with `Authorization` and other secrets redacted. */
  readonly headers: Readonly<Record<string, unknown>>;
  /** Form or JSON body with secret fields redacted, when there was one. */
  readonly body?: unknown;
}

/**
 * The response behind an error, reduced to what is safe to keep: never a secret, whatever the body
 * held (a malformed token response may carry a working access token).
 */
export interface ResponseSummary {
  /** HTTP status. */
  readonly status: number;
  /** Response headers (secret ones such as `set-cookie` redacted). */
  readonly headers: Readonly<Record<string, unknown>>;
  /** The response's `Content-Type`, when it named one. */
  readonly contentType?: string;
  /** Size of the body in bytes. */
  readonly bodyBytes: number;
  /**
   * The body when it is JSON, written again with every secret field (`access_token`,
   * `refresh_token`, …) redacted. Absent when the body is not JSON: text that does not parse (a
   * truncated token response, say) has no fields to redact by, so only its size and type are kept.
   */
  readonly body?: string;
}

/** Everything an {@link AmazonAdsError} may carry besides its code and message. */
export interface AmazonAdsErrorDetails {
  /** The lower-level error, sanitized so that inspecting it shows no request options. */
  readonly cause?: unknown;
  /** HTTP status of the final response, when there was one. */
  readonly status?: number;
  /** Amazon's machine error: LwA's `error` or the Ads API's `code`. */
  readonly amazonError?: string;
  /** Amazon's human text: LwA's `error_description` or the Ads API's `details`. */
  readonly amazonDescription?: string;
  /** Amazon's request id (body `requestId` or an `x-amzn-RequestId`-style header). */
  readonly requestId?: string;
  /** How many HTTP attempts were made. */
  readonly attempts?: number;
  /** The request (redacted); non-enumerable on the error. */
  readonly request?: RequestSummary;
  /** The response (secrets redacted); non-enumerable on the error. */
  readonly response?: ResponseSummary;
}

/**
 * Every failure of the Amazon Ads client. `request` and `response` are redacted, and
 * non-enumerable so that logging or serializing the error never dumps a body; the message never
 * contains a secret and names URLs without their query string.
 */
export class AmazonAdsError extends Error {
  /** Stable machine code; see {@link AmazonAdsErrorCode}. */
  readonly code: AmazonAdsErrorCode;
  // Optional fields are `declare`d so that only the ones set become own properties.
  /** HTTP status of the final response, when there was one. */
  declare readonly status?: number;
  /** Amazon's machine error (`invalid_grant`, `UNAUTHORIZED`, …). */
  declare readonly amazonError?: string;
  /** Amazon's human description of the error. */
  declare readonly amazonDescription?: string;
  /** Amazon's request id, worth quoting to Amazon support. */
  declare readonly requestId?: string;
  /** How many HTTP attempts were made. */
  declare readonly attempts?: number;
  /** The request behind the error (redacted). Non-enumerable. */
  declare readonly request?: RequestSummary;
  /** The response behind the error (redacted; see {@link ResponseSummary}). Non-enumerable. */
  declare readonly response?: ResponseSummary;

  /** Creates an error; prefer the factories of the module that detects the failure. */
  constructor(code: AmazonAdsErrorCode, message: string, details: AmazonAdsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    for (const key of [
      "status",
      "amazonError",
      "amazonDescription",
      "requestId",
      "attempts",
    ] as const) {
      if (details[key] !== undefined)
        Object.defineProperty(this, key, { value: details[key], enumerable: true });
    }
    Object.defineProperty(this, "request", { value: details.request, enumerable: false });
    Object.defineProperty(this, "response", { value: details.response, enumerable: false });
  }
}

// On the prototype, so the name shows in stack traces without being an own, enumerable field.
Object.defineProperty(AmazonAdsError.prototype, "name", { value: "AmazonAdsError" });

/** True when `error` is an {@link AmazonAdsError}, optionally with one of the given codes. */
export function isAmazonAdsError(
  error: unknown,
  ...codes: AmazonAdsErrorCode[]
): error is AmazonAdsError {
  return error instanceof AmazonAdsError && (codes.length === 0 || codes.includes(error.code));
}
