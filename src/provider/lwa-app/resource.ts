/**
 * `amazonads_lwa_app`: verifies the provider's client credentials at create (and again when the
 * secret changes), records a salted fingerprint of the secret, and publishes the consent URL.
 * Reading makes no call to Amazon: an application cannot disappear through the Ads API.
 */
import { isAmazonAdsError } from "../../amazon-ads/index.js";
import {
  defineResource,
  isUnknown,
  type Diagnostics,
  type Logger,
  type Planned,
} from "../../plugin/index.js";
import { INVALID_CLIENT_DETAIL, reportFailure, requestIdNote } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { rfc3339 } from "../time.js";
import { appConsentUrl, newConsentState, stateOf } from "./consent-url.js";
import { newFingerprint } from "./fingerprint.js";
import { planLwaApp } from "./plan.js";
import { lwaAppSchema } from "./schema.js";

/** The `amazonads_lwa_app` resource. */
export const lwaAppResource = defineResource<typeof lwaAppSchema, ProviderData>({
  schema: lwaAppSchema,

  async create(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const verified = await verify(data, req.log, req.signal, resp.diagnostics);
    if (!verified) return;
    resp.state.id = verified.clientId;
    resp.state.client_id = verified.clientId;
    resp.state.verified_at = verified.at;
    resp.state.client_secret_fingerprint = verified.fingerprint;
    resp.state.authorization_url = consentUrl(data, resp.state, verified.clientId, undefined);
  },

  read(req) {
    req.log.debug("reading amazonads_lwa_app: nothing to ask Amazon", { client_id: req.state.id });
  },

  async update(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const clientId = req.state.client_id ?? "";
    if (isUnknown(resp.state.verified_at) || isUnknown(resp.state.client_secret_fingerprint)) {
      const verified = await verify(data, req.log, req.signal, resp.diagnostics);
      if (!verified) return;
      resp.state.verified_at = verified.at;
      resp.state.client_secret_fingerprint = verified.fingerprint;
    }
    resp.state.authorization_url = consentUrl(
      data,
      resp.state,
      clientId,
      stateOf(req.state.authorization_url),
    );
  },

  delete(req) {
    req.log.debug("forgetting amazonads_lwa_app: Amazon keeps the application", {
      client_id: req.state.id,
    });
  },

  modifyPlan: planLwaApp,
});

async function verify(
  data: ProviderData,
  log: Logger,
  signal: AbortSignal,
  diagnostics: Diagnostics,
): Promise<{ clientId: string; at: string; fingerprint: string } | undefined> {
  try {
    const client = data.clients.client();
    log.debug("verifying the client credentials with Login with Amazon", {
      client_id: client.clientId,
    });
    await data.clients.withLog(log, () => client.verifyClientCredentials({ signal }));
    const secret = String(data.settings.clientSecret?.reveal() ?? "");
    return {
      clientId: client.clientId,
      at: rfc3339(data.seams.now()),
      fingerprint: newFingerprint(secret, data.seams.randomBytes),
    };
  } catch (error) {
    if (isAmazonAdsError(error, "INVALID_CLIENT")) {
      diagnostics.error(
        "Login with Amazon rejected the client id or secret",
        INVALID_CLIENT_DETAIL + requestIdNote(error),
      );
      return undefined;
    }
    reportFailure(diagnostics, "Could not verify the client credentials", error);
    return undefined;
  }
}

// The plan's URL when it is known (worked out at plan time), else one built now.
function consentUrl(
  data: ProviderData,
  planned: Planned<typeof lwaAppSchema>,
  clientId: string,
  state: string | undefined,
): string {
  if (typeof planned.authorization_url === "string") return planned.authorization_url;
  return appConsentUrl({
    authorizationUrl: data.settings.endpoints.authorizationUrl,
    clientId,
    redirectUri: String(planned.redirect_uri),
    scopes: (planned.scopes ?? []) as string[],
    state: state ?? newConsentState(data.seams.randomBytes),
  });
}
