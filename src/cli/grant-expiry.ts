/**
 * The stored grant's end of life as the commands report it: when its refresh token stops working
 * (estimated from the consent date `login` recorded), and how to renew it before then.
 */
import type { StoredGrant } from "../amazon-ads/credentials-file.js";
import {
  calendarDate,
  daysLeft,
  DEFAULT_EXPIRY_WARNING_DAYS,
  EXPIRING_GRANTS_FROM,
  refreshTokenExpiresAt,
} from "../amazon-ads/grant-lifetime.js";

/** When the grant's refresh token stops working (epoch ms), or undefined when it lasts until revoked. */
export function grantExpiresAt(grant: StoredGrant): number | undefined {
  const consentedAt = Date.parse(grant.grantedAt);
  return Number.isNaN(consentedAt) ? undefined : refreshTokenExpiresAt(consentedAt);
}

/** `2027-12-07T16:57:50Z`, or null for a grant that lasts until revoked (for JSON output). */
export function grantExpiryText(grant: StoredGrant): string | null {
  const expiresAt = grantExpiresAt(grant);
  return expiresAt === undefined
    ? null
    : new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The command that renews the grant in `path`. */
export function renewCommand(path: string): string {
  return `cdktf-amazon-ads login --renew --output ${path}`;
}

/** One line (for stderr) saying when the grant in `path` expires, warning when it is close. */
export function grantExpiryNote(grant: StoredGrant, path: string, now: number): string {
  const expiresAt = grantExpiresAt(grant);
  if (expiresAt === undefined) {
    return (
      `The grant in ${path} lasts until the advertiser revokes it (consent before ` +
      `${calendarDate(EXPIRING_GRANTS_FROM)}).\n`
    );
  }
  const date = calendarDate(expiresAt);
  const days = daysLeft(expiresAt, now);
  const renew = `Renew it with \`${renewCommand(path)}\`, then deploy.`;
  if (now >= expiresAt) return `The grant in ${path} expired on ${date}. ${renew}\n`;
  const left = days === 1 ? "1 day" : `${days} days`;
  return days <= DEFAULT_EXPIRY_WARNING_DAYS
    ? `Warning: the grant in ${path} expires on ${date} (in ${left}). ${renew}\n`
    : `The grant in ${path} expires on ${date} (in ${left}).\n`;
}
