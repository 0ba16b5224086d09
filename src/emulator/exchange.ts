/**
 * The request a handler sees and the reply it returns. Handlers are synchronous functions of
 * (request, state) → reply; the server does the I/O, the faults and the bookkeeping around them.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Region } from "../amazon-ads/regions.js";

/** An incoming request, already read and routed. */
export interface EmulatorRequest {
  readonly method: string;
  /** The region whose hosts this request addressed (`/eu/...` → EU; no prefix → NA). */
  readonly region: Region;
  /** The region prefix the request used (`""`, `/na`, `/eu` or `/fe`), for links back. */
  readonly basePath: string;
  /** The path without the region prefix or query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly requestId: string;
}

/** A complete response. `reason` explains a refusal to the log hook; it never holds secrets. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly reason?: string;
}

const JSON_TYPE = "application/json;charset=UTF-8";

/** A JSON reply from already-serialized text (used where numbers must stay exact). */
export function rawJsonReply(status: number, text: string, reason?: string): Reply {
  return { status, headers: { "content-type": JSON_TYPE }, body: text, reason };
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, reason?: string): Reply {
  return rawJsonReply(status, JSON.stringify(value), reason);
}

/** An HTML page. */
export function htmlReply(status: number, page: string, reason?: string): Reply {
  return { status, headers: { "content-type": "text/html;charset=UTF-8" }, body: page, reason };
}

/** A 302 redirect (the consent page's answer to the client's redirect URI). */
export function redirectReply(location: string): Reply {
  return { status: 302, headers: { location }, body: "" };
}

/** An LwA token-endpoint error: `{"error","error_description"}`, never cached. */
export function lwaErrorReply(
  status: number,
  error: string,
  description: string,
  reason?: string,
): Reply {
  return {
    ...jsonReply(status, { error, error_description: description }, reason),
    headers: { "content-type": JSON_TYPE, "cache-control": "no-store", pragma: "no-cache" },
  };
}

/** An Ads API error: `{"code","details","requestId"}`. */
export function adsErrorReply(
  request: EmulatorRequest,
  status: number,
  code: string,
  details: string,
  reason?: string,
): Reply {
  return jsonReply(status, { code, details, requestId: request.requestId }, reason ?? details);
}
