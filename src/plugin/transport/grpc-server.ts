/**
 * A lean gRPC server on `node:http2`: the one module of the host that knows the transport.
 *
 * It serves unary calls (one length-prefixed message in, one out, status in `grpc-status` /
 * `grpc-message` trailers) and streams that are only held open (go-plugin's stdio and broker
 * streams). That is all Terraform's plugin protocol needs, and it loads nothing but `node:http2`.
 *
 * Listening and serving are two steps: {@link listenSocket} binds the socket (all go-plugin needs
 * before it can be told where to connect) and holds connections that arrive; {@link serveGrpc}
 * then loads `node:http2` and TLS (~10 ms) and serves them. A plugin announces itself in between,
 * so that loading overlaps with Terraform's own work instead of delaying the announcement.
 */
import type * as http2 from "node:http2";
import { createRequire } from "node:module";
import { createServer, type Server, type Socket } from "node:net";

/** gRPC status codes used by this server. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

/** An error that becomes a gRPC status (instead of UNKNOWN) when a handler throws it. */
export class GrpcStatusError extends Error {
  /** Creates an error answered with status `code` and `message`. */
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "GrpcStatusError";
  }
}

/**
 * Handles one unary call. `signal` aborts when the client cancels the call or goes away.
 * The resolved bytes are the response message; a rejection becomes an error status.
 */
export type UnaryHandler = (request: Uint8Array, signal: AbortSignal) => Promise<Uint8Array>;

/** Mutual TLS material: our key and certificate, and the one client certificate we accept. */
export interface ServerTls {
  /** PEM private key. */
  readonly key: string;
  /** PEM certificate presented to the client. */
  readonly cert: string;
  /** PEM certificate the client must present (and which alone is trusted to sign it). */
  readonly clientCert: string;
}

/** What to serve and where. */
export interface GrpcServerOptions extends ServeOptions {
  /** Unix socket path to listen on. */
  readonly socketPath: string;
}

/** What to serve on a listening socket. */
export interface ServeOptions {
  /** Mutual TLS settings; without them the server speaks cleartext HTTP/2 (h2c). */
  readonly tls?: ServerTls;
  /** Unary methods by full path, e.g. `/tfplugin6.Provider/GetProviderSchema`. */
  readonly unary: ReadonlyMap<string, UnaryHandler>;
  /** Streaming methods answered with headers and then held open until the client ends them. */
  readonly heldStreams: ReadonlySet<string>;
  /** Called with any error the transport cannot answer on a call (for logging). */
  readonly onError?: (error: Error) => void;
  /** Called once a unary call's response has been fully sent (or the call ended otherwise). */
  readonly afterCall?: (path: string) => void;
}

/** A listening server. */
export interface GrpcServer {
  /**
   * Ends held streams with an OK status, stops listening and closes every connection; resolves
   * once the peer has been told (or after a short grace period).
   */
  close(): Promise<void>;
}

/** A bound socket whose connections wait, unread, until {@link serveGrpc} serves them. */
export interface SocketListener {
  readonly server: Server;
  /** Hands every waiting and later connection to `accept`. */
  acceptWith(accept: (socket: Socket) => void): void;
}

/** Binds `socketPath`; resolves once it accepts connections. */
export function listenSocket(socketPath: string): Promise<SocketListener> {
  const waiting: Socket[] = [];
  let accept: ((socket: Socket) => void) | undefined;
  // Paused, so that no byte (a TLS hello) is read before the server that understands it exists.
  const server = createServer({ pauseOnConnect: true }, (socket) =>
    accept ? accept(socket) : waiting.push(socket),
  );
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve({
        server,
        acceptWith(handler) {
          accept = handler;
          for (const socket of waiting.splice(0)) handler(socket);
        },
      });
    });
  });
}

/** Starts a gRPC server listening on `options.socketPath`; resolves once it accepts connections. */
export async function listenGrpc(options: GrpcServerOptions): Promise<GrpcServer> {
  return serveGrpc(await listenSocket(options.socketPath), options);
}

