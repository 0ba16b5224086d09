/**
 * `ephemeral "amazonads_access_token"`: a current access token for one Terraform run. Open takes
 * it from the process's token cache (a request only when the cached one has under 60 s left) and
 * asks Terraform to renew 60 s before it expires; renew refreshes the grant's token; close forgets
 * the handle. The private bytes are an opaque handle, never a secret. The grant is a refresh token
 * or a `cdktf-amazon-ads login` credentials file, read at open.
 */
import { isAmazonAdsError } from "../../amazon-ads/index.js";
import { attributePath, defineEphemeralResource } from "../../plugin/index.js";
import { reportFailure, requestIdNote } from "../amazon-errors.js";
import { checkGrantSource, resolveGrantSource } from "../grant-source.js";
import { configured, type ProviderData } from "../provider-data.js";
import { rfc3339 } from "../time.js";
import { accessTokenSchema } from "./schema.js";

const RENEW_BEFORE_MS = 60_000;

const NO_GRANT = "No grant to open an access token for";

const REVOKED_DETAIL =
  "Login with Amazon no longer accepts this refresh token: the advertiser revoked the consent, it " +
  "expired, or it belongs to another client id. Get a new grant with `cdktf-amazon-ads login` (or " +
  "a new authorization code) and use its refresh token.";

/** The `amazonads_access_token` ephemeral resource. */
export const accessTokenEphemeral = defineEphemeralResource<typeof accessTokenSchema, ProviderData>(
  {
    schema: accessTokenSchema,

    validateConfig(req, resp) {
      checkGrantSource(req.config, resp.diagnostics, "Opening an access token", NO_GRANT);
    },

    async open(req, resp) {
      const data = configured(req.providerData, resp.diagnostics);
      if (!data) return;
      // Amazon's refusals belong on the attribute the grant came from.
      let source = attributePath("refresh_token");
      try {
        const client = data.clients.client();
        const grant = await resolveGrantSource(
          req.config,
          client.clientId,
          resp.diagnostics,
          NO_GRANT,
        );
        if (!grant) return;
        source = grant.attribute;
        const { refreshToken } = grant;
        const token = await data.clients.withLog(req.log, () =>
          client.accessToken(refreshToken, { signal: req.signal }),
        );
        resp.result.client_id = client.clientId;
        resp.result.access_token = token.accessToken;
        resp.result.expires_at = rfc3339(token.expiresAt.getTime());
        resp.renewAt = new Date(token.expiresAt.getTime() - RENEW_BEFORE_MS);
        resp.private = data.accessTokens.add({ refreshToken, region: client.endpoints.region });
        req.log.debug("opened an access token", {
          from_network: token.fromNetwork,
          expires_at: resp.result.expires_at,
          open_tokens: data.accessTokens.size,
        });
      } catch (error) {
        if (isAmazonAdsError(error, "REVOKED_GRANT")) {
          resp.diagnostics.error(
            "The grant was revoked",
            REVOKED_DETAIL + requestIdNote(error),
            source,
          );
          return;
        }
        reportFailure(resp.diagnostics, "Could not get an access token", error, source);
      }
    },

    async renew(req, resp) {
      const data = configured(req.providerData, resp.diagnostics);
      if (!data) return;
      const grant = data.accessTokens.find(req.private);
      if (!grant) {
        resp.diagnostics.error(
          "Cannot renew an access token this provider process did not open",
          "Terraform asked to renew an amazonads_access_token whose handle this provider process " +
            "does not know (the provider was restarted, or the token was closed). Run the " +
            "Terraform command again to open a new one.",
        );
        return;
      }
      try {
        const client = data.clients.client(grant.region);
        const lookup = (forceRenew: boolean) =>
          data.clients.withLog(req.log, () =>
            client.accessToken(grant.refreshToken, { signal: req.signal, forceRenew }),
          );
        let token = await lookup(false);
        // Asked early (clock skew), the cache may still hold the same token: renew it anyway,
        // or Terraform would be told to come back at once.
        if (token.expiresAt.getTime() - RENEW_BEFORE_MS <= data.seams.now()) {
          token = await lookup(true);
        }
        resp.renewAt = new Date(token.expiresAt.getTime() - RENEW_BEFORE_MS);
        req.log.debug("renewed an access token", {
          expires_at: rfc3339(token.expiresAt.getTime()),
        });
      } catch (error) {
        if (isAmazonAdsError(error, "REVOKED_GRANT")) {
          resp.diagnostics.error("The grant was revoked", REVOKED_DETAIL + requestIdNote(error));
          return;
        }
        reportFailure(resp.diagnostics, "Could not renew the access token", error);
      }
    },

    close(req, resp) {
      const data = configured(req.providerData, resp.diagnostics);
      if (!data) return;
      const removed = data.accessTokens.remove(req.private);
      req.log.debug("closed an access token", {
        known: removed,
        open_tokens: data.accessTokens.size,
      });
    },
  },
);
