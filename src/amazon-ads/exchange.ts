/**
 * One HTTP request and its response, on Node's own `http`/`https` with one keep-alive agent per
 * protocol and process: no retries, no redirects, no decompression (none is asked for), the body
 * read as text. `http.ts` wraps it in the retry loop.
 *
 * Node's client replaced got here: loading got took 30–50 ms of every provider process that
 * called Amazon (a plan's last process always does), and nothing of got was used beyond this.
 */
import type { Agent as HttpAgent, IncomingHttpHeaders, request as httpRequest } from "node:http";
import type * as HttpModule from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import type * as HttpsModule from "node:https";
import { createRequire } from "node:module";

/** What to send. */
export interface ExchangeRequest {
  readonly method: "GET" | "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** Aborts the exchange (it then rejects with Node's `AbortError`). */
  readonly signal?: AbortSignal | undefined;
  /** Limit of the whole exchange, connect to last byte; then it rejects with `TimeoutError`. */
  readonly timeoutMs: number;
}

/** What came back. */
export interface ExchangeResponse {
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Client {
  readonly request: { http: typeof httpRequest; https: typeof httpRequest };
  readonly agent: { http: HttpAgent; https: HttpsAgent };
}

let client: Client | undefined;

// Loaded on the first request: a provider process that never calls Amazon (two of the three of
// every plan) does not load node:https and TLS for it. `require`, not `import()`: the provider
// bundle runs as a vm.Script, where a dynamic import of a built-in has no loader.
function loadClient(): Client {
  if (client) return client;
  const load = createRequire(import.meta.url);
  const http = load("node:http") as typeof HttpModule;
  const https = load("node:https") as typeof HttpsModule;
  client = {
    request: { http: http.request, https: https.request },
    agent: {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true }),
    },
  };
  return client;
}

/**
 * Sends one request to `url` (http: or https:). Rejects with the socket's error (`code`
 * `ECONNRESET`, `ECONNREFUSED`, …), an `AbortError`, or a `TimeoutError` with code `ETIMEDOUT`.
 */
export async function exchange(url: string, request: ExchangeRequest): Promise<ExchangeResponse> {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  if (!secure && target.protocol !== "http:") {
    throw new TypeError(`Unsupported protocol ${target.protocol} in a request URL.`);
  }
  const { request: send, agent } = loadClient();
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) {
    headers["content-length"] = String(Buffer.byteLength(request.body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? send.https : send.http)(target, {
      method: request.method,
      headers,
      agent: secure ? agent.https : agent.http,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const timer = setTimeout(
      () => outgoing.destroy(timeoutError(request.timeoutMs)),
      request.timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    outgoing.once("error", fail);
    outgoing.once("response", (incoming) => {
      let body = "";
      incoming.setEncoding("utf8");
      incoming.on("data", (chunk: string) => (body += chunk));
      incoming.once("error", fail);
      incoming.once("end", () => {
        clearTimeout(timer);
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
      });
      // A response cut off before its end is a broken connection, not a short body.
      incoming.once("close", () => {
        if (!incoming.complete) fail(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      });
    });
    outgoing.end(request.body);
  });
}

function timeoutError(ms: number): Error {
  const error = new Error(`Timeout awaiting the response after ${ms} ms`);
  error.name = "TimeoutError";
  return Object.assign(error, { code: "ETIMEDOUT" });
}
