/**
 * LwA's token-endpoint errors mapped to typed errors whose message says what to do. The parameter
 * LwA blames ("invalid grant parameter : code") tells the code, redirect URI and verifier apart.
 */
import { AmazonAdsError, type AmazonAdsErrorCode } from "./errors.js";
import { responseDetails } from "./http-failures.js";
import type { HttpResponse } from "./http.js";

/** Which grant the failed token request used. */
export type GrantType = "authorization_code" | "refresh_token";

/** LwA's error body: `{"error", "error_description"}`. */
export interface TokenErrorBody {
  /** OAuth error (`invalid_grant`, `invalid_client`, …). */
  readonly error: string;
  /** Amazon's description (names the offending parameter). */
  readonly error_description?: string | undefined;
}

const LOGIN_AGAIN = "run `cdktf-amazon-ads login` again";

/** The parameter an `invalid_grant`/`invalid_request` description blames, lower-cased. */
export function blamedParameter(description: string | undefined): string | undefined {
  return /parameter\s*:\s*([a-z_]+)/i.exec(description ?? "")?.[1]?.toLowerCase();
}

/** The typed error for a non-200 token response with LwA's error body. */
export function tokenError(
  response: HttpResponse,
  grantType: GrantType,
  body: TokenErrorBody,
): AmazonAdsError {
  const description = body.error_description;
  const [code, message] = explain(response, grantType, body.error, description);
  return new AmazonAdsError(
    code,
    message,
    responseDetails(response, {
      amazonError: body.error,
      ...(description === undefined ? {} : { amazonDescription: description }),
    }),
  );
}

function explain(
  response: HttpResponse,
  grantType: GrantType,
  error: string,
  description: string | undefined,
): [AmazonAdsErrorCode, string] {
  const said = `${error}${description ? `: ${description.slice(0, 200)}` : ""}`;
  switch (error) {
    case "invalid_client":
      return [
        "INVALID_CLIENT",
        `Login with Amazon rejected the client id or client secret (${said}). Copy both again ` +
          `from the app's security profile in the Amazon Developer console (Login with Amazon → ` +
          `Web Settings).`,
      ];
    case "unauthorized_client":
      return [
        "UNAUTHORIZED_CLIENT",
        `Login with Amazon does not let this app use the ${grantType} grant (${said}). Check that ` +
          `the app's security profile is approved for the Amazon Ads API.`,
      ];
    case "unsupported_grant_type":
      return [
        "UNSUPPORTED_GRANT_TYPE",
        `Login with Amazon does not accept grant_type=${grantType} at this endpoint (${said}). ` +
          `Check that the token URL points at the LwA token endpoint (…/auth/o2/token).`,
      ];
    case "invalid_request":
      return [
        "INVALID_REQUEST",
        `Login with Amazon rejected the token request as incomplete or malformed (${said}). ` +
          `Make sure the client id, client secret and ` +
          `${grantType === "refresh_token" ? "refresh token" : "authorization code and redirect URI"} ` +
          `are all set.`,
      ];
    case "invalid_grant":
      return grantType === "refresh_token"
        ? [
            "REVOKED_GRANT",
            `Login with Amazon no longer accepts the refresh token (${error}): the advertiser ` +
              `revoked the consent, it expired, or it belongs to another client id. Get a new ` +
              `grant: ${LOGIN_AGAIN} and use the refresh token it gives.`,
          ]
        : explainCodeGrant(response, error, description);
    default:
      return [
        "REQUEST_REJECTED",
        `Login with Amazon rejected the token request with ${response.status} (${said}). Check ` +
          `the app's settings in the Amazon Developer console.`,
      ];
  }
}

function explainCodeGrant(
  response: HttpResponse,
  error: string,
  description: string | undefined,
): [AmazonAdsErrorCode, string] {
  switch (blamedParameter(description)) {
    case "code": {
      // A retried exchange may have been redeemed by an attempt whose answer never arrived.
      const lost =
        response.attempts > 1
          ? " An earlier attempt of this exchange got no usable answer and may have redeemed it."
          : "";
      return [
        "CODE_EXPIRED_OR_USED",
        `The authorization code has expired or was already redeemed (${error}); a code lives 5 ` +
          `minutes and works once.${lost} Get a new code: ${LOGIN_AGAIN} (or open the consent ` +
          `URL) and redeem it within 5 minutes.`,
      ];
    }
    case "redirect_uri":
      return [
        "REDIRECT_URI_MISMATCH",
        `The redirect URI sent with the code differs from the one the consent URL used ` +
          `(${error}). Send exactly the same redirect URI (scheme, host, port, path, trailing ` +
          `slash), and check that it is on the app's Allowed Return URLs.`,
      ];
    case "code_verifier":
      return [
        "PKCE_MISMATCH",
        `The PKCE code verifier is missing or does not match the consent URL's code challenge ` +
          `(${error}). Send the verifier created with that consent URL; if it is lost, ` +
          `${LOGIN_AGAIN}.`,
      ];
    default:
      return [
        "INVALID_GRANT",
        `Login with Amazon refused the authorization code (${error}` +
          `${description ? `: ${description.slice(0, 200)}` : ""}). Get a new code: ${LOGIN_AGAIN}.`,
      ];
  }
}
