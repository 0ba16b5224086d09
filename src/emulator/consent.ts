/**
 * The LwA consent page, `GET /ap/oa` and its form `POST /ap/oa`. A bad client or redirect URI, or
 * an unknown scope, gets a 400 page (no redirect: the redirect URI cannot be trusted); other
 * problems and the user's answer go back to the redirect URI with `code` or `error`, and `state`.
 * A `consent-refusal` fault refuses through the same redirect, once it can be trusted.
 */
import { type ConsentTerms, type PendingConsent } from "./authorizations.js";
import { type ConsentError, CONSENT_ERROR_DESCRIPTIONS } from "./consent-errors.js";
import type { App } from "./directory.js";
import { type EmulatorRequest, type Reply, htmlReply, redirectReply } from "./exchange.js";
import { consentPage, errorPage } from "./pages.js";
import { isChallengeMethod } from "./pkce.js";
import type { EmulatorState } from "./state.js";

// RFC 7636: 43–128 characters of the URL-safe alphabet.
const CHALLENGE_SHAPE = /^[A-Za-z0-9._~-]{43,128}$/;

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return redirectReply(url.href);
}

function refuse(redirectUri: string, error: string, description: string, state?: string): Reply {
  return {
    ...redirectWith(redirectUri, { error, error_description: description, state }),
    reason: `${error}: ${description}`,
  };
}

function approve(state: EmulatorState, terms: ConsentTerms, requestState?: string): Reply {
  const code = state.authorizations.issueCode(terms);
  return redirectWith(terms.redirectUri, {
    code,
    scope: terms.scopes.join(" "),
    state: requestState,
  });
}

// Only a registered client and an allowed redirect URI are trusted with a redirect; anything else
// gets LwA's 400 page.
function trustedRedirect(
  query: URLSearchParams,
  state: EmulatorState,
): { app: App; redirectUri: string; requestState?: string } | Reply {
  const app = state.directory.app(query.get("client_id") ?? "");
  if (!app) {
    return htmlReply(
      400,
      errorPage(
        "The client_id in this request is not a registered Login with Amazon client.",
        "Check the client id of your security profile in the Amazon Developer console.",
      ),
      "unknown client_id",
    );
  }
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!app.redirectUris.includes(redirectUri)) {
    return htmlReply(
      400,
      errorPage(
        "The redirect URI you provided has not been whitelisted for your application.",
        "Add it exactly to the Allowed Return URLs of your security profile, or use one listed there.",
      ),
      "redirect_uri not on the app's allow-list",
    );
  }
  const requestState = query.has("state") ? (query.get("state") ?? "") : undefined;
  return { app, redirectUri, ...(requestState === undefined ? {} : { requestState }) };
}

// The consent page a clicked Allow or Deny answers, taken once; the 400 page when there is none.
function answeredConsent(
  request: EmulatorRequest,
  state: EmulatorState,
): { consent: PendingConsent; decision: "allow" | "deny" } | Reply {
  const form = new URLSearchParams(request.body);
  const decision = form.get("decision");
  const consent =
    decision === "allow" || decision === "deny"
      ? state.authorizations.takeConsent(form.get("consent_id") ?? "")
      : undefined;
  if (!consent) {
    return htmlReply(
      400,
      errorPage(
        "This consent page has expired or was already answered.",
        "Start signing in again from the application.",
      ),
      "unknown, expired or already answered consent page",
    );
  }
  return { consent, decision: decision as "allow" | "deny" };
}

/** `GET /ap/oa`: validates the request, then shows the consent page (or approves at once). */
export function showConsent(request: EmulatorRequest, state: EmulatorState): Reply {
  const query = request.query;
  const trusted = trustedRedirect(query, state);
  if ("status" in trusted) return trusted;
  const { app, redirectUri, requestState } = trusted;
  const scopes = (query.get("scope") ?? "").split(" ").filter((s) => s.length > 0);
  if (scopes.length === 0) {
    return refuse(
      redirectUri,
      "invalid_request",
      "The request is missing a required parameter : scope",
      requestState,
    );
  }
  if (scopes.some((s) => !app.scopes.has(s))) {
    return htmlReply(
      400,
      errorPage(
        "An unknown scope was requested",
        "Request only scopes Amazon approved for this application, such as advertising::campaign_management.",
      ),
      "unknown scope",
    );
  }
  // LwA reports a wrong response_type as a malformed request; its list of consent errors has no
  // unsupported_response_type.
  const responseType = query.get("response_type");
  if (responseType !== "code") {
    return refuse(
      redirectUri,
      "invalid_request",
      responseType === null
        ? "The request is missing a required parameter : response_type"
        : "The request has an invalid parameter : response_type (only code is supported)",
      requestState,
    );
  }
  const challenge = query.get("code_challenge") ?? undefined;
  const method = query.get("code_challenge_method") ?? undefined;
  if (method !== undefined && (challenge === undefined || !isChallengeMethod(method))) {
    return refuse(
      redirectUri,
      "invalid_request",
      "code_challenge_method must be S256 or plain and needs a code_challenge",
      requestState,
    );
  }
  if (challenge !== undefined && !CHALLENGE_SHAPE.test(challenge)) {
    return refuse(
      redirectUri,
      "invalid_request",
      "The request has an invalid parameter : code_challenge",
      requestState,
    );
  }
  const terms: ConsentTerms = {
    clientId: app.clientId,
    redirectUri,
    scopes,
    userId: state.directory.signedInUser().id,
    ...(challenge === undefined
      ? {}
      : { codeChallenge: challenge, codeChallengeMethod: method === "S256" ? "S256" : "plain" }),
  };
  if (state.autoApprove) return approve(state, terms, requestState);
  const consentId = state.authorizations.openConsent({ ...terms, state: requestState });
  return htmlReply(
    200,
    consentPage({
      appName: app.name,
      userName: state.directory.signedInUser().name,
      scopes,
      formAction: `${request.basePath}/ap/oa`,
      consentId,
    }),
  );
}

/** `POST /ap/oa`: the user clicked Allow or Deny on the consent page. */
export function answerConsent(request: EmulatorRequest, state: EmulatorState): Reply {
  const answered = answeredConsent(request, state);
  if ("status" in answered) return answered;
  const { consent, decision } = answered;
  if (decision === "deny") {
    return refuse(
      consent.redirectUri,
      "access_denied",
      CONSENT_ERROR_DESCRIPTIONS.access_denied,
      consent.state,
    );
  }
  return approve(state, consent, consent.state);
}

/**
 * The consent page's answer when a test makes it refuse with `error`: the request is checked as
 * far as a redirect can be trusted (client and redirect URI on `GET`, an open page on `POST`),
 * then sent back with `error`, `error_description` and the request's `state`.
 */
export function refuseConsentOnPurpose(
  request: EmulatorRequest,
  state: EmulatorState,
  refusal: { readonly error: ConsentError; readonly description?: string | undefined },
): Reply {
  const description = refusal.description ?? CONSENT_ERROR_DESCRIPTIONS[refusal.error];
  if (request.method === "POST") {
    const answered = answeredConsent(request, state);
    if ("status" in answered) return answered;
    const { consent } = answered;
    return refuse(consent.redirectUri, refusal.error, description, consent.state);
  }
  const trusted = trustedRedirect(request.query, state);
  if ("status" in trusted) return trusted;
  return refuse(trusted.redirectUri, refusal.error, description, trusted.requestState);
}
