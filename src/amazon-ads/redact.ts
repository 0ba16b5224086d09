/**
 * Structural redaction: every log line and error path hands requests, headers and bodies through
 * here, so a secret is hidden because of the field it sits in, never because of what it looks like.
 */

/** What a redacted value is replaced with. */
export const REDACTED = "[REDACTED]";

// Compared after lower-casing and dropping `-`/`_`, so `refresh_token`, `refreshToken` and a
// `Refresh-Token` header all match one entry.
const SECRET_FIELDS = new Set([
  "clientsecret",
  "code",
  "authorizationcode",
  "codeverifier",
  "refreshtoken",
  "accesstoken",
  "idtoken",
  "authorization",
  "proxyauthorization",
  "xamzaccesstoken",
  "cookie",
  "setcookie",
  "password",
]);

/** True when a field, form parameter, query parameter or header of this name holds a secret. */
export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase().replace(/[-_]/g, ""));
}

/**
 * A copy of `value` with every secret field replaced by {@link REDACTED}, at any depth: plain
 * objects, arrays, `URLSearchParams` (as an object) and header maps. Other values pass through.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet());
}

/** {@link redact} for a record (form bodies, headers), keeping the record type for callers. */
export function redactRecord(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactValue(record, new WeakSet()) as Record<string, unknown>;
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (value instanceof URLSearchParams) {
    return redactValue(Object.fromEntries(value), seen);
  }
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = isSecretField(key) && field !== undefined ? REDACTED : redactValue(field, seen);
  }
  return copy;
}

/**
 * A URL fit for a log line: credentials removed and the values of secret query parameters
 * (`code`, `client_secret`, …) redacted; harmless parameters such as profile filters stay readable.
 */
export function redactUrl(url: string | URL): string {
  const parsed = safeUrl(url);
  if (!parsed) return "[unparseable URL]";
  parsed.username = "";
  parsed.password = "";
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSecretField(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/** A URL fit for an error message: scheme, host and path only (no credentials, query or hash). */
export function urlForMessage(url: string | URL): string {
  const parsed = safeUrl(url);
  if (!parsed) return "[unparseable URL]";
  return `${parsed.origin}${parsed.pathname}`;
}

function safeUrl(url: string | URL): URL | undefined {
  try {
    return new URL(url.toString());
  } catch {
    return undefined;
  }
}
