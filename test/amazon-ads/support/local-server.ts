/**
 * Real HTTP servers on 127.0.0.1 (port 0), one per test, recording every request they receive.
 * Call `closeServers` in `afterEach`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  /** The body read as a form. */
  readonly form: URLSearchParams;
}

/** Answers one request; `index` counts requests from 0. */
export type Handler = (
  request: ReceivedRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

/** A running server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

const open = new Set<LocalServer>();

/** Starts a server answering with `handler`. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const body = Buffer.concat(chunks).toString("utf8");
      const request: ReceivedRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        form: new URLSearchParams(body),
      };
      requests.push(request);
      void Promise.resolve(handler(request, response, requests.length - 1)).catch((error) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const local: LocalServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(local);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.add(local);
  return local;
}

/** Closes every server started by this test. */
export async function closeServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

/** Sends a JSON answer. `text` overrides the serialization (for raw big-number JSON). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(text);
}

/** Sends any text with a content type. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  contentType: string,
): void {
  response.writeHead(status, { "content-type": contentType });
  response.end(text);
}

/** Drops the connection without an answer (the client sees a reset / socket hang up). */
export function resetConnection(response: ServerResponse): void {
  response.socket?.destroy();
}