/** Serves gRPC on the connections of `listener`, loading `node:http2` (and TLS) now. */
export function serveGrpc(listener: SocketListener, options: ServeOptions): GrpcServer {
  // `require`, which works however the host is run, a vm.Script without an import() loader
  // included.
  const load = createRequire(import.meta.url);
  const { createSecureServer, createServer: createPlainServer } = load(
    "node:http2",
  ) as typeof http2;
  const server = options.tls
    ? createSecureServer({
        key: options.tls.key,
        cert: options.tls.cert,
        ca: [options.tls.clientCert],
        requestCert: true,
        rejectUnauthorized: true,
        ALPNProtocols: ["h2"],
        minVersion: "TLSv1.2",
      })
    : createPlainServer();
  const sessions = new Set<http2.ServerHttp2Session>();
  const held = new Set<http2.ServerHttp2Stream>();
  server.on("session", (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", (error) => options.onError?.(error));
  });
  server.on("stream", (stream, headers) => {
    stream.on("error", (error) => options.onError?.(error));
    const path = String(headers[":path"] ?? "");
    if (options.heldStreams.has(path)) return holdOpen(stream, held);
    const handler = options.unary.get(path);
    if (!handler) return fail(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
    stream.once("close", () => options.afterCall?.(path));
    void serveUnary(stream, handler);
  });
  listener.acceptWith((socket) => {
    server.emit("connection", socket);
    socket.resume();
  });
  return {
    async close() {
      const ended = [...held].map(
        (stream) => new Promise<void>((done) => (stream.once("close", done), stream.end())),
      );
      await Promise.race([Promise.all(ended), new Promise((r) => setTimeout(r, 200))]);
      for (const session of sessions) session.close();
      listener.server.close();
    },
  };
}

function holdOpen(stream: http2.ServerHttp2Stream, held: Set<http2.ServerHttp2Stream>): void {
  held.add(stream);
  stream.once("close", () => held.delete(stream));
  // Ending the stream (when the client ends its side, or at shutdown) sends an OK status, so the
  // client sees a clean end rather than "closed without sending trailers".
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
  stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(GrpcStatus.OK) }));
  stream.on("data", () => undefined); // incoming messages (broker, stdio) are not needed
  stream.on("end", () => stream.end());
}

async function serveUnary(stream: http2.ServerHttp2Stream, handler: UnaryHandler) {
  const cancelled = new AbortController();
  stream.on("close", () => {
    if (!stream.writableFinished) cancelled.abort();
  });
  let request: Uint8Array;
  try {
    request = unframe(await readAll(stream));
  } catch (error) {
    return fail(stream, GrpcStatus.INVALID_ARGUMENT, (error as Error).message);
  }
  let response: Uint8Array;
  try {
    response = await handler(request, cancelled.signal);
  } catch (error) {
    const code = error instanceof GrpcStatusError ? error.code : GrpcStatus.UNKNOWN;
    return fail(stream, code, error instanceof Error ? error.message : String(error));
  }
  if (stream.closed || stream.destroyed) return;
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
  stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(GrpcStatus.OK) }));
  stream.end(frame(response));
}

/** Answers a call with an error status and no message ("trailers-only" response). */
function fail(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.closed || stream.destroyed || stream.headersSent) return;
  stream.respond(
    {
      ":status": 200,
      "content-type": "application/grpc",
      "grpc-status": String(code),
      "grpc-message": encodeURIComponent(message),
    },
    { endStream: true },
  );
}

function readAll(stream: http2.ServerHttp2Stream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("end", () => resolve(Buffer.concat(chunks)));
    stream.once("error", reject);
  });
}

/** Prefixes a message with gRPC's 5-byte header: uncompressed flag and big-endian length. */
export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out.writeUInt8(0, 0);
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
}

/** Extracts the single message of a unary request body. */
export function unframe(body: Uint8Array): Uint8Array {
  if (body.length < 5) throw new Error("request body shorter than a gRPC message header");
  if (body[0] !== 0) throw new Error("compressed gRPC messages are not supported");
  const length = Buffer.from(body.buffer, body.byteOffset, body.byteLength).readUInt32BE(1);
  if (body.length !== 5 + length) throw new Error("request body is not exactly one gRPC message");
  return body.subarray(5, 5 + length);
}
