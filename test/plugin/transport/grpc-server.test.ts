import { mkdtempSync, rmSync } from "node:fs";
import * as http2 from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServerCertificate } from "../../../src/plugin/go-plugin/certificate.js";
import {
  frame,
  listenGrpc,
  listenSocket,
  serveGrpc,
  unframe,
  GrpcStatusError,
  type GrpcServer,
} from "../../../src/plugin/transport/grpc-server.js";

interface Answer {
  status: string | undefined;
  message: string | undefined;
  body: Uint8Array;
}

function callUnary(
  client: http2.ClientHttp2Session,
  path: string,
  message: Uint8Array,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = client.request({
      ":method": "POST",
      ":path": path,
      "content-type": "application/grpc",
      te: "trailers",
    });
    const chunks: Buffer[] = [];
    let trailers: http2.IncomingHttpHeaders = {};
    let headers: http2.IncomingHttpHeaders = {};
    stream.on("response", (h) => (headers = h));
    stream.on("trailers", (t) => (trailers = t));
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("error", reject);
    stream.on("end", () => {
      const all = { ...headers, ...trailers };
      const body = Buffer.concat(chunks);
      resolve({
        status: all["grpc-status"] as string | undefined,
        message: all["grpc-message"]
          ? decodeURIComponent(all["grpc-message"] as string)
          : undefined,
        body: body.length > 0 ? unframe(body) : body,
      });
    });
    stream.end(frame(message));
  });
}

describe("the gRPC server on node:http2", () => {
  let directory: string;
  let server: GrpcServer | undefined;
  const socketPath = () => join(directory, "s.sock");
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), "grpc-test-"))));
  afterEach(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const unary = new Map([
    ["/t.S/Echo", async (request: Uint8Array) => Uint8Array.from([...request].reverse())],
    [
      "/t.S/Fail",
      async () => {
        throw new GrpcStatusError(3, "bad: 100% wrong");
      },
    ],
  ]);

  it("answers unary calls in cleartext h2c with grpc-status 0 in trailers", async () => {
    server = await listenGrpc({ socketPath: socketPath(), unary, heldStreams: new Set() });
    const client = http2.connect("http://localhost", { path: socketPath() } as never);
    const answer = await callUnary(client, "/t.S/Echo", Uint8Array.from([1, 2, 3]));
    client.close();
    expect(answer).toEqual({ status: "0", message: undefined, body: Uint8Array.from([3, 2, 1]) });
  });

  it("answers errors and unknown methods with a gRPC status and message", async () => {
    server = await listenGrpc({ socketPath: socketPath(), unary, heldStreams: new Set() });
    const client = http2.connect("http://localhost", { path: socketPath() } as never);
    const failed = await callUnary(client, "/t.S/Fail", new Uint8Array());
    const missing = await callUnary(client, "/t.S/Nope", new Uint8Array());
    client.close();
    expect(failed).toMatchObject({ status: "3", message: "bad: 100% wrong" });
    expect(missing).toMatchObject({ status: "12" });
  });

  describe("with mutual TLS", () => {
    const serverCert = createServerCertificate();
    const clientCert = createServerCertificate();
    const strangerCert = createServerCertificate();
    const connect = (withCert: boolean | typeof clientCert) => {
      const presented = withCert === true ? clientCert : withCert || undefined;
      return http2.connect("https://localhost", {
        path: socketPath(),
        ca: serverCert.pem,
        servername: "localhost",
        ALPNProtocols: ["h2"],
        ...(presented ? { cert: presented.pem, key: presented.keyPem } : {}),
      } as never);
    };
    /** What became of one call: its gRPC status, or how the connection failed. */
    const outcomeOf = (client: http2.ClientHttp2Session) =>
      Promise.race([
        callUnary(client, "/t.S/Echo", Uint8Array.from([7])).then(
          (answer) => answer.status ?? "no status",
          (error: Error) => error.message,
        ),
        new Promise<string>((resolve) => client.on("error", (error) => resolve(error.message))),
        new Promise<string>((resolve) => client.on("close", () => resolve("closed"))),
      ]);

    it("serves a client presenting the expected certificate", async () => {
      server = await listenGrpc({
        socketPath: socketPath(),
        tls: { key: serverCert.keyPem, cert: serverCert.pem, clientCert: clientCert.pem },
        unary,
        heldStreams: new Set(),
      });
      const client = connect(true);
      const answer = await callUnary(client, "/t.S/Echo", Uint8Array.from([7]));
      client.close();
      expect(answer.status).toBe("0");
    });

    it("holds a connection made before the server is ready, and serves it once it is", async () => {
      const listener = await listenSocket(socketPath());
      const client = connect(true);
      const pending = callUnary(client, "/t.S/Echo", Uint8Array.from([4, 5]));
      // The client's TLS hello is already waiting on the socket when the server comes.
      await new Promise((resolve) => setTimeout(resolve, 50));
      server = serveGrpc(listener, {
        tls: { key: serverCert.keyPem, cert: serverCert.pem, clientCert: clientCert.pem },
        unary,
        heldStreams: new Set(),
      });
      const answer = await pending;
      client.close();
      expect(answer).toEqual({ status: "0", message: undefined, body: Uint8Array.from([5, 4]) });
    });

    it("refuses a client without a certificate", async () => {
      server = await listenGrpc({
        socketPath: socketPath(),
        tls: { key: serverCert.keyPem, cert: serverCert.pem, clientCert: clientCert.pem },
        unary,
        heldStreams: new Set(),
      });
      const client = connect(false);
      const outcome = await outcomeOf(client);
      expect(outcome).not.toBe("0");
      client.destroy();
    });

    it("refuses a client whose certificate is not the one Terraform announced", async () => {
      server = await listenGrpc({
        socketPath: socketPath(),
        tls: { key: serverCert.keyPem, cert: serverCert.pem, clientCert: clientCert.pem },
        unary,
        heldStreams: new Set(),
      });
      // Self-signed for localhost like Terraform's, but not the certificate it passed to us.
      const client = connect(strangerCert);
      const outcome = await outcomeOf(client);
      expect(outcome).not.toBe("0");
      client.destroy();
    });
  });

  it("holds streams open and ends them with an OK status at close", async () => {
    server = await listenGrpc({
      socketPath: socketPath(),
      unary,
      heldStreams: new Set(["/plugin.GRPCStdio/StreamStdio"]),
    });
    const client = http2.connect("http://localhost", { path: socketPath() } as never);
    const stream = client.request({
      ":method": "POST",
      ":path": "/plugin.GRPCStdio/StreamStdio",
      "content-type": "application/grpc",
    });
    stream.end(frame(new Uint8Array()));
    const status = new Promise<string | undefined>((resolve) =>
      stream.on("trailers", (t) => resolve(t["grpc-status"] as string | undefined)),
    );
    stream.resume();
    await new Promise((resolve) => stream.once("response", resolve));
    await server.close();
    server = undefined;
    expect(await status).toBe("0");
    client.close();
  });

  it("rejects a request body that is not exactly one message", () => {
    expect(() => unframe(Uint8Array.from([0, 0, 0, 0, 5, 1]))).toThrow(/exactly one/);
    expect(() => unframe(Uint8Array.from([1, 0, 0, 0, 0]))).toThrow(/compressed/);
  });
});
