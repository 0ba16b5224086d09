// The environment Terraform gives a provider process, for benchmarks that start one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Terraform's go-plugin magic cookie for providers. */
export const MAGIC_COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/** A provider environment and how its TLS part was made. */
export interface PluginEnvironment {
  readonly env: NodeJS.ProcessEnv;
  /** Human-readable: where PLUGIN_CLIENT_CERT came from, or that TLS is disabled. */
  readonly tls: string;
  /** The client certificate and its key (PEM), to connect as Terraform does; absent without TLS. */
  readonly client?: { readonly cert: string; readonly key: string };
}

/**
 * Builds Terraform's provider environment. PLUGIN_CLIENT_CERT is a fresh self-signed ECDSA P-521
 * certificate for `localhost`, like Terraform's, made with `openssl` (Node's crypto cannot make
 * X.509). Without openssl the benchmark runs with TF_DISABLE_PLUGIN_TLS=1 instead, and says so.
 */
export function pluginEnvironment(): PluginEnvironment {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: "6",
  };
  const client = selfSignedClientCert();
  if (client === undefined) {
    return {
      env: { ...base, TF_DISABLE_PLUGIN_TLS: "1" },
      tls: "TLS disabled (TF_DISABLE_PLUGIN_TLS=1): openssl not found",
    };
  }
  delete base.TF_DISABLE_PLUGIN_TLS;
  return {
    env: { ...base, PLUGIN_CLIENT_CERT: client.cert },
    tls: "PLUGIN_CLIENT_CERT: ECDSA P-521 from openssl",
    client,
  };
}

function selfSignedClientCert(): { cert: string; key: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "bench-cert-"));
  try {
    const result = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-521",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
      ],
      { stdio: "ignore" },
    );
    return result.status === 0
      ? {
          cert: readFileSync(join(dir, "cert.pem"), "utf8"),
          key: readFileSync(join(dir, "key.pem"), "utf8"),
        }
      : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
