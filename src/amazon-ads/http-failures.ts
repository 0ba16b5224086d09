/**
 * The errors a request ends with when Amazon never gives a usable answer (throttling, outages,
 * broken connections, timeouts, cancellation), and the details every response-based error carries.
 */
import {
  AmazonAdsError,
  type AmazonAdsErrorDetails,
  type RequestSummary,
  type ResponseSummary,
} from "./errors.js";
import type { HttpRequest, HttpResponse } from "./http.js";
import { parseJsonLosslessly, stringifyJsonLosslessly } from "./lossless-json.js";
import { redact, redactRecord, urlForMessage } from "./redact.js";
import type { RetryDecision } from "./retry.js";

/** A failure below HTTP: its code (`ECONNRESET`, …), message, and a sanitized cause. */
export interface NetworkFailure {
  /** Node's or got's error code. */
  readonly code: string;
  /** The lower-level message (no URL query, no body). */
  readonly message: string;
  /** True when the per-request timeout fired. */
  readonly timeout: boolean;
  /** A copy of the error with only name, code and message. */
  readonly cause: Error;
}

/** Reads a thrown network error into a {@link NetworkFailure}. */
export function networkFailure(error: unknown): NetworkFailure {
  const { name, code, message } = fieldsOf(error);
  const timeout = name === "TimeoutError";
  return {
    code: code ?? (timeout ? "ETIMEDOUT" : "UNKNOWN"),
    message: message ?? String(error),
    timeout,
    cause: sanitize(error),
  };
}

/**
 * A copy of `error` with only its name, code and message: got's errors carry the request options
 * (form body included) as an enumerable field, which must not travel on as a `cause`.
 */
export function sanitize(error: unknown): Error {
  const { name, code, message } = fieldsOf(error);
  const clean = new Error(message ?? String(error));
  if (name !== undefined) clean.name = name;
  if (code !== undefined) Object.assign(clean, { code });
  return clean;
}

function fieldsOf(error: unknown): { name?: string; code?: string; message?: string } {
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return { name: text(record.name), code: text(record.code), message: text(record.message) };
}

/** The `ABORTED` error of a request whose signal fired. */
export function abortedError(
  request: HttpRequest,
  summary: RequestSummary,
  attempts: number,
  cause?: unknown,
): AmazonAdsError {
  return new AmazonAdsError(
    "ABORTED",
    `The request to ${request.service} (${summary.method} ${urlForMessage(request.url)}) was ` +
      `cancelled before it completed.`,
    { attempts, request: summary, ...(cause === undefined ? {} : { cause: sanitize(cause) }) },
  );
}

/** Everything known when the retry loop stops without a usable response. */
export interface GiveUp {
  readonly request: HttpRequest;
  readonly summary: RequestSummary;
  readonly attempts: number;
  readonly elapsedMs: number;
  /** The timeout of the last attempt (a retry's may be cut to the retry budget). */
  readonly timeoutMs: number;
  readonly maxElapsedMs: number;
  readonly decision: Extract<RetryDecision, { retry: false }>;
  /** The last response (429 or 5xx), when there was one. */
  readonly response: HttpResponse | undefined;
  /** The last network failure, when there was no response. */
  readonly failure: NetworkFailure | undefined;
}

/** `THROTTLED`, `AMAZON_UNAVAILABLE`, `TIMEOUT` or `NETWORK`, saying how long it was tried. */
export function giveUpError(stop: GiveUp): AmazonAdsError {
  const { request, decision, response, attempts } = stop;
  const service = capitalize(request.service);
  const target = `${stop.summary.method} ${urlForMessage(request.url)}`;
  const over = `over ${duration(stop.elapsedMs)}`;
  const tried =
    decision.reason === "time-exhausted"
      ? ` after ${attempts} attempt(s) ${over}; the next retry (in ` +
        `${duration(decision.delayMs ?? 0)}) would pass the retry time limit of ` +
        `${duration(stop.maxElapsedMs)}`
      : decision.reason === "attempts-exhausted"
        ? ` after ${attempts} attempts ${over}`
        : "";
  if (response) {
    const details = responseDetails(response, amazonErrorFields(response.body));
    return response.status === 429
      ? new AmazonAdsError(
          "THROTTLED",
          `${service} kept throttling ${target} (429 Too Many Requests)${tried}. Wait a minute ` +
            `and try again; other tools using the same client id share its rate limit.`,
          details,
        )
      : new AmazonAdsError(
          "AMAZON_UNAVAILABLE",
          `${service} answered ${response.status} to ${target}${tried}. Amazon is having ` +
            `trouble on its side; try again in a few minutes.`,
          details,
        );
  }
  const fault = stop.failure ?? networkFailure(new Error("no response"));
  const details: AmazonAdsErrorDetails = { attempts, request: stop.summary, cause: fault.cause };
  if (fault.timeout) {
    return new AmazonAdsError(
      "TIMEOUT",
      `${service} did not answer ${target} within ${duration(stop.timeoutMs)}${tried}. Check ` +
        `the network connection and any proxy, then try again.`,
      details,
    );
  }
  return new AmazonAdsError(
    "NETWORK",
    `Could not reach ${request.service} for ${target} (${fault.code}: ${fault.message})${tried}. ` +
      `Check the network connection, proxy settings and any endpoint URL override.`,
    details,
  );
}

