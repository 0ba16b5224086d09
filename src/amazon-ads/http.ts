/**
 * The one way the client talks HTTP: a lazily created got instance with keep-alive agents, got's
 * own retry off, and our retry loop around it so that the policy stays the pure `decideRetry`.
 */
import type * as HttpModule from "node:http";
import type * as HttpsModule from "node:https";
import { createRequire } from "node:module";
import type { Got } from "got";
import type { RequestSummary } from "./errors.js";
import {
  abortedError,
  giveUpError,
  header,
  networkFailure,
  requestIdOf,
  type NetworkFailure,
} from "./http-failures.js";
import { redact, redactRecord, redactUrl } from "./redact.js";
import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  type RetryDecision,
  type RetryPolicy,
} from "./retry.js";
import { REAL_SEAMS, type Seams } from "./seams.js";

/** Receives one debug line per attempt and per scheduled retry; fields are already redacted. */
export interface Logger {
  /** A debug line: a readable `message` and structured `fields` (method, url, status, …). */
  debug(message: string, fields: Readonly<Record<string, unknown>>): void;
}

/** Transport settings shared by every call of a client. */
export interface HttpOptions extends Partial<Seams> {
  /**
   * Timeout of one attempt (connect to last byte). A retry's timeout is also capped at what is
   * left of the retry budget (`retry.maxElapsedMs` from the first attempt), but not below 1 s.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /** Overrides of the retry bounds. */
  readonly retry?: Partial<RetryPolicy>;
  /** Where debug lines go. @default nowhere */
  readonly logger?: Logger;
  /** `User-Agent` header. @default "cdktf-amazon-ads" */
  readonly userAgent?: string;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call, including retries and their waits. */
  readonly signal?: AbortSignal;
}

/** The service a request goes to, as messages name it. */
export type Service = "Login with Amazon" | "the Amazon Ads API";

/** One logical request (retried as a whole). */
export interface HttpRequest {
  /** Who answers; used in messages. */
  readonly service: Service;
  /** HTTP method. */
  readonly method: "GET" | "POST";
  /** Absolute URL. */
  readonly url: string;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Form fields, sent `application/x-www-form-urlencoded`; undefined values are left out. */
  readonly form?: Readonly<Record<string, string | undefined>>;
  /** A JSON body (exclusive with `form`). */
  readonly json?: unknown;
  /** The `Content-Type` of `json` (a versioned `application/vnd.….v1+json`). @default "application/json" */
  readonly jsonMediaType?: string;
  /** Aborts the request and any backoff sleep at once. */
  readonly signal?: AbortSignal;
}

/** The final response of a request that Amazon answered with a status below 500 (not 429). */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers (lower-case names). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Raw response text. */
  readonly body: string;
  /** Attempts made, this one included. */
  readonly attempts: number;
  /** True when an earlier attempt failed in transit (its effect on Amazon's side is unknown). */
  readonly afterNetworkFailure: boolean;
  /** When the final attempt was sent (epoch ms from the injected clock). */
  readonly sentAt: number;
  /** The request, redacted. */
  readonly request: RequestSummary;
}

const DEFAULT_TIMEOUT_MS = 30_000;

// The least time a retry is given when the retry budget is nearly spent: less could hardly carry
// one request to Amazon and back.
const MIN_RETRY_TIMEOUT_MS = 1_000;

let sharedGot: Promise<Got> | undefined;

// got, node:http and node:https load on the first request: two of the three provider processes of
// every plan only answer schema and validation calls and never pay for them (the provider's
// package keeps got in a file of its own, read only then). The built-ins come through `require`,
// which works however this module is run, a vm.Script without an import() loader included.
function loadGot(): Promise<Got> {
  sharedGot ??= import("got").then(({ got }) => {
    const load = createRequire(import.meta.url);
    const http = load("node:http") as typeof HttpModule;
    const https = load("node:https") as typeof HttpsModule;
    return got.extend({
      agent: {
        http: new http.Agent({ keepAlive: true }),
        https: new https.Agent({ keepAlive: true }),
      },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: "text",
    });
  });
  return sharedGot;
}

/** Sends requests with retries, timeouts, cancellation and redacted debug logging. */
export class Transport {
  /** The injected (or real) clock, sleep and randomness, for callers that poll. */
  readonly seams: Seams;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly logger: Logger | undefined;
  private readonly userAgent: string;

  /** Creates a transport; nothing is loaded or connected until the first request. */
  constructor(options: HttpOptions = {}) {
    this.seams = {
      now: options.now ?? REAL_SEAMS.now,
      sleep: options.sleep ?? REAL_SEAMS.sleep,
      random: options.random ?? REAL_SEAMS.random,
    };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger;
    this.userAgent = options.userAgent ?? "cdktf-amazon-ads";
  }

