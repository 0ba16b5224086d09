/**
 * The HTTP side: reads and routes each request, counts it, applies any injected fault, runs the
 * handler, writes the reply (with a request id and a `Date` from the emulator's clock) and reports
 * it to the log hook.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Region } from "../amazon-ads/regions.js";
import type { EmulatorAdmin } from "./admin.js";
import { handleAdminRequest } from "./admin-http.js";
import type { EmulatorEndpoint } from "./endpoints.js";
import { type EmulatorRequest, type Reply, adsErrorReply, jsonReply } from "./exchange.js";
import { faultReply, truncated } from "./fault-replies.js";
import type { Fault, FaultRegistry } from "./faults.js";
import { type Route, route } from "./routes.js";
import type { EmulatorState } from "./state.js";
import { tokenRequestForm } from "./token-endpoint.js";
import type { Traffic } from "./traffic.js";

/** One finished request, as the log hook receives it. Holds no secrets (no query, no body). */
export interface EmulatorLogEntry {
  readonly requestId: string;
  readonly method: string;
  /** The path without query string, region prefix included. */
  readonly path: string;
  readonly region: Region;
  /** Which endpoint it was; `admin` for `/_emulator`, undefined for an unknown path. */
  readonly endpoint?: EmulatorEndpoint | "admin";
  /** `answered`, `reset` (connection destroyed by a fault) or `abandoned` (client left first). */
  readonly outcome: "answered" | "reset" | "abandoned";
  /** The status sent; absent when nothing was sent. */
  readonly status?: number;
  /** The kind of the injected fault that applied, if any. */
  readonly fault?: Fault["kind"];
  /** Why the request was refused, in words free of secrets. */
  readonly reason?: string;
  /**
   * When the request arrived, on the emulator's clock (ms since the epoch, `advanceClock`
   * included), so tests can check how long a client waited between two requests.
   */
  readonly receivedAt: number;
  readonly durationMs: number;
}

/** What the request listener works with. */
export interface ServerParts {
  readonly state: EmulatorState;
  readonly faults: FaultRegistry;
  readonly traffic: Traffic;
  readonly admin: EmulatorAdmin;
  /** The answer to `GET /_emulator`. */
  readonly info: () => object;
  readonly log?: (entry: EmulatorLogEntry) => void;
}

const MAX_BODY_BYTES = 1024 * 1024;

function splitRegion(pathname: string): { region: Region; basePath: string; path: string } {
  const prefix = /^\/(na|eu|fe)(?=\/|$)/.exec(pathname);
  if (!prefix) return { region: "NA", basePath: "", path: pathname };
  return {
    region: prefix[1]!.toUpperCase() as Region,
    basePath: prefix[0],
    path: pathname.slice(prefix[0].length) || "/",
  };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
function waitWhileConnected(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(true);
    }, ms);
    res.once("close", onClose);
  });
}

function send(res: ServerResponse, reply: Reply, now: number): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    date: new Date(now).toUTCString(),
    "content-length": String(Buffer.byteLength(reply.body)),
  });
  res.end(reply.body);
}

function outsideEndpoints(request: EmulatorRequest, allowed: readonly string[] | undefined): Reply {
  if (allowed === undefined) {
    return adsErrorReply(request, 404, "NOT_FOUND", `No resource at ${request.path}`);
  }
  const reply = adsErrorReply(request, 405, "METHOD_NOT_ALLOWED", `Use ${allowed.join(" or ")}`);
  return { ...reply, headers: { ...reply.headers, allow: allowed.join(", ") } };
}