/**
 * The first entry of an `{"errors":[{"errorCode","errorMessage"}]}` body (the error shape of the
 * Advertising Accounts API), read leniently: empty when there is none.
 */
export function firstListedError(record: Readonly<Record<string, unknown>>): {
  code?: string;
  message?: string;
} {
  const first: unknown = Array.isArray(record.errors) ? record.errors[0] : undefined;
  if (typeof first !== "object" || first === null) return {};
  const { errorCode, errorMessage } = first as Record<string, unknown>;
  return {
    ...(typeof errorCode === "string" ? { code: errorCode } : {}),
    ...(typeof errorMessage === "string" ? { message: errorMessage } : {}),
  };
}

/**
 * Amazon's own words from an error body of any family — LwA's `error`/`error_description`, the
 * Ads API's `code`/`details`/`requestId`, the account APIs' `errors[]` or `code`/`message` — read
 * leniently: nothing when the body is not such JSON.
 */
export function amazonErrorFields(
  body: string,
): Pick<AmazonAdsErrorDetails, "amazonError" | "amazonDescription" | "requestId"> {
  let json: unknown;
  try {
    json = parseJsonLosslessly(body);
  } catch {
    return {};
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const text = (...names: string[]): string | undefined =>
    names.map((name) => record[name]).find((value) => typeof value === "string") as
      string | undefined;
  const listed = firstListedError(record);
  const amazonError = text("error", "code") ?? listed.code;
  const amazonDescription = text("error_description", "details", "message") ?? listed.message;
  const requestId = text("requestId");
  return {
    ...(amazonError === undefined ? {} : { amazonError }),
    ...(amazonDescription === undefined ? {} : { amazonDescription }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** `text` with its first letter upper-cased, for a service name that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** The first value of a response header. */
export function header(headers: HttpResponse["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Amazon's request id from a response's headers (`x-amzn-RequestId` and its variants). */
export function requestIdOf(response: Pick<HttpResponse, "headers">): string | undefined {
  return (
    header(response.headers, "x-amzn-requestid") ??
    header(response.headers, "x-amzn-request-id") ??
    header(response.headers, "x-amz-request-id") ??
    header(response.headers, "x-amz-rid")
  );
}

/**
 * What an error keeps of a response: status, redacted headers, the body's type and size, and the
 * body itself only as JSON with its secret fields redacted (see {@link ResponseSummary}).
 */
export function responseSummary(
  response: Pick<HttpResponse, "status" | "headers" | "body">,
): ResponseSummary {
  const contentType = header(response.headers, "content-type");
  let json: unknown;
  try {
    json = parseJsonLosslessly(response.body);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: redactRecord(response.headers),
    ...(contentType === undefined ? {} : { contentType }),
    bodyBytes: Buffer.byteLength(response.body),
    ...(json === undefined ? {} : { body: stringifyJsonLosslessly(redact(json)) }),
  };
}

/** The error details every response-based error carries (status, attempts, request, response). */
export function responseDetails(
  response: HttpResponse,
  extra: AmazonAdsErrorDetails = {},
): AmazonAdsErrorDetails {
  const summary = responseSummary(response);
  const requestId = extra.requestId ?? requestIdOf(response);
  return {
    status: response.status,
    attempts: response.attempts,
    request: response.request,
    response: summary,
    ...extra,
    ...(requestId === undefined ? {} : { requestId }),
  };
}
