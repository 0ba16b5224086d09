/**
 * Serving a provider the way go-plugin expects: check that Terraform started us, listen on a unix
 * socket in a private directory with mutual TLS, print the handshake line, and exit promptly when
 * Terraform says so.
 */
import { mkdtempSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServerCertificate } from "./go-plugin/certificate.js";
import { checkStartEnvironment, handshakeLine } from "./go-plugin/handshake.js";
import { createLogger, logLevelFromEnv, type Logger } from "./logging.js";
import type { Provider } from "./provider.js";
import type { Schema } from "./schema/schema.js";
import {
  GRPCBrokerDefinition,
  GRPCControllerDefinition,
  GRPCStdioDefinition,
} from "./proto/gen/go-plugin.js";
import { createProviderService } from "./rpc/provider-service.js";
import { listenSocket, serveGrpc } from "./transport/grpc-server.js";

const SHUTDOWN = `/${GRPCControllerDefinition.fullName}/${GRPCControllerDefinition.methods.shutdown.name}`;
/** go-plugin streams that only need to stay open: stdout/stderr forwarding and the connection broker. */
const HELD_STREAMS = new Set([
  `/${GRPCStdioDefinition.fullName}/${GRPCStdioDefinition.methods.streamStdio.name}`,
  `/${GRPCBrokerDefinition.fullName}/${GRPCBrokerDefinition.methods.startStream.name}`,
]);

/** Seams for tests and tools; by default the real process is used. */
export interface ServeOptions {
  /** Environment to read (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives the handshake line (default: stdout). */
  readonly writeHandshake?: (line: string) => void;
  /** Receives user-facing start-up errors (default: stderr). */
  readonly writeError?: (text: string) => void;
  /** Ends the process (default `process.exit`). */
  readonly exit?: (code: number) => void;
  /** Overrides the logger (default: hclog JSON on stderr at TF_LOG_PROVIDER / TF_LOG level). */
  readonly log?: Logger;
}

/**
 * Serves `provider` over Terraform's plugin protocol 6 until Terraform shuts it down.
 * Resolves once the handshake line is written and the server is ready (the process then lives
 * on serving RPCs).
 */
export async function serve<S extends Schema, D>(
  provider: Provider<S, D>,
  options: ServeOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const start = checkStartEnvironment(env, `terraform-provider-${provider.typeName}`);
  if (!start.ok) {
    (options.writeError ?? ((text) => process.stderr.write(text)))(`${start.message}\n`);
    return exit(1);
  }
  const log =
    options.log ?? createLogger({ level: logLevelFromEnv(env), module: provider.typeName });
  const directory = mkdtempSync(join(tmpdir(), "tf-provider-"));
  const removeDirectory = () => rmSync(directory, { recursive: true, force: true });
  process.on("exit", removeDirectory);
  // Ctrl-C reaches the whole process group; Terraform answers it with StopProvider instead.
  process.on("SIGINT", () => log.debug("ignoring SIGINT; Terraform sends StopProvider"));
  process.on("SIGTERM", () => exit(0));

  // Awaited, so that an asynchronous certificate maker can stand in for it (bench:plugin).
  const certificate = start.tls ? await createServerCertificate() : undefined;
  const socketPath = join(directory, "plugin.sock");
  const listener = await listenSocket(socketPath);
  // Announce as soon as the socket is bound: Terraform dials while the transport (node:http2,
  // TLS) and the provider's service are made, and connections wait unread until then.
  const line = handshakeLine(socketPath, certificate?.der);
  (options.writeHandshake ?? writeStdout)(`${line}\n`);

  const service = createProviderService(provider, log);
  const unary = new Map(service.methods);
  unary.set(SHUTDOWN, async () => new Uint8Array());
  const server = serveGrpc(listener, {
    ...(certificate && start.ok && start.tls
      ? {
          tls: {
            key: certificate.keyPem,
            cert: certificate.pem,
            clientCert: start.clientCert ?? "",
          },
        }
      : {}),
    unary,
    heldStreams: HELD_STREAMS,
    onError: (error) => log.debug("transport error", { error: error.message }),
    afterCall: (path) => {
      if (path !== SHUTDOWN) return;
      log.debug("shutting down at Terraform's request");
      void server.close().then(() => {
        removeDirectory();
        exit(0);
      });
    },
  });
  // Which Node.js serves: the shim takes the first `node` on PATH, which users rarely think of.
  log.debug("plugin started", { socket: socketPath, tls: start.tls, node: process.version });
}

// Straight to the file descriptor: making `process.stdout` (a stream over the pipe) costs a few
// milliseconds of every start, for one line.
function writeStdout(text: string): void {
  try {
    writeSync(1, text);
  } catch {
    process.stdout.write(text);
  }
}
