/**
 * Planning `amazonads_lwa_app`: another provider client id replaces the app; a client secret whose
 * fingerprint no longer matches plans an update that verifies it again; the consent URL is worked
 * out at plan time from the configured redirect URI and scopes, so its change shows in the plan.
 */
import {
  UNKNOWN,
  attributePath,
  isUnknown,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { appConsentUrl, newConsentState, stateOf } from "./consent-url.js";
import { fingerprintMatches } from "./fingerprint.js";
import type { lwaAppSchema } from "./schema.js";

type Request = ModifyPlanRequest<typeof lwaAppSchema, ProviderData>;
type Response = ModifyPlanResponse<typeof lwaAppSchema>;

/** Adjusts the framework's plan of an `amazonads_lwa_app`. */
export function planLwaApp(req: Request, resp: Response): void {
  const plan = resp.plan;
  const data = req.providerData;
  if (plan === null || data === undefined) return;
  const { settings } = data;
  const clientIdKnown = !settings.unknown.includes("client_id");
  const secretKnown = !settings.unknown.includes("client_secret");
  if (clientIdKnown && settings.clientId === undefined) {
    resp.diagnostics.error(
      "The amazonads provider has no client_id",
      "amazonads_lwa_app verifies the provider's Login with Amazon client id and secret. Set " +
        'client_id in the provider "amazonads" block or the AMAZON_ADS_CLIENT_ID environment variable.',
    );
    return;
  }
  if (secretKnown && settings.clientSecret === undefined) {
    resp.diagnostics.error(
      "The amazonads provider has no client_secret",
      "amazonads_lwa_app verifies the provider's Login with Amazon client id and secret. Set " +
        'client_secret in the provider "amazonads" block or the AMAZON_ADS_CLIENT_SECRET environment variable.',
    );
    return;
  }
  const clientId = clientIdKnown ? (settings.clientId ?? null) : UNKNOWN;
  const prior = req.state;
  if (prior === null) {
    // Known now, so that the plan (and whatever reads it) shows the client id before apply.
    plan.id = clientId;
    plan.client_id = clientId;
    return;
  }
  if (clientId !== prior.client_id) {
    plan.id = clientId;
    plan.client_id = clientId;
    resp.requiresReplace.push(attributePath("client_id"));
    req.log.debug("the provider's client id changed: the app will be replaced");
    return;
  }
  const secret = settings.clientSecret?.reveal();
  const sameSecret =
    secretKnown &&
    typeof secret === "string" &&
    fingerprintMatches(secret, prior.client_secret_fingerprint);
  if (!sameSecret) req.log.debug("the client secret changed: it will be verified again");
  plan.verified_at = sameSecret ? prior.verified_at : UNKNOWN;
  plan.client_secret_fingerprint = sameSecret ? prior.client_secret_fingerprint : UNKNOWN;

  const authorizationUrl =
    settings.unknown.includes("authorization_url") || settings.unknown.includes("region")
      ? UNKNOWN
      : settings.endpoints.authorizationUrl;
  const { redirect_uri: redirectUri, scopes } = plan;
  if (
    isUnknown(authorizationUrl) ||
    isUnknown(redirectUri) ||
    redirectUri === null ||
    isUnknown(scopes) ||
    scopes === null ||
    scopes.some(isUnknown)
  ) {
    plan.authorization_url = UNKNOWN;
    return;
  }
  plan.authorization_url = appConsentUrl({
    authorizationUrl,
    clientId: prior.client_id ?? "",
    redirectUri,
    scopes: scopes as string[],
    state: stateOf(prior.authorization_url) ?? newConsentState(data.seams.randomBytes),
  });
}
