/**
 * The replies faults put in place of the real one, shaped like what each family of endpoints sends
 * when it fails: HTML (or an `error` redirect) for the consent page,
 * `{"error","error_description"}` for the token endpoint, `{"code","details","requestId"}` for
 * the Ads API, `{"errors":[…]}` for the Ads account listing and `{"code","message"}` for manager
 * accounts.
 */
import { accountsErrorReply } from "./ads-accounts.js";
import { unauthorized } from "./ads-auth.js";
import { refuseConsentOnPurpose } from "./consent.js";
import type { EmulatorEndpoint } from "./endpoints.js";
import {
  type EmulatorRequest,
  type Reply,
  adsErrorReply,
  htmlReply,
  lwaErrorReply,
} from "./exchange.js";
import type { Fault, FaultTarget } from "./faults.js";
import { managerErrorReply } from "./manager-accounts.js";
import { errorPage } from "./pages.js";
import type { EmulatorState } from "./state.js";
import { revokedRefreshToken } from "./token-endpoint.js";

const STATUS_TEXT: Readonly<Record<number, [code: string, text: string]>> = {
  429: ["TOO_MANY_REQUESTS", "Too Many Requests"],
  500: ["INTERNAL_ERROR", "Internal Server Error"],
  502: ["BAD_GATEWAY", "Bad Gateway"],
  503: ["SERVICE_UNAVAILABLE", "Service Unavailable"],
  504: ["GATEWAY_TIMEOUT", "Gateway Timeout"],
};

function failure(endpoint: EmulatorEndpoint, request: EmulatorRequest, status: number): Reply {
  const [code, text] = STATUS_TEXT[status] ?? ["ERROR", "Error"];
  const reason = `injected ${status}`;
  if (endpoint === "consent") {
    return htmlReply(status, errorPage(text, "Try again in a few moments."), reason);
  }
  if (endpoint === "token") {
    const error = status === 503 || status === 429 ? "temporarily_unavailable" : "server_error";
    return lwaErrorReply(status, error, `${text}; try again later`, reason);
  }
  if (endpoint === "adsAccounts") return accountsErrorReply(request, status, text, reason);
  if (endpoint === "managerAccounts") return managerErrorReply(request, status, text, reason);
  return adsErrorReply(request, status, code, text, reason);
}

function retryAfter(fault: Fault & { kind: "throttle" }, now: number): Record<string, string> {
  if (fault.retryAfterFormat === "none") return {};
  const value =
    fault.retryAfterFormat === "http-date"
      ? new Date(now + fault.retryAfterSeconds * 1000).toUTCString()
      : String(fault.retryAfterSeconds);
  return { "retry-after": value };
}

// Amazon's 403 for a profile the caller may not use; the list calls name no profile.
function forbidden(target: FaultTarget, request: EmulatorRequest): Reply {
  if (target.endpoint === "adsAccounts") {
    return accountsErrorReply(request, 403, "Access denied", "injected 403");
  }
  if (target.endpoint === "managerAccounts") {
    return managerErrorReply(request, 403, "Forbidden", "injected 403");
  }
  const profileId =
    target.endpoint === "profile" ? request.path.slice("/v2/profiles/".length) : undefined;
  return adsErrorReply(
    request,
    403,
    "UNAUTHORIZED",
    profileId === undefined
      ? "Not authorized to access scope"
      : `Not authorized to access scope ${profileId}`,
    "injected 403",
  );
}

/**
 * The reply a fault answers with instead of handling the request; undefined for other kinds.
 * `now` dates a Retry-After; pass the instant the reply's Date header will carry.
 */
export function faultReply(
  fault: Fault,
  target: FaultTarget,
  request: EmulatorRequest,
  state: EmulatorState,
  now: number = state.clock.now(),
): Reply | undefined {
  const endpoint = target.endpoint;
  switch (fault.kind) {
    case "throttle": {
      const reply = failure(endpoint, request, 429);
      return { ...reply, headers: { ...reply.headers, ...retryAfter(fault, now) } };
    }
    case "server-error":
      return failure(endpoint, request, fault.status);
    case "html":
      return htmlReply(
        fault.status,
        "<!doctype html><html><head><title>Amazon.com</title></head><body><p>Sorry! Something went wrong on our end.</p></body></html>\n",
        "injected HTML body",
      );
    case "empty":
      return {
        status: 200,
        headers: { "content-type": "application/json;charset=UTF-8" },
        body: "",
        reason: "injected empty body",
      };
    case "revoked":
      if (endpoint !== "token") return unauthorized(request, "injected revoked grant");
      return target.grantType === "authorization_code"
        ? lwaErrorReply(
            400,
            "invalid_grant",
            "The request has an invalid grant parameter : code",
            "injected revoked grant",
          )
        : revokedRefreshToken("injected revoked grant");
    case "consent-refusal":
      return refuseConsentOnPurpose(request, state, fault);
    case "forbidden":
      return forbidden(target, request);
    default:
      return undefined;
  }
}

/** The first half of a reply's body, as when a connection drops mid-response behind a proxy. */
export function truncated(reply: Reply): Reply {
  return {
    ...reply,
    body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))),
    reason: "injected truncated body",
  };
}
