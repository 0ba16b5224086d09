/**
 * What `amazonads_authorization` computes from a grant's tokens: its public id, the instants it
 * records, and the refresh token's estimated end of life.
 */
import { createHash } from "node:crypto";
import { refreshTokenExpiresAt } from "../../amazon-ads/grant-lifetime.js";
import { rfc3339 } from "../time.js";

export {
  EXPIRING_GRANTS_FROM,
  REFRESH_TOKEN_LIFETIME_MS,
} from "../../amazon-ads/grant-lifetime.js";

/**
 * The grant's id: `grant-` and the first 16 hex digits of SHA-256 over the client id, a newline
 * and the refresh token. It names the grant in plans and logs without revealing it.
 */
export function grantId(clientId: string, refreshToken: string): string {
  const digest = createHash("sha256").update(`${clientId}\n${refreshToken}`, "utf8").digest("hex");
  return `grant-${digest.slice(0, 16)}`;
}

/** When a refresh token granted at `grantedAtMs` stops working, or null if it lasts until revoked. */
export function refreshTokenExpiry(grantedAtMs: number): string | null {
  const expiresAt = refreshTokenExpiresAt(grantedAtMs);
  return expiresAt === undefined ? null : rfc3339(expiresAt);
}

/** The tokens a grant was made or renewed with. */
export interface GrantTokens {
  readonly refreshToken: string;
  readonly accessToken: string;
  readonly expiresAt: Date;
}

/** The computed attributes of a grant made at `grantedAtMs` for `clientId`. */
export function grantAttributes(clientId: string, tokens: GrantTokens, grantedAtMs: number) {
  return {
    id: grantId(clientId, tokens.refreshToken),
    client_id: clientId,
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    access_token_expires_at: rfc3339(tokens.expiresAt.getTime()),
    granted_at: rfc3339(grantedAtMs),
    refresh_token_expires_at: refreshTokenExpiry(grantedAtMs),
  };
}
