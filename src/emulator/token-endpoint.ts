/**
 * The LwA token endpoint, `POST /auth/o2/token`: redeems authorization codes and refreshes access
 * tokens, with LwA's exact error statuses, codes and descriptions.
 */
import type { App } from "./directory.js";
import { ACCESS_TOKEN_LIFETIME_S } from "./authorizations.js";
import { type EmulatorRequest, type Reply, jsonReply, lwaErrorReply } from "./exchange.js";
import { verifierMatches } from "./pkce.js";
import type { EmulatorState } from "./state.js";

const FORM_TYPE = "application/x-www-form-urlencoded";

/** The refusal LwA gives for a revoked, expired or unknown refresh token. */
export const REVOKED_REFRESH_TOKEN_DESCRIPTION =
  "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.";

/** The form fields of a token request, or undefined when the body is not a well-formed form. */
export function tokenRequestForm(request: EmulatorRequest): URLSearchParams | undefined {
  const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== FORM_TYPE) return undefined;
  try {
    // URLSearchParams silently keeps bad %-escapes; LwA rejects them as malformed.
    decodeURIComponent(request.body.replaceAll("+", " "));
  } catch {
    return undefined;
  }
  return new URLSearchParams(request.body);
}

function missing(name: string): Reply {
  return lwaErrorReply(
    400,
    "invalid_request",
    `The request is missing a required parameter : ${name}`,
    `missing ${name}`,
  );
}

function invalidGrant(parameter: string, reason: string): Reply {
  return lwaErrorReply(
    400,
    "invalid_grant",
    `The request has an invalid grant parameter : ${parameter}`,
    reason,
  );
}

/** The error LwA answers for an unusable refresh token. */
export function revokedRefreshToken(reason: string): Reply {
  return lwaErrorReply(400, "invalid_grant", REVOKED_REFRESH_TOKEN_DESCRIPTION, reason);
}

function tokens(accessToken: string, refreshToken: string): Reply {
  const reply = jsonReply(200, {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "bearer",
    expires_in: ACCESS_TOKEN_LIFETIME_S,
  });
  return {
    ...reply,
    headers: { ...reply.headers, "cache-control": "no-store", pragma: "no-cache" },
  };
}

function redeemCode(form: URLSearchParams, app: App, state: EmulatorState): Reply {
  const code = state.authorizations.redeemableCode(form.get("code")!, app.clientId);
  if (!code)
    return invalidGrant("code", "code unknown, expired, already redeemed or not this client's");
  if (code.redirectUri !== form.get("redirect_uri")) {
    return invalidGrant("redirect_uri", "redirect_uri differs from the consent's");
  }
  const verifier = form.get("code_verifier");
  if (code.codeChallenge !== undefined) {
    if (!verifier) return missing("code_verifier");
    if (!verifierMatches(verifier, code.codeChallenge, code.codeChallengeMethod ?? "plain")) {
      return invalidGrant("code_verifier", "code_verifier does not match the code_challenge");
    }
    state.secrets.record(verifier);
  } else if (verifier) {
    // A verifier for a consent that had no challenge means the client lost track of its PKCE pair.
    return invalidGrant(
      "code_verifier",
      "code_verifier sent but the consent had no code_challenge",
    );
  }
  code.redeemed = true;
  const grant = state.authorizations.createGrant(app.clientId, code.userId, code.scopes);
  return tokens(state.authorizations.issueAccessToken(grant), grant.refreshToken);
}

function refresh(form: URLSearchParams, app: App, state: EmulatorState): Reply {
  const grant = state.authorizations.activeGrant(form.get("refresh_token")!, app.clientId);
  // An expired grant gets the same answer as a revoked one, as from Login with Amazon.
  if (!grant) {
    return revokedRefreshToken("refresh token unknown, revoked, expired or not this client's");
  }
  // Refresh tokens do not rotate: the same one comes back.
  return tokens(state.authorizations.issueAccessToken(grant), grant.refreshToken);
}

/** `POST /auth/o2/token`. */
export function exchangeToken(request: EmulatorRequest, state: EmulatorState): Reply {
  const form = tokenRequestForm(request);
  if (!form) {
    return lwaErrorReply(400, "invalid_request", "Malformed request", "body is not a form");
  }
  const grantType = form.get("grant_type");
  if (!grantType) return missing("grant_type");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    return lwaErrorReply(
      400,
      "unsupported_grant_type",
      "The authorization grant type is not supported by the authorization server",
      "unsupported grant_type",
    );
  }
  const required =
    grantType === "authorization_code"
      ? ["code", "redirect_uri", "client_id", "client_secret"]
      : ["refresh_token", "client_id", "client_secret"];
  const absent = required.find((name) => !form.get(name));
  if (absent !== undefined) return missing(absent);
  const app = state.directory.app(form.get("client_id")!);
  if (!app || app.clientSecret !== form.get("client_secret")) {
    return lwaErrorReply(
      401,
      "invalid_client",
      "Client authentication failed",
      "unknown client id or wrong secret",
    );
  }
  return grantType === "authorization_code"
    ? redeemCode(form, app, state)
    : refresh(form, app, state);
}
