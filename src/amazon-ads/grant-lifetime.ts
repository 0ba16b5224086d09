/**
 * How long a Login with Amazon grant lives. Amazon returns no issue or expiry date with a refresh
 * token, so its end is estimated from the consent date that `login` (or the provider) records:
 * consents from mid-2026 on give refresh tokens that stop working 365 days later, as announced.
 */

/** Consents from this instant on give refresh tokens that expire (Amazon's 2026 announcement). */
export const EXPIRING_GRANTS_FROM = Date.UTC(2026, 6, 1);

/** How long an expiring refresh token lives after consent. */
export const REFRESH_TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * How many days before a refresh token expires its users are warned, by default: plans (unless
 * `expiry_warning_days` says otherwise) and the CLI's commands alike.
 */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

/** One day, the unit users think of an expiry in. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a refresh token from a consent given at `consentedAtMs` stops working (epoch ms), or
 * undefined when it lasts until revoked (consents before {@link EXPIRING_GRANTS_FROM}).
 */
export function refreshTokenExpiresAt(consentedAtMs: number): number | undefined {
  return consentedAtMs >= EXPIRING_GRANTS_FROM
    ? consentedAtMs + REFRESH_TOKEN_LIFETIME_MS
    : undefined;
}

/**
 * Whole days from `nowMs` until `expiresAtMs`, rounded up (a token with 2 hours left has 1 day
 * left); 0 or less once it has expired.
 */
export function daysLeft(expiresAtMs: number, nowMs: number): number {
  return Math.ceil((expiresAtMs - nowMs) / DAY_MS);
}

/** `2027-07-01` for an instant: the date a person renews by. */
export function calendarDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
