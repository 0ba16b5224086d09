/**
 * The local HTTP listener that catches the consent redirect. It binds the redirect URI's port on
 * loopback addresses only (never a public interface), answers GET on the redirect path alone, and
 * leaves judging each callback to the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { notFoundPage, type CallbackPage } from "./pages.js";
import type { ListenPlan } from "./redirect.js";

/** The caller's answer to one callback: a page, and what to do once the browser has it. */
export interface CallbackAnswer extends CallbackPage {
  /** Runs after the page was handed to the browser (the login ends only then). */
  readonly afterSent?: () => void;
}

/** Judges one request to the redirect path. */
export type CallbackHandler = (callback: URL) => Promise<CallbackAnswer>;

/** A running listener. */
export interface CallbackListener {
  /** The addresses bound, such as `127.0.0.1:8765` and `[::1]:8765`. */
  readonly addresses: readonly string[];
  /** Stops listening and drops any connection left open; idempotent. */
  close(): Promise<void>;
}

/** Thrown when the port is taken or cannot be bound; the message names the port and the way out. */
export class ListenError extends Error {
  override readonly name = "ListenError";
}

// An IPv6 loopback that does not exist (a kernel without IPv6) cannot be reached by browsers either.
const NO_IPV6 = new Set(["EADDRNOTAVAIL", "EAFNOSUPPORT"]);

function send(response: ServerResponse, answer: CallbackPage, afterSent?: () => void): void {
  response.writeHead(answer.status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    // One request per connection, so closing the listener never waits on an idle keep-alive.
    connection: "close",
  });
  response.end(answer.html, afterSent);
}

function requestListener(plan: ListenPlan, handle: CallbackHandler) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? "/", `http://localhost:${plan.port}`);
    if (url.pathname !== plan.path) {
      send(response, notFoundPage());
      return;
    }
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      send(response, { ...notFoundPage(), status: 405 });
      return;
    }
    handle(url).then(
      (answer) => send(response, answer, answer.afterSent),
      () => send(response, { status: 500, html: "Internal error; see the terminal.\n" }),
    );
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function explain(error: NodeJS.ErrnoException, port: number): ListenError {
  if (error.code === "EADDRINUSE") {
    const other = port < 65535 ? port + 1 : 8766;
    return new ListenError(
      `Port ${port} on localhost is already in use (another login, or another program), so the ` +
        `consent redirect cannot be caught. Stop that program, or register another redirect URI ` +
        `such as http://localhost:${other}/callback in your app's Allowed ` +
        `Return URLs and pass it with --redirect-uri.`,
    );
  }
  if (error.code === "EACCES") {
    return new ListenError(
      `Not allowed to listen on port ${port} (ports below 1024 need privileges). Register a ` +
        `redirect URI with a port above 1023, such as http://localhost:8765/callback, and pass it ` +
        `with --redirect-uri.`,
    );
  }
  return new ListenError(
    `Cannot listen on port ${port} of the loopback interface (${error.code ?? error.message}). ` +
      `Pass another --redirect-uri, or use --paste.`,
  );
}

/** Binds every loopback address of the plan on its port; all or none. */
export async function startCallbackListener(
  plan: ListenPlan,
  handle: CallbackHandler,
): Promise<CallbackListener> {
  const bound: Server[] = [];
  const addresses: string[] = [];
  for (const host of plan.hosts) {
    const server = createServer(requestListener(plan, handle));
    try {
      await listen(server, plan.port, host);
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      if (host === "::1" && plan.hosts.length > 1 && NO_IPV6.has(failure.code ?? "")) continue;
      await Promise.all(bound.map(closeServer));
      throw explain(failure, plan.port);
    }
    bound.push(server);
    addresses.push(host.includes(":") ? `[${host}]:${plan.port}` : `${host}:${plan.port}`);
  }
  let closing: Promise<void> | undefined;
  return {
    addresses,
    close: () => (closing ??= Promise.all(bound.map(closeServer)).then(() => undefined)),
  };
}
