/**
 * Before `amazonads_lwa_app` publishes a consent URL, Login with Amazon is asked whether it would
 * work: a redirect URI missing from the app's Allowed Return URLs (or a scope Amazon did not
 * approve) otherwise shows up only as Amazon's error page in the browser of whoever opens it.
 */
import { attributePath, type Diagnostics, type Logger } from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";

/** How long the check may take: it is advice, and must not hold up an apply on Amazon's bad day. */
export const CONSENT_CHECK_TIMEOUT_MS = 15_000;

/** What the URL was built from, for the message. */
export interface CheckedConsentUrl {
  readonly url: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
}

/** Where the check runs: the handler's logger, cancellation and diagnostics. */
export interface ConsentCheckContext {
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly diagnostics: Diagnostics;
}

/**
 * Adds an error on the attribute that makes the consent URL unusable and returns true; returns
 * false when Login with Amazon accepts it or cannot tell right now (network, outage, timeout).
 */
export async function consentUrlRefused(
  data: ProviderData,
  consent: CheckedConsentUrl,
  { log, signal, diagnostics }: ConsentCheckContext,
): Promise<boolean> {
  let verdict;
  try {
    const client = data.clients.client();
    const bounded = AbortSignal.any([signal, AbortSignal.timeout(CONSENT_CHECK_TIMEOUT_MS)]);
    verdict = await data.clients.withLog(log, () =>
      client.checkConsentUrl(consent.url, { signal: bounded }),
    );
  } catch (error) {
    log.debug("could not check the consent URL with Login with Amazon; publishing it anyway", {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
  if (!verdict.refused) return false;
  const developerConsole =
    "the app's security profile in the Amazon Developer console (Login with Amazon → your " +
    "security profile → Web Settings)";
  if (verdict.blames === "scope") {
    diagnostics.error(
      "Login with Amazon does not allow a requested scope",
      `Login with Amazon refuses the consent URL for scopes ${JSON.stringify(consent.scopes)}: a ` +
        'person opening it would see Amazon\'s error page ("An unknown scope was requested"). ' +
        "Request only scopes Amazon approved for this app: advertising::campaign_management, and " +
        "advertising::test:create_account only if Amazon enabled test accounts for it.",
      attributePath("scopes"),
    );
    return true;
  }
  if (verdict.blames === "client_id") {
    diagnostics.error(
      "Login with Amazon does not know the client id",
      "Login with Amazon refuses the consent URL because of its client id. Check client_id in " +
        `the provider "amazonads" block against ${developerConsole}.`,
    );
    return true;
  }
  diagnostics.error(
    "The redirect URI is not on the app's Allowed Return URLs",
    `Login with Amazon refuses the consent URL for redirect_uri = "${consent.redirectUri}": a ` +
      "person opening it would see Amazon's error page (\"The redirect URI you provided has not " +
      `been whitelisted") instead of the consent. Add ${consent.redirectUri} exactly (scheme, ` +
      `host, port, path) to the Allowed Return URLs of ${developerConsole}, or set redirect_uri ` +
      "to one listed there, such as http://localhost:8765/callback for `cdktf-amazon-ads login`.",
    attributePath("redirect_uri"),
  );
  return true;
}
