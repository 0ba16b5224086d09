/**
 * `amazonads_authorization`: an authorization grant. Create redeems the code (exactly once), or
 * adopts a refresh token or a credentials file; read renews the access token only when it is about
 * to expire and notices revoked grants; import reads the refresh token from the environment or a
 * credentials file.
 */
import { isAmazonAdsError } from "../../amazon-ads/index.js";
import { attributePath, defineResource, isUnknown, type Model } from "../../plugin/index.js";
import { reportFailure, warnAndKeep } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { parseInstant, rfc3339 } from "../time.js";
import { grantSource, makeGrant, type MadeGrant } from "./create.js";
import { reportGrantFailure, revokedGrantWarning } from "./diagnostics.js";
import { grantAttributes } from "./grant.js";
import { importGrant } from "./import.js";
import { planAuthorization } from "./plan.js";
import { authorizationSchema } from "./schema.js";
import { upgradeAuthorizationState } from "./upgrade.js";
import { validateAuthorization } from "./validate.js";

/** Read renews the access token when less than this is left. */
export const RENEW_WITHIN_MS = 5 * 60 * 1000;

/** The `amazonads_authorization` resource. */
export const authorizationResource = defineResource<typeof authorizationSchema, ProviderData>({
  schema: authorizationSchema,

  async create(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const source = grantSource(req.config);
    if (!source) {
      resp.diagnostics.error(
        "No authorization grant to start from",
        "Set authorization_code (or authorization_code_wo), refresh_token or credentials_file.",
        attributePath("authorization_code"),
      );
      return;
    }
    let made: MadeGrant | undefined;
    try {
      made = await makeGrant(source, { ...req, data, diagnostics: resp.diagnostics });
    } catch (error) {
      reportGrantFailure(resp.diagnostics, error, source);
      return;
    }
    if (!made) return;
    Object.assign(resp.state, grantAttributes(made.clientId, made.tokens, made.grantedAt));
    req.log.debug("authorization grant created", {
      id: resp.state.id,
      access_token_expires_at: resp.state.access_token_expires_at,
    });
  },

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    const state = resp.state;
    if (!data || !state) return;
    const refreshToken = state.refresh_token;
    const { settings, clients } = data;
    if (!refreshToken || !state.client_id) return;
    if (settings.clientId !== undefined && settings.clientId !== state.client_id) {
      // These credentials cannot renew another app's grant; the plan replaces it instead.
      req.log.debug("the grant belongs to another client id than the provider's; not renewing");
      return;
    }
    // Fresh: later calls of this process (the profile's read) take the token from the cache.
    if (seedFromState(data, state)) {
      req.log.debug("access token still fresh; no token request", {
        id: state.id,
        expires_at: state.access_token_expires_at,
      });
      return;
    }
    try {
      const client = clients.client();
      req.log.debug("renewing the access token", { id: state.id });
      const tokens = await clients.withLog(req.log, () =>
        client.refreshAccessToken(refreshToken, { signal: req.signal }),
      );
      state.access_token = tokens.accessToken;
      state.access_token_expires_at = rfc3339(tokens.expiresAt.getTime());
    } catch (error) {
      if (isAmazonAdsError(error, "REVOKED_GRANT")) {
        // An expired grant stays in state: the plan says why and replaces it with a new one.
        if (expired(state, data)) {
          req.log.debug(
            "the refresh token has expired; keeping the grant for the plan to replace",
            {
              id: state.id,
              refresh_token_expires_at: state.refresh_token_expires_at,
            },
          );
          return;
        }
        revokedGrantWarning(resp.diagnostics, state.id);
        resp.state = null;
        return;
      }
      const kept = "The grant stays in state unchanged; the next plan tries again.";
      const summary = "Could not renew the access token; keeping the stored grant";
      if (warnAndKeep(resp.diagnostics, error, summary, kept)) return;
      reportFailure(resp.diagnostics, "Could not renew the access token", error);
    }
  },

  async update(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    // Updates change only local inputs (a spent code removed, another path to the same grant):
    // the grant itself and its tokens stay as they were.
    const state = resp.state as Record<string, unknown>;
    const prior = req.state as Record<string, unknown>;
    for (const [name, value] of Object.entries(state)) {
      if (isUnknown(value)) state[name] = prior[name] ?? null;
    }
    seedFromState(data, req.state);
    req.log.debug("authorization grant updated in place", { id: req.state.id });
  },

  delete(req) {
    // Login with Amazon has no call to revoke a grant: the advertiser revokes it on Amazon.
    req.log.debug("forgetting the authorization grant", { id: req.state.id });
  },

  importState: importGrant,
  upgradeState: upgradeAuthorizationState,
  modifyPlan: planAuthorization,
  validateConfig: validateAuthorization,
});

/** True when the grant's estimated end of life has passed by the provider's clock. */
function expired(state: Model<typeof authorizationSchema>, data: ProviderData): boolean {
  const expiresAt = parseInstant(state.refresh_token_expires_at);
  return expiresAt !== undefined && data.seams.now() >= expiresAt;
}

/**
 * Puts the stored access token into the process's token cache when more than
 * {@link RENEW_WITHIN_MS} is left, so that later calls of this process (the profile's read, a data
 * source read during apply) make no token request. Returns whether it did.
 */
function seedFromState(data: ProviderData, state: Model<typeof authorizationSchema>): boolean {
  const expiresAt = parseInstant(state.access_token_expires_at);
  const { access_token: accessToken, refresh_token: refreshToken, client_id: clientId } = state;
  if (!accessToken || !refreshToken || !clientId || expiresAt === undefined) return false;
  if (expiresAt - data.seams.now() <= RENEW_WITHIN_MS) return false;
  return data.clients.tokenCache.seed(
    { clientId, refreshToken },
    { accessToken, expiresAt: new Date(expiresAt) },
  );
}
