/**
 * When to try a request again, as one pure function: no clock, no randomness and no sleeping of
 * its own, so every branch is unit-tested without waiting.
 */

/** Bounds of the retry loop. */
export interface RetryPolicy {
  /** Attempts in total, the first included. @default 5 */
  readonly maxAttempts: number;
  /** No retry is scheduled that would start later than this after the first attempt. @default 60000 */
  readonly maxElapsedMs: number;
  /** Backoff before the second attempt; doubled for each further one. @default 2000 */
  readonly baseDelayMs: number;
  /** Cap of one backoff (before jitter). @default 30000 */
  readonly maxDelayMs: number;
  /** Backoff is scaled by a random factor in `[1 - jitter, 1 + jitter]`. @default 0.2 */
  readonly jitter: number;
}

/** The policy used unless a caller overrides part of it. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxElapsedMs: 60_000,
  baseDelayMs: 2_000,
  maxDelayMs: 30_000,
  jitter: 0.2,
};

/** What an attempt ended with: an HTTP response, or a network-level failure with its code. */
export type AttemptOutcome =
  | {
      readonly status: number;
      readonly retryAfter?: string | undefined;
      /** The response's `Date` header: the server's "now" for an HTTP-date `Retry-After`. */
      readonly date?: string | undefined;
    }
  | { readonly networkError: string };

/** Everything {@link decideRetry} needs to know about the attempt that just ended. */
export interface RetryQuestion {
  /** Number of the attempt that just ended, starting at 1. */
  readonly attempt: number;
  /** How it ended. */
  readonly outcome: AttemptOutcome;
  /** Milliseconds since the first attempt started. */
  readonly elapsedMs: number;
  /** Current time (epoch ms), to read a `Retry-After` HTTP-date. */
  readonly now: number;
  /** A number in `[0, 1)` for jitter. */
  readonly random: number;
}

/** Why no further attempt is made. */
export type GiveUpReason = "not-retryable" | "attempts-exhausted" | "time-exhausted";

/** Either wait `delayMs` and try again, or stop for `reason`. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: GiveUpReason; readonly delayMs?: number };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

// Failures after which the same request may well succeed; refused connections and unknown hosts
// are configuration problems that retrying only delays.
const RETRYABLE_NETWORK_ERRORS = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/** True for the statuses Amazon documents as transient: 429, 500, 502, 503 and 504. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** True for network error codes worth retrying (reset, timeout, broken pipe, DNS hiccup). */
export function isRetryableNetworkError(code: string): boolean {
  return RETRYABLE_NETWORK_ERRORS.has(code);
}

/**
 * A `Retry-After` header in milliseconds from `now`: delay-seconds or an HTTP-date (a date in the
 * past means 0). An HTTP-date is measured from the response's `Date` when there is one, so that a
 * server clock minutes away from ours does not turn "in 1 s" into minutes (or into nothing).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number,
  serverDate?: string,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = httpDate(text);
  if (at === undefined) return undefined;
  return Math.max(0, at - (httpDate(serverDate?.trim() ?? "") ?? now));
}

// The three HTTP-date forms all start with a day name; Date.parse alone accepts nearly anything.
function httpDate(text: string): number | undefined {
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/** Exponential backoff for the attempt that just failed: base, 2×base, 4×base … capped, jittered. */
export function backoffDelay(attempt: number, random: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const factor = 1 - policy.jitter + 2 * policy.jitter * random;
  return Math.round(exponential * factor);
}

/**
 * Decides whether to retry after an attempt: 429 (honouring `Retry-After`), 500/502/503/504 and
 * transient network errors are retried with capped exponential backoff, within the attempt and
 * time bounds; everything else (`invalid_grant`, `invalid_client`, other 4xx) is final.
 */
export function decideRetry(
  question: RetryQuestion,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  const { outcome } = question;
  const retryable =
    "status" in outcome
      ? isRetryableStatus(outcome.status)
      : isRetryableNetworkError(outcome.networkError);
  if (!retryable) return { retry: false, reason: "not-retryable" };
  if (question.attempt >= policy.maxAttempts) return { retry: false, reason: "attempts-exhausted" };
  const asked =
    "status" in outcome
      ? parseRetryAfter(outcome.retryAfter, question.now, outcome.date)
      : undefined;
  const delayMs = asked ?? backoffDelay(question.attempt, question.random, policy);
  if (question.elapsedMs + delayMs > policy.maxElapsedMs) {
    return { retry: false, reason: "time-exhausted", delayMs };
  }
  return { retry: true, delayMs };
}
