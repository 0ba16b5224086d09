/**
 * The demo's authorization grant: the real consent flow against the emulator — a consent URL with
 * PKCE and state from the Amazon Ads client, the consent page answered (the emulator approves at
 * once in autoApprove mode), and the redirect read back into a code.
 */
import { AmazonAdsClient, parseConsentRedirect } from "../../src/amazon-ads/index.js";
import type { Emulator } from "../../src/emulator/index.js";

/** What `cdktf deploy` needs to redeem the code: the code, its PKCE verifier and redirect URI. */
export interface ConsentedCode {
  readonly code: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

/** Runs the consent flow against `emulator`, which must have been started with autoApprove. */
export async function consentThroughEmulator(emulator: Emulator): Promise<ConsentedCode> {
  const client = new AmazonAdsClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    endpoints: {
      authorizationUrl: emulator.authorizationUrl,
      tokenUrl: emulator.tokenUrl,
      apiUrl: emulator.apiUrl,
    },
  });
  const request = client.consentUrl({ redirectUri: emulator.redirectUri, pkce: "S256" });
  // The browser's part: open the consent page, which answers with a redirect to redirect_uri.
  const response = await fetch(request.url, { redirect: "manual" });
  const location = response.headers.get("location");
  await response.body?.cancel();
  if (response.status < 300 || response.status >= 400 || location === null) {
    throw new Error(
      `The emulator's consent page answered ${response.status} without a redirect; ` +
        "start it with autoApprove so that it approves at once.",
    );
  }
  const { code } = parseConsentRedirect(new URL(location, request.url), request.state);
  if (request.codeVerifier === undefined)
    throw new Error("The consent URL was built without PKCE.");
  return { code, codeVerifier: request.codeVerifier, redirectUri: request.redirectUri };
}