/** Creates the `node:http` request listener of an emulator. */
export function createRequestListener(
  parts: ServerParts,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { state, faults, traffic, admin } = parts;
  type Finish = (
    entry: Pick<EmulatorLogEntry, "endpoint" | "outcome" | "status" | "fault" | "reason">,
  ) => void;

  async function serveEndpoint(
    route: Route,
    request: EmulatorRequest,
    req: IncomingMessage,
    res: ServerResponse,
    finish: Finish,
  ): Promise<void> {
    const { endpoint } = route;
    const grantType =
      endpoint === "token"
        ? (tokenRequestForm(request)?.get("grant_type") ?? undefined)
        : undefined;
    res.once("close", traffic.begin(endpoint, grantType));
    const fault = faults.take({ endpoint, region: request.region, grantType });

    if (fault?.kind === "reset" && !fault.afterHandling) {
      req.socket.destroy();
      finish({ endpoint, outcome: "reset", fault: fault.kind });
      return;
    }
    if (fault?.kind === "hang") {
      res.once("close", () => finish({ endpoint, outcome: "abandoned", fault: fault.kind }));
      return;
    }
    if (fault?.kind === "delay" && !(await waitWhileConnected(res, fault.ms))) {
      finish({ endpoint, outcome: "abandoned", fault: fault.kind });
      return;
    }
    const target = { endpoint, region: request.region, grantType };
    // One instant for both: an HTTP-date Retry-After is read against the reply's Date.
    const now = state.clock.now();
    let reply =
      (fault && faultReply(fault, target, request, state, now)) ?? route.handle(request, state);
    if (fault?.kind === "reset") {
      // Handled, so its effect stays (a code redeemed); only the answer never leaves.
      req.socket.destroy();
      finish({
        endpoint,
        outcome: "reset",
        fault: fault.kind,
        reason: "answer dropped after handling",
      });
      return;
    }
    if (fault?.kind === "truncated-json") reply = truncated(reply);
    send(res, reply, now);
    const { status, reason } = reply;
    finish({ endpoint, outcome: "answered", status, fault: fault?.kind, reason });
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    finish: Finish,
  ): Promise<void> {
    const { region, basePath, path } = splitRegion(url.pathname);
    const body = await readBody(req);
    const request: EmulatorRequest = {
      method: req.method ?? "GET",
      region,
      basePath,
      path,
      query: url.searchParams,
      headers: req.headers,
      body: body ?? "",
      requestId: String(res.getHeader("x-amzn-RequestId")),
    };
    const answer = (reply: Reply, endpoint?: "admin"): void => {
      send(res, reply, state.clock.now());
      finish({ endpoint, outcome: "answered", status: reply.status, reason: reply.reason });
    };
    if (body === undefined) {
      answer(adsErrorReply(request, 413, "PAYLOAD_TOO_LARGE", "Request body over 1 MiB"));
    } else if (path === "/_emulator" || path.startsWith("/_emulator/")) {
      answer(handleAdminRequest(request.method, path, body, admin, parts.info), "admin");
    } else {
      const routed = route(request.method, path);
      if (routed && "handle" in routed) await serveEndpoint(routed, request, req, res, finish);
      else answer(outsideEndpoints(request, routed?.allowed));
    }
  }

  return (req, res) => {
    const started = performance.now();
    const receivedAt = state.clock.now();
    const requestId = state.ids.requestId();
    res.setHeader("x-amzn-RequestId", requestId);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const finish: Finish = (entry) => {
      try {
        parts.log?.({
          requestId,
          method: req.method ?? "GET",
          path: url.pathname,
          region: splitRegion(url.pathname).region,
          ...entry,
          receivedAt,
          durationMs: performance.now() - started,
        });
      } catch {
        // A failing log hook must not take the emulator down with it.
      }
    };
    serve(req, res, url, finish).catch((error: unknown) => {
      // A client that leaves mid-body lands here too: answer only if the socket is still usable.
      const reason = `emulator error: ${error instanceof Error ? error.message : String(error)}`;
      if (!res.headersSent && !res.destroyed) {
        send(
          res,
          jsonReply(500, { code: "INTERNAL_ERROR", details: reason, requestId }),
          state.clock.now(),
        );
      }
      finish({ outcome: res.headersSent ? "answered" : "abandoned", reason });
    });
  };
}
