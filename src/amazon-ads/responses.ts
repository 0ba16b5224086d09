/**
 * Turning a response body into a typed value, or into a `MALFORMED_RESPONSE` error that says what
 * arrived (type and size, never the body itself, which may hold tokens).
 */
import type { ZodType } from "zod";
import { AmazonAdsError } from "./errors.js";
import { capitalize, responseDetails } from "./http-failures.js";
import type { HttpResponse, Service } from "./http.js";
import { parseJsonLosslessly } from "./lossless-json.js";
import { urlForMessage } from "./redact.js";

/** The response body as JSON (large integers kept exact), or undefined when it is not JSON. */
export function tryParseJson(response: HttpResponse): unknown {
  try {
    return parseJsonLosslessly(response.body);
  } catch {
    return undefined;
  }
}

/**
 * Parses the body losslessly and validates it with `schema`; any failure is `MALFORMED_RESPONSE`
 * naming the offending path, the content type and the size.
 */
export function readBody<T>(response: HttpResponse, service: Service, schema: ZodType<T>): T {
  let json: unknown;
  try {
    json = parseJsonLosslessly(response.body);
  } catch (error) {
    throw malformed(response, service, `it is not JSON (${(error as Error).message})`, error);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
  throw malformed(response, service, `its JSON does not have the documented shape (${issues})`);
}

/** A `MALFORMED_RESPONSE` error for `response`, with `reason` completing "the body …". */
export function malformed(
  response: HttpResponse,
  service: Service,
  reason: string,
  cause?: unknown,
): AmazonAdsError {
  const type = response.headers["content-type"] ?? "no content type";
  const target = `${response.request.method} ${urlForMessage(response.request.url)}`;
  return new AmazonAdsError(
    "MALFORMED_RESPONSE",
    `${capitalize(service)} answered ${target} with status ${response.status} and a body (${String(type)}, ` +
      `${Buffer.byteLength(response.body)} bytes) that Amazon does not send: ${reason}. If an ` +
      `endpoint URL is overridden, check that it points at ${service}; otherwise try again later.`,
    responseDetails(response, cause === undefined ? {} : { cause }),
  );
}
