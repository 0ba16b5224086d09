import { X509Certificate, createPrivateKey } from "node:crypto";
import { createServerCertificate } from "../../../src/plugin/go-plugin/certificate.js";
import * as der from "../../../src/plugin/go-plugin/der.js";

describe("AutoMTLS server certificate", () => {
  const certificate = createServerCertificate({ now: new Date("2030-06-01T00:00:00Z") });
  const x509 = new X509Certificate(certificate.der);

  it("is a self-signed CA certificate for localhost", () => {
    expect(x509.subjectAltName).toBe("DNS:localhost");
    expect(x509.ca).toBe(true);
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(x509.subject).toContain("CN=localhost");
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkIssued(x509)).toBe(true);
  });

  it("uses an ECDSA P-256 key matching the private key", () => {
    expect(x509.publicKey.asymmetricKeyType).toBe("ec");
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(x509.checkPrivateKey(createPrivateKey(certificate.keyPem))).toBe(true);
  });

  it("allows server and client authentication", () => {
    expect(x509.keyUsage).toEqual(
      expect.arrayContaining(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]),
    );
  });

  it("is valid from just before issue for a year", () => {
    expect(new Date(x509.validFrom).toISOString()).toBe("2030-05-31T23:59:00.000Z");
    expect(new Date(x509.validTo).toISOString()).toBe("2031-06-01T00:00:00.000Z");
  });

  it("has the same certificate in PEM and DER", () => {
    expect(new X509Certificate(certificate.pem).fingerprint256).toBe(x509.fingerprint256);
  });
});

describe("DER encoding", () => {
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

  it("encodes object identifiers with multi-byte arcs", () => {
    expect(hex(der.oid("1.2.840.10045.4.3.2"))).toBe("06082a8648ce3d040302");
  });

  it("keeps integers positive", () => {
    expect(hex(der.integer(Uint8Array.from([0x80])))).toBe("02020080");
    expect(hex(der.integer(Uint8Array.from([0, 0, 5])))).toBe("020105");
  });

  it("uses the long length form past 127 bytes", () => {
    expect(hex(der.octetString(new Uint8Array(200))).slice(0, 6)).toBe("0481c8");
  });

  it("switches to GeneralizedTime from 2050", () => {
    expect(hex(der.time(new Date("2049-12-31T23:59:59Z"))).slice(0, 2)).toBe("17");
    expect(hex(der.time(new Date("2050-01-01T00:00:00Z"))).slice(0, 2)).toBe("18");
  });
});
