// One provider start as Terraform lives it: exec, the handshake line, a mutual-TLS HTTP/2
// connection to the announced socket, GetProviderSchema answered, then Shutdown and the exit.
// Start-up work moved behind the handshake still counts in the later figures.
import { spawn } from "node:child_process";
import * as http2 from "node:http2";
import { cpuTimeMs } from "./measure.js";

/** Milliseconds from exec to each moment, and the CPU time the process had used by then. */
export interface ProviderLife {
  readonly handshakeMs: number;
  readonly schemaMs: number;
  readonly exitMs: number;
  /** CPU time (all threads) at the handshake and once the schema is answered; NaN off Linux. */
  readonly handshakeCpuMs: number;
  readonly schemaCpuMs: number;
}

/** Starts `executable` with `env` (Terraform's) and talks to it with the client certificate. */
export async function liveOnce(
  executable: string,
  env: NodeJS.ProcessEnv,
  client: { readonly cert: string; readonly key: string },
): Promise<ProviderLife> {
  const started = performance.now();
  const child = spawn(executable, [], { env, stdio: ["ignore", "pipe", "ignore"] });
  const exited = new Promise<number>((resolve) =>
    child.on("exit", () => resolve(performance.now())),
  );
  const line = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.slice(0, text.indexOf("\n")));
    });
    child.on("error", reject);
    child.on("exit", () => reject(new Error(`the provider exited before its handshake: ${text}`)));
  });
  const handshakeMs = performance.now() - started;
  const handshakeCpuMs = cpuTimeMs(child.pid);
  const [, , network, address, , der = ""] = line.split("|");
  if (network !== "unix" || address === undefined) throw new Error(`unexpected handshake ${line}`);
  // go-plugin sends the certificate's DER in base64 without padding.
  const base64 = der + "=".repeat((4 - (der.length % 4)) % 4);
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join("\n")}\n-----END CERTIFICATE-----\n`;
  const session = http2.connect("https://localhost", {
    path: address,
    ca: pem,
    cert: client.cert,
    key: client.key,
    servername: "localhost",
    ALPNProtocols: ["h2"],
  } as http2.SecureClientSessionOptions);
  try {
    await call(session, "/tfplugin6.Provider/GetProviderSchema");
    const schemaMs = performance.now() - started;
    const schemaCpuMs = cpuTimeMs(child.pid);
    await call(session, "/plugin.GRPCController/Shutdown");
    const exitMs = (await exited) - started;
    return { handshakeMs, schemaMs, exitMs, handshakeCpuMs, schemaCpuMs };
  } finally {
    session.close();
    child.kill("SIGTERM");
  }
}

function call(session: http2.ClientHttp2Session, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ":method": "POST",
      ":path": path,
      "content-type": "application/grpc",
    });
    stream.on("data", () => undefined);
    stream.on("end", resolve);
    stream.on("error", reject);
    // An empty message: the 5-byte gRPC frame header alone.
    stream.end(Buffer.alloc(5));
  });
}
