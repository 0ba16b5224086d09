/**
 * Step 1 of Amazon's guide: the consent URL the user opens, with CSRF `state` and PKCE (RFC 7636),
 * and the reading of the redirect Login with Amazon sends back.
 */
import { createHash, randomBytes as cryptoRandomBytes } from "node:crypto";
import { AmazonAdsError } from "./errors.js";

/** The scope every Ads API grant needs. */
export const CAMPAIGN_MANAGEMENT_SCOPE = "advertising::campaign_management";

/** The extra scope that allows creating test accounts. */
export const TEST_ACCOUNT_SCOPE = "advertising::test:create_account";

/** Scopes requested unless the caller names others. */
export const DEFAULT_SCOPES: readonly string[] = [CAMPAIGN_MANAGEMENT_SCOPE];

/** How the PKCE challenge is derived from the verifier (`S256` is the one to use). */
export type PkceMethod = "S256" | "plain";

/** A source of random bytes (crypto's by default; tests pass a deterministic one). */
export type RandomBytes = (size: number) => Uint8Array;

/** What {@link buildConsentUrl} needs. */
export interface ConsentUrlOptions {
  /** The region's consent page (see `resolveEndpoints`). */
  readonly authorizationUrl: string;
  /** The LwA client id (`amzn1.application-oa2-client.…`). */
  readonly clientId: string;
  /** Where LwA sends the browser back; must be on the app's Allowed Return URLs. */
  readonly redirectUri: string;
  /** Scopes, sent space-separated. @default ["advertising::campaign_management"] */
  readonly scopes?: readonly string[];
  /** CSRF token echoed back by LwA. @default a fresh random value */
  readonly state?: string;
  /**
   * PKCE: a method (a fresh verifier is generated), an explicit verifier, or `false` for none.
   * @default "S256"
   */
  readonly pkce?:
    PkceMethod | false | { readonly method?: PkceMethod; readonly codeVerifier: string };
  /** Random source for `state` and the verifier. @default node:crypto randomBytes */
  readonly randomBytes?: RandomBytes;
}

/** A consent URL and what the caller must keep to redeem the code it yields. */
export interface ConsentRequest {
  /** The URL to open in the browser. */
  readonly url: string;
  /** The `state` sent; the redirect must carry the same one. */
  readonly state: string;
  /** The redirect URI sent; the code exchange must send the same one. */
  readonly redirectUri: string;
  /** PKCE verifier to send with the code exchange (secret), when PKCE is on. */
  readonly codeVerifier?: string;
  /** PKCE method used, when PKCE is on. */
  readonly codeChallengeMethod?: PkceMethod;
}

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * A PKCE code verifier per RFC 7636: `length` (43–128) characters of the unreserved set, from
 * random bytes encoded as base64url (whose alphabet is a subset of it).
 */
export function createCodeVerifier(
  length = 64,
  randomBytes: RandomBytes = cryptoRandomBytes,
): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new AmazonAdsError("INVALID_ARGUMENT", "A PKCE code verifier has 43 to 128 characters.");
  }
  return Buffer.from(randomBytes(Math.ceil((length * 3) / 4)))
    .toString("base64url")
    .slice(0, length);
}

/** The PKCE challenge of a verifier: base64url(sha256(verifier)) for S256, the verifier for plain. */
export function codeChallenge(codeVerifier: string, method: PkceMethod = "S256"): string {
  if (!VERIFIER_PATTERN.test(codeVerifier)) {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      "The PKCE code verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' or '~'.",
    );
  }
  if (method === "plain") return codeVerifier;
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

/** Builds the Login with Amazon consent URL (`response_type=code`) with state and PKCE. */
export function buildConsentUrl(options: ConsentUrlOptions): ConsentRequest {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  const scopes = options.scopes?.length ? options.scopes : DEFAULT_SCOPES;
  const state = options.state ?? Buffer.from(randomBytes(16)).toString("base64url");
  const pkce = options.pkce ?? "S256";
  const url = new URL(options.authorizationUrl);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("scope", scopes.join(" "));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", options.redirectUri);
  url.searchParams.set("state", state);
  if (pkce === false) {
    return { url: url.toString(), state, redirectUri: options.redirectUri };
  }
  const method = typeof pkce === "string" ? pkce : (pkce.method ?? "S256");
  const codeVerifier =
    typeof pkce === "string" ? createCodeVerifier(64, randomBytes) : pkce.codeVerifier;
  url.searchParams.set("code_challenge", codeChallenge(codeVerifier, method));
  url.searchParams.set("code_challenge_method", method);
  return {
    url: url.toString(),
    state,
    redirectUri: options.redirectUri,
    codeVerifier,
    codeChallengeMethod: method,
  };
}

/** What a successful consent redirect carries. */
export interface ConsentGrant {
  /** The authorization code (secret; valid 5 minutes, redeemable once). */
  readonly code: string;
  /** The scopes granted, when LwA reports them. */
  readonly scope?: string;
  /** The `state` echoed back. */
  readonly state?: string;
}

const REFUSAL_ADVICE: Record<string, string> = {
  access_denied: "The user declined the consent. Run the consent again and choose Allow.",
  invalid_scope:
    "Amazon does not allow one of the requested scopes for this app. Check that the app is " +
    "approved for the Amazon Ads API and request advertising::campaign_management.",
  unauthorized_client:
    "The app may not request an authorization code. Check the app's settings: its security " +
    "profile in the Amazon Developer console must be approved for the Amazon Ads API, and the " +
    "client id must be that security profile's.",
  invalid_request:
    "Amazon found the consent URL malformed: a parameter (named in Amazon's description, such " +
    "as response_type, scope or code_challenge) is missing or wrong. Build the URL again with " +
    "the client's consentUrl or `cdktf-amazon-ads login` instead of editing it by hand.",
  server_error:
    "Login with Amazon failed on its side; nothing in the request needs changing. Try again in " +
    "a few minutes.",
  temporarily_unavailable:
    "Login with Amazon is temporarily unavailable; nothing in the request needs changing. Try " +
    "again shortly.",
};

/**
 * Reads the URL LwA redirected the browser to: the code on success, otherwise a
 * `CONSENT_REFUSED` error carrying Amazon's `error`; `STATE_MISMATCH` when `state` differs.
 */
export function parseConsentRedirect(
  redirectedTo: string | URL,
  expectedState?: string,
): ConsentGrant {
  const params = new URL(redirectedTo.toString()).searchParams;
  const state = params.get("state") ?? undefined;
  const refusal = params.get("error");
  if (refusal) {
    const description = params.get("error_description") ?? undefined;
    throw new AmazonAdsError(
      "CONSENT_REFUSED",
      `Login with Amazon refused the consent (${refusal}` +
        `${description ? `: ${description.slice(0, 200)}` : ""}). ` +
        (REFUSAL_ADVICE[refusal] ?? "Check the app's settings and run the consent again."),
      { amazonError: refusal, ...(description ? { amazonDescription: description } : {}) },
    );
  }
  if (expectedState !== undefined && state !== expectedState) {
    throw new AmazonAdsError(
      "STATE_MISMATCH",
      "The consent redirect carries a different state than the consent URL sent, so it may not " +
        "come from this login. Start the consent again from a fresh URL.",
    );
  }
  const code = params.get("code");
  if (!code) {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      "The redirect URL carries neither a code nor an error. Paste the whole address the " +
        "browser landed on after choosing Allow.",
    );
  }
  const scope = params.get("scope") ?? undefined;
  return { code, ...(scope ? { scope } : {}), ...(state ? { state } : {}) };
}
