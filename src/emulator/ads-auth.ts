/**
 * The Ads API's request check: `Authorization: Bearer <access token>` unexpired and unrevoked, and
 * `Amazon-Advertising-API-ClientId` equal (case-sensitive) to the client the token was issued to.
 */
import type { AccessToken } from "./authorizations.js";
import { type EmulatorRequest, type Reply, adsErrorReply } from "./exchange.js";
import type { EmulatorState } from "./state.js";

/** The first value of a request header (lower-case name). */
export function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The Ads API's answer to a request it cannot authenticate (Amazon says no more than this). */
export function unauthorized(request: EmulatorRequest, reason: string): Reply {
  return adsErrorReply(request, 401, "UNAUTHORIZED", "Unauthorized", reason);
}

/**
 * The request's access token, or the 401 reply to send instead. `clientIdHeader: "optional"` is
 * for the calls whose spec marks the header optional: when sent, it must still match.
 */
export function authenticate(
  request: EmulatorRequest,
  state: EmulatorState,
  clientIdHeader: "required" | "optional" = "required",
): { token: AccessToken } | { refusal: Reply } {
  const bearer = /^Bearer (\S+)$/i.exec(header(request, "authorization") ?? "")?.[1];
  if (bearer === undefined) return { refusal: unauthorized(request, "no bearer token") };
  const token = state.authorizations.activeAccessToken(bearer);
  if (!token) {
    return { refusal: unauthorized(request, "access token unknown, expired or revoked") };
  }
  const clientId = header(request, "amazon-advertising-api-clientid");
  if (clientId === undefined && clientIdHeader === "optional") return { token };
  if (clientId !== token.grant.clientId) {
    return {
      refusal: unauthorized(
        request,
        "Amazon-Advertising-API-ClientId header missing or not the token's client id",
      ),
    };
  }
  return { token };
}