  /**
   * Sends `request`, retrying 429, 5xx and transient network failures per the retry policy.
   * Resolves with any other response; throws `THROTTLED`, `AMAZON_UNAVAILABLE`, `NETWORK`,
   * `TIMEOUT` or `ABORTED` when the request cannot be completed.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const { now, sleep } = this.seams;
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": this.userAgent,
      ...request.headers,
    };
    let body: string | undefined;
    if (request.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = formBody(request.form);
    } else if (request.json !== undefined) {
      headers["content-type"] = request.jsonMediaType ?? "application/json";
      body = JSON.stringify(request.json);
    }
    const summary: RequestSummary = {
      method: request.method,
      url: redactUrl(request.url),
      headers: redactRecord(headers),
      ...(body === undefined ? {} : { body: redact(request.form ?? request.json) }),
    };
    const firstStart = now();
    let networkFailures = 0;
    for (let attempt = 1; ; attempt++) {
      this.throwIfAborted(request, summary, attempt - 1);
      const sentAt = now();
      const timeoutMs = this.attemptTimeout(attempt, sentAt - firstStart);
      let decision: RetryDecision;
      let response: HttpResponse | undefined;
      let failure: NetworkFailure | undefined;
      try {
        const got = await loadGot();
        const answer = await got(request.url, {
          method: request.method,
          headers,
          body,
          signal: request.signal,
          timeout: { request: timeoutMs },
        });
        response = {
          status: answer.statusCode,
          headers: answer.headers,
          body: answer.body,
          attempts: attempt,
          afterNetworkFailure: networkFailures > 0,
          sentAt,
          request: summary,
        };
      } catch (error) {
        this.throwIfAborted(request, summary, attempt, error);
        failure = networkFailure(error);
        networkFailures++;
      }
      if (response) {
        const retryAfter = header(response.headers, "retry-after");
        const date = header(response.headers, "date");
        decision = this.decide(attempt, { status: response.status, retryAfter, date }, firstStart);
        this.log(summary, attempt, sentAt, {
          status: response.status,
          requestId: requestIdOf(response),
        });
      } else {
        const code = failure?.code ?? "UNKNOWN";
        decision = this.decide(attempt, { networkError: code }, firstStart);
        this.log(summary, attempt, sentAt, { error: code });
      }
      if (!decision.retry) {
        if (response && response.status !== 429 && response.status < 500) return response;
        throw giveUpError({
          request,
          summary,
          attempts: attempt,
          elapsedMs: now() - firstStart,
          timeoutMs,
          maxElapsedMs: this.policy.maxElapsedMs,
          decision,
          response,
          failure,
        });
      }
      this.logger?.debug(`retrying ${summary.method} ${summary.url} in ${decision.delayMs} ms`, {
        method: summary.method,
        url: summary.url,
        attempt,
        retryInMs: decision.delayMs,
      });
      try {
        await sleep(decision.delayMs, request.signal);
      } catch (error) {
        this.throwIfAborted(request, summary, attempt, error);
        throw error;
      }
    }
  }

  /**
   * The timeout of an attempt started `elapsedMs` after the first: the configured one, but a retry
   * never runs past the retry budget (down to a floor), so a server that hangs on a late retry
   * cannot stretch the whole request to about `maxElapsedMs + timeoutMs`. The first attempt keeps
   * the full timeout: a budget of 0 means "no retries", not "no time".
   */
  private attemptTimeout(attempt: number, elapsedMs: number): number {
    if (attempt === 1) return this.timeoutMs;
    const left = this.policy.maxElapsedMs - elapsedMs;
    return Math.min(this.timeoutMs, Math.max(MIN_RETRY_TIMEOUT_MS, left));
  }

  private decide(
    attempt: number,
    outcome: Parameters<typeof decideRetry>[0]["outcome"],
    firstStart: number,
  ): RetryDecision {
    const now = this.seams.now();
    return decideRetry(
      { attempt, outcome, elapsedMs: now - firstStart, now, random: this.seams.random() },
      this.policy,
    );
  }

  private log(
    summary: RequestSummary,
    attempt: number,
    sentAt: number,
    result: { status?: number; requestId?: string | undefined; error?: string },
  ): void {
    if (!this.logger) return;
    const durationMs = this.seams.now() - sentAt;
    const outcome = result.status !== undefined ? String(result.status) : result.error;
    this.logger.debug(
      `${summary.method} ${summary.url} -> ${outcome} in ${durationMs} ms (attempt ${attempt})`,
      {
        method: summary.method,
        url: summary.url,
        ...result,
        durationMs,
        attempt,
        ...(summary.body === undefined ? {} : { body: summary.body }),
      },
    );
  }

  private throwIfAborted(
    request: HttpRequest,
    summary: RequestSummary,
    attempts: number,
    cause?: unknown,
  ): void {
    if (request.signal?.aborted) throw abortedError(request, summary, attempts, cause);
  }
}

function formBody(form: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}
