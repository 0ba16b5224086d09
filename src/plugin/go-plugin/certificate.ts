/**
 * The server certificate for go-plugin's AutoMTLS: a fresh ECDSA P-256 key and a self-signed
 * X.509 certificate for `localhost`, made per process in a few milliseconds.
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import * as der from "./der.js";

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
} as const;

/** A key pair and the certificate that binds it to `localhost`. */
export interface ServerCertificate {
  /** The certificate in DER (what the handshake line announces). */
  readonly der: Buffer;
  /** The certificate in PEM (what TLS is configured with). */
  readonly pem: string;
  /** The private key in PEM (PKCS#8). */
  readonly keyPem: string;
}

/** Options for {@link createServerCertificate}; `now` is a seam for tests. */
export interface CertificateOptions {
  /** The moment the certificate is issued (default: now). */
  readonly now?: Date;
  /** How long it stays valid, in days (default 365). */
  readonly validDays?: number;
}

/**
 * Creates a self-signed certificate with SAN `DNS:localhost`, CA:TRUE, key usage digital
 * signature + certificate signing, and extended key usage serverAuth + clientAuth — what
 * Terraform's go-plugin client accepts as the one trusted server certificate.
 */
export function createServerCertificate(options: CertificateOptions = {}): ServerCertificate {
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const name = der.sequence(
    der.set(der.sequence(der.oid(OID.organization), der.utf8String("Terraform plugin"))),
    der.set(der.sequence(der.oid(OID.commonName), der.utf8String("localhost"))),
  );
  const signatureAlgorithm = der.sequence(der.oid(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01; // positive and non-zero
  const notBefore = new Date(now.getTime() - 60_000); // tolerate small clock differences
  const notAfter = new Date(now.getTime() + (options.validDays ?? 365) * 86_400_000);
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)), // v3
    der.integer(serial),
    signatureAlgorithm,
    name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    der.explicit(
      3,
      der.sequence(
        extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
        // digitalSignature (bit 0) + keyCertSign (bit 5): 1000 0100, two unused bits
        extension(OID.keyUsage, true, der.bitString(Buffer.from([0x84]), 2)),
        extension(
          OID.extKeyUsage,
          false,
          der.sequence(der.oid(OID.serverAuth), der.oid(OID.clientAuth)),
        ),
        extension(
          OID.subjectAltName,
          false,
          der.sequence(der.implicitPrimitive(2, Buffer.from("localhost"))),
        ),
      ),
    ),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = der.sequence(tbs, signatureAlgorithm, der.bitString(signature));
  return {
    der: certificate,
    pem: toPem("CERTIFICATE", certificate),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  };
}

function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return critical
    ? der.sequence(der.oid(id), der.boolean(true), der.octetString(value))
    : der.sequence(der.oid(id), der.octetString(value));
}

function toPem(label: string, bytes: Uint8Array): string {
  const lines =
    Buffer.from(bytes)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
