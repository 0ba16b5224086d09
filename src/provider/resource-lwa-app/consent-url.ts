/**
 * The consent URL `amazonads_lwa_app` publishes: the provider's client id, the configured redirect
 * URI and scopes, and a `state` chosen once at create and read back from the stored URL, so the
 * URL is the same on every plan. It carries no PKCE challenge: its verifier would have to live in
 * state, and a stored URL is for people to open by hand.
 */
import { buildConsentUrl } from "../../amazon-ads/index.js";

/** What the URL is made of. */
export interface AppConsentUrlParts {
  /** The region's consent page (after overrides). */
  readonly authorizationUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** The CSRF `state`: {@link newConsentState} at create, {@link stateOf} the stored URL later. */
  readonly state: string;
}

/** The consent URL; the same parts always give the same URL. */
export function appConsentUrl(parts: AppConsentUrlParts): string {
  return buildConsentUrl({ ...parts, pkce: false }).url;
}

/** A fresh `state` value: 16 random bytes, base64url. */
export function newConsentState(randomBytes: (size: number) => Uint8Array): string {
  return Buffer.from(randomBytes(16)).toString("base64url");
}

/** The `state` of a stored consent URL, or undefined when it has none. */
export function stateOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).searchParams.get("state") ?? undefined;
  } catch {
    return undefined;
  }
}
