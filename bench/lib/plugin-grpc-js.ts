// bench:plugin's stand-in for src/plugin/transport/grpc-server.ts: the same serveGrpc on
// @grpc/grpc-js. Connections still arrive through the host's listenSocket (bound before the
// handshake) and are handed to a grpc-js connection injector; unary methods and held streams are
// registered by path with byte-for-byte (de)serializers, so the host's generated codecs still
// encode and decode.
import * as grpc from "@grpc/grpc-js";
import type {
  GrpcServer,
  ServeOptions,
  SocketListener,
} from "../../src/plugin/transport/grpc-server.js";

export { listenSocket } from "../../src/plugin/transport/grpc-server.js";

const bytes = (data: Buffer) => data;

/** Serves `options` on the connections of `listener` with @grpc/grpc-js. */
export function serveGrpc(listener: SocketListener, options: ServeOptions): GrpcServer {
  const server = new grpc.Server();
  const held = new Set<{ end(): void }>();
  for (const [path, handler] of options.unary) {
    const unary: grpc.handleUnaryCall<Buffer, Buffer> = (call, callback) => {
      const cancelled = new AbortController();
      call.on("cancelled", () => cancelled.abort());
      handler(call.request, cancelled.signal).then(
        (response) => {
          callback(null, Buffer.from(response.buffer, response.byteOffset, response.byteLength));
          setImmediate(() => options.afterCall?.(path));
        },
        (error: Error & { code?: number }) => {
          callback({ code: error.code ?? grpc.status.UNKNOWN, details: error.message });
          setImmediate(() => options.afterCall?.(path));
        },
      );
    };
    server.register(path, unary, bytes, bytes, "unary");
  }
  for (const path of options.heldStreams) {
    // go-plugin's stdio stream is server-streaming and its broker bidirectional; both stay open.
    const stream = (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
      held.add(call);
      call.on("error", (error) => options.onError?.(error));
      call.on("data", () => undefined);
      call.on("end", () => call.end());
      call.on("close", () => held.delete(call));
    };
    server.register(
      path,
      stream,
      bytes,
      bytes,
      path.endsWith("StreamStdio") ? "serverStream" : "bidi",
    );
  }
  const credentials = options.tls
    ? grpc.ServerCredentials.createSsl(
        Buffer.from(options.tls.clientCert),
        [{ private_key: Buffer.from(options.tls.key), cert_chain: Buffer.from(options.tls.cert) }],
        true,
      )
    : grpc.ServerCredentials.createInsecure();
  const injector = server.createConnectionInjector(credentials);
  listener.acceptWith((socket) => {
    injector.injectConnection(socket);
    socket.resume();
  });
  return {
    async close() {
      for (const call of held) call.end();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Graceful: the peer is told (GOAWAY) and the process exits right after.
      injector.drain(1000);
      listener.server.close();
    },
  };
}
