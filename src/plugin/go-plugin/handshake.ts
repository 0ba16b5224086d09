/**
 * go-plugin's start-up contract, as pure functions: is this process being run by Terraform, which
 * protocol does it speak, and the one line it prints on stdout to say where to connect.
 */

/** The cookie Terraform puts in every plugin's environment. */
export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
/** Its value. */
export const MAGIC_COOKIE_VALUE =
  "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
/** go-plugin's own protocol version (the first field of the handshake line). */
export const CORE_PROTOCOL_VERSION = 1;
/** The Terraform plugin protocol this host speaks. */
export const APP_PROTOCOL_VERSION = 6;

/** The outcome of checking the environment: go on, or stop with a message for stderr. */
export type StartCheck =
  | { readonly ok: true; readonly tls: boolean; readonly clientCert?: string }
  | { readonly ok: false; readonly message: string };

/** Decides from the environment whether and how to start (TLS unless `TF_DISABLE_PLUGIN_TLS`). */
export function checkStartEnvironment(env: NodeJS.ProcessEnv, programName: string): StartCheck {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return {
      ok: false,
      message:
        `${programName} is a Terraform plugin: Terraform starts it when it needs the provider.\n` +
        "It is not meant to be run directly. Use it from a Terraform configuration instead.",
    };
  }
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(APP_PROTOCOL_VERSION)).split(",");
  if (!offered.map((v) => v.trim()).includes(String(APP_PROTOCOL_VERSION))) {
    return {
      ok: false,
      message:
        `${programName} speaks Terraform plugin protocol ${APP_PROTOCOL_VERSION}, but this ` +
        `Terraform offers only ${env.PLUGIN_PROTOCOL_VERSIONS}. Use Terraform 1.0 or newer.`,
    };
  }
  if (env.TF_DISABLE_PLUGIN_TLS) return { ok: true, tls: false };
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (!clientCert) {
    return {
      ok: false,
      message: `${programName}: Terraform sent no PLUGIN_CLIENT_CERT, so mutual TLS cannot start.`,
    };
  }
  return { ok: true, tls: true, clientCert };
}

/**
 * The handshake line: `1|6|unix|<path>|grpc|<certificate>` where the certificate is DER in base64
 * WITHOUT `=` padding (Terraform rejects padding) and empty without TLS.
 */
export function handshakeLine(socketPath: string, certificateDer?: Uint8Array): string {
  const cert = certificateDer
    ? Buffer.from(certificateDer).toString("base64").replace(/=+$/, "")
    : "";
  return [CORE_PROTOCOL_VERSION, APP_PROTOCOL_VERSION, "unix", socketPath, "grpc", cert].join("|");
}
