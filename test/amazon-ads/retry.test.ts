import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  decideRetry,
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  type AttemptOutcome,
} from "../../src/amazon-ads/retry.js";

const NOW = Date.UTC(2025, 8, 1, 12, 0, 0);

function ask(attempt: number, outcome: AttemptOutcome, elapsedMs = 0, random = 0.5) {
  return decideRetry({ attempt, outcome, elapsedMs, now: NOW, random });
}

describe("decideRetry (pure retry policy)", () => {
  it("backs off 2 s, 4 s, 8 s, 16 s for 5xx with neutral jitter", () => {
    const delays = [1, 2, 3, 4].map((attempt) => ask(attempt, { status: 503 }));
    expect(delays).toEqual([2000, 4000, 8000, 16000].map((delayMs) => ({ retry: true, delayMs })));
  });

  it("caps the backoff", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 20, maxElapsedMs: 1e9 };
    const decision = decideRetry(
      { attempt: 10, outcome: { status: 500 }, elapsedMs: 0, now: NOW, random: 0.5 },
      policy,
    );
    expect(decision).toEqual({ retry: true, delayMs: policy.maxDelayMs });
  });

  it("spreads the backoff by the jitter ratio", () => {
    expect(backoffDelay(1, 0, DEFAULT_RETRY_POLICY)).toBe(1600);
    expect(backoffDelay(1, 0.999999, DEFAULT_RETRY_POLICY)).toBe(2400);
    expect(backoffDelay(2, 0.25, DEFAULT_RETRY_POLICY)).toBe(3600);
  });

  it("retries 429, 500, 502, 503 and 504, and nothing else by status", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 501, 505]) {
      expect(ask(1, { status })).toEqual({ retry: false, reason: "not-retryable" });
    }
  });

  it("honours Retry-After in seconds on a 429", () => {
    expect(ask(1, { status: 429, retryAfter: "7" })).toEqual({ retry: true, delayMs: 7000 });
  });

  it("honours Retry-After as an HTTP-date", () => {
    const at = new Date(NOW + 12_000).toUTCString();
    expect(ask(1, { status: 429, retryAfter: at })).toEqual({ retry: true, delayMs: 12_000 });
    const past = new Date(NOW - 60_000).toUTCString();
    expect(ask(1, { status: 503, retryAfter: past })).toEqual({ retry: true, delayMs: 0 });
  });

  it("measures an HTTP-date Retry-After from the response's Date, whatever the clocks' skew", () => {
    // The server's clock is 10 minutes ahead of ours; it asks for 2 s.
    const serverNow = NOW + 600_000;
    const retryAfter = new Date(serverNow + 2000).toUTCString();
    const date = new Date(serverNow).toUTCString();
    expect(ask(1, { status: 429, retryAfter, date })).toEqual({ retry: true, delayMs: 2000 });
    expect(parseRetryAfter(retryAfter, NOW, "not a date")).toBe(602_000);
  });

  it("falls back to backoff when a 429 has no usable Retry-After", () => {
    expect(ask(2, { status: 429 })).toEqual({ retry: true, delayMs: 4000 });
    expect(ask(2, { status: 429, retryAfter: "soon-ish 12" })).toEqual({
      retry: true,
      delayMs: 4000,
    });
  });

  it("retries resets and timeouts but not refused connections or unknown hosts", () => {
    for (const code of ["ECONNRESET", "ETIMEDOUT", "EPIPE"]) {
      expect(isRetryableNetworkError(code)).toBe(true);
      expect(ask(1, { networkError: code })).toEqual({ retry: true, delayMs: 2000 });
    }
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "CERT_HAS_EXPIRED"]) {
      expect(ask(1, { networkError: code })).toEqual({ retry: false, reason: "not-retryable" });
    }
  });

  it("gives up once the attempt bound is reached", () => {
    expect(ask(DEFAULT_RETRY_POLICY.maxAttempts, { status: 503 })).toEqual({
      retry: false,
      reason: "attempts-exhausted",
    });
  });

  it("gives up when the wait would pass the time bound, reporting the wait asked", () => {
    expect(ask(1, { status: 429, retryAfter: "120" })).toEqual({
      retry: false,
      reason: "time-exhausted",
      delayMs: 120_000,
    });
    expect(ask(3, { status: 500 }, 55_000)).toEqual({
      retry: false,
      reason: "time-exhausted",
      delayMs: 8000,
    });
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and dates and ignores anything else", () => {
    expect(parseRetryAfter("0", NOW)).toBe(0);
    expect(parseRetryAfter(" 3 ", NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 2000).toUTCString(), NOW)).toBe(2000);
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
    expect(parseRetryAfter("1.5", NOW)).toBeUndefined();
    expect(parseRetryAfter("not a date", NOW)).toBeUndefined();
  });
});
