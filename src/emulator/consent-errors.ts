/**
 * The `error` values Login with Amazon's consent page redirects with (and nothing else), each with
 * the description the emulator sends when a test names none.
 */

/** The consent page's redirect errors, as the facts list them. */
export const CONSENT_ERRORS = [
  "access_denied",
  "invalid_request",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  "unauthorized_client",
] as const;

/** One of {@link CONSENT_ERRORS}. */
export type ConsentError = (typeof CONSENT_ERRORS)[number];

/** The `error_description` sent with each error unless a test gives its own. */
export const CONSENT_ERROR_DESCRIPTIONS: Readonly<Record<ConsentError, string>> = {
  access_denied: "The user denied the request for authorization",
  invalid_request: "The request is missing a required parameter or has an invalid one",
  invalid_scope: "One of the requested scopes is unknown or not allowed for this client",
  server_error: "Login with Amazon met an unexpected error while handling the request",
  temporarily_unavailable: "Login with Amazon cannot handle the request right now",
  unauthorized_client: "This client is not allowed to request an authorization code",
};
