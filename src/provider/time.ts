/**
 * Instants as the provider's attributes store them: RFC 3339 in UTC, to the second.
 */

/** `2026-07-01T12:00:00Z` for an epoch-millisecond instant. */
export function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The epoch milliseconds of an RFC 3339 text, or undefined when it is not one. */
export function parseInstant(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
