/**
 * Making a grant at create: redeeming the authorization code (exactly once), or adopting a
 * refresh token or the grant of a credentials file (one refresh, to validate it and get an access
 * token). Every token exchange goes through the process's clients, so the new access token is in
 * the shared cache for the rest of the run.
 */
import { attributePath, type Diagnostics, type Logger, type Model } from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { parseInstant } from "../time.js";
import { readGrantFile } from "./credentials.js";
import type { GrantSource } from "./diagnostics.js";
import type { GrantTokens } from "./grant.js";
import type { authorizationSchema } from "./schema.js";

/** A grant just made. */
export interface MadeGrant {
  readonly clientId: string;
  readonly tokens: GrantTokens;
  /** When the consent was given (the exchange, the adoption, or the credentials file's record). */
  readonly grantedAt: number;
}

/** What making a grant needs from the request. */
export interface GrantRequest {
  readonly data: ProviderData;
  readonly config: Model<typeof authorizationSchema>;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly diagnostics: Diagnostics;
}

/** The attribute the configuration makes the grant from, if any. */
export function grantSource(config: Model<typeof authorizationSchema>): GrantSource | undefined {
  if (config.authorization_code) return "authorization_code";
  if (config.authorization_code_wo) return "authorization_code_wo";
  if (config.refresh_token) return "refresh_token";
  if (config.credentials_file) return "credentials_file";
  return undefined;
}

/**
 * Makes the grant from `source`. Returns undefined (with a diagnostic) when an input is unusable;
 * throws the client's error when Amazon refuses.
 */
export async function makeGrant(
  source: GrantSource,
  { data, config, log, signal, diagnostics }: GrantRequest,
): Promise<MadeGrant | undefined> {
  const client = data.clients.client();
  const clientId = client.clientId;
  const now = data.seams.now;
  return data.clients.withLog(log, async () => {
    switch (source) {
      case "authorization_code":
      case "authorization_code_wo": {
        // The write-only pair arrives in the configuration only, never in plan or state.
        const code = config.authorization_code ?? config.authorization_code_wo;
        const verifier = config.code_verifier ?? config.code_verifier_wo;
        if (!code || !config.redirect_uri) {
          diagnostics.error(
            `redirect_uri is required with ${source}`,
            "Set redirect_uri to the redirect URI of the consent URL the code came from.",
            attributePath(source),
          );
          return undefined;
        }
        // Stopping before the exchange loses nothing; after it is sent, nothing may stop it.
        signal.throwIfAborted();
        log.debug("redeeming the authorization code (once)");
        // No abort signal here: once sent, the exchange may already have spent the code, which
        // cannot be redeemed twice, so Ctrl-C must not lose the grant its answer carries.
        const tokens = await client.redeemAuthorizationCode({
          code,
          redirectUri: config.redirect_uri,
          ...(verifier ? { codeVerifier: verifier } : {}),
        });
        return { clientId, tokens, grantedAt: now() };
      }
      case "refresh_token": {
        log.debug("adopting an existing refresh token");
        const tokens = await client.refreshAccessToken(config.refresh_token ?? "", { signal });
        return { clientId, tokens, grantedAt: now() };
      }
      case "credentials_file": {
        const path = config.credentials_file ?? "";
        const grant = await readGrantFile(path, diagnostics, {
          clientId,
          unreadable: "error",
          checkPermissions: false,
        });
        if (!grant) return undefined;
        log.debug("adopting the grant of a credentials file", { path });
        const tokens = await client.refreshAccessToken(grant.refreshToken, { signal });
        return { clientId, tokens, grantedAt: parseInstant(grant.grantedAt) ?? now() };
      }
    }
  });
}
