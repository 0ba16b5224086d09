import {
  checkStartEnvironment,
  handshakeLine,
  MAGIC_COOKIE_VALUE,
} from "../../../src/plugin/go-plugin/handshake.js";

const cookie = { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE };

describe("go-plugin handshake", () => {
  it("announces protocol 6 on a unix socket with the certificate in unpadded base64", () => {
    const line = handshakeLine("/tmp/x/plugin.sock", Uint8Array.from([1, 2, 3, 4]));
    expect(line).toBe("1|6|unix|/tmp/x/plugin.sock|grpc|AQIDBA");
    expect(line).not.toMatch(/=/);
  });

  it("leaves the certificate field empty without TLS", () => {
    expect(handshakeLine("/s")).toBe("1|6|unix|/s|grpc|");
  });

  it("refuses to start without Terraform's magic cookie, saying what the program is", () => {
    const check = checkStartEnvironment({}, "terraform-provider-x");
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/terraform-provider-x is a Terraform plugin/);
  });

  it("accepts protocol 6 in any position of the offered list", () => {
    for (const versions of ["5,6", "6,5", "6"]) {
      const check = checkStartEnvironment(
        { ...cookie, PLUGIN_PROTOCOL_VERSIONS: versions, PLUGIN_CLIENT_CERT: "pem" },
        "p",
      );
      expect(check).toEqual({ ok: true, tls: true, clientCert: "pem" });
    }
  });

  it("refuses when Terraform offers only other protocol versions", () => {
    expect(checkStartEnvironment({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "4,5" }, "p").ok).toBe(
      false,
    );
  });

  it("serves cleartext when TF_DISABLE_PLUGIN_TLS is set", () => {
    expect(checkStartEnvironment({ ...cookie, TF_DISABLE_PLUGIN_TLS: "1" }, "p")).toEqual({
      ok: true,
      tls: false,
    });
  });
});
