/**
 * `amazonads_lwa_app`: verifies the provider's client credentials at create (and again when the
 * secret changes), records a salted fingerprint of the secret, and publishes the consent URL.
 * Reading makes no call to Amazon: an application cannot disappear through the Ads API.
 */
import { isAmazonAdsError } from "../../amazon-ads/index.js";
import {
  UNKNOWN,
  defineResource,
  isUnknown,
  type Diagnostics,
  type Logger,
  type Planned,
} from "../../plugin/index.js";
import { INVALID_CLIENT_DETAIL, reportFailure, requestIdNote } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { rfc3339 } from "../time.js";
import { consentUrlRefused } from "./consent-check.js";
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
    const url = consentUrl(data, resp.state, verified.clientId, undefined);
    const context = { log: req.log, signal: req.signal, diagnostics: resp.diagnostics };
    // Refused: the state stays incomplete, so nothing is created.
    if (await consentUrlRefused(data, checked(url, resp.state), context)) return;
    resp.state.id = verified.clientId;
    resp.state.client_id = verified.clientId;
    resp.state.verified_at = verified.at;
    resp.state.client_secret_fingerprint = verified.fingerprint;
    resp.state.authorization_url = url;
  },

  read(req) {
    req.log.debug("reading amazonads_lwa_app: nothing to ask Amazon", { client_id: req.state.id });
  },

  async update(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const clientId = req.state.client_id ?? "";
    const url = consentUrl(data, resp.state, clientId, stateOf(req.state.authorization_url));
    // A new redirect URI or scope makes a new URL: ask again whether Amazon would accept it.
    const context = { log: req.log, signal: req.signal, diagnostics: resp.diagnostics };
    const changed = url !== req.state.authorization_url;
    if (changed && (await consentUrlRefused(data, checked(url, resp.state), context))) {
      // An incomplete state keeps the prior one: the refused URL is not stored.
      resp.state.authorization_url = UNKNOWN;
      return;
    }
    if (isUnknown(resp.state.verified_at) || isUnknown(resp.state.client_secret_fingerprint)) {
      const verified = await verify(data, req.log, req.signal, resp.diagnostics);
      if (!verified) return;
      resp.state.verified_at = verified.at;
      resp.state.client_secret_fingerprint = verified.fingerprint;
    }
    resp.state.authorization_url = url;
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

function checked(url: string, planned: Planned<typeof lwaAppSchema>) {
  return {
    url,
    redirectUri: String(planned.redirect_uri),
    scopes: (planned.scopes ?? []) as string[],
  };
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
