import {
  fingerprintMatches,
  fingerprintWithSalt,
  newFingerprint,
} from "../../../src/provider/resource-lwa-app/fingerprint.js";

const bytes = (fill: number) => (size: number) => new Uint8Array(size).fill(fill);

describe("the client secret's fingerprint", () => {
  it("is sha256 of salt then secret, written with its salt", () => {
    const salt = new Uint8Array(16).fill(7);
    const fingerprint = fingerprintWithSalt("s3cret", salt);
    expect(fingerprint).toMatch(/^sha256:[A-Za-z0-9_-]{22}:[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain("s3cret");
    expect(fingerprint.split(":")[1]).toBe(Buffer.from(salt).toString("base64url"));
  });

  it("matches the same secret with the stored salt and no other", () => {
    const fingerprint = newFingerprint("s3cret", bytes(1));
    expect(fingerprintMatches("s3cret", fingerprint)).toBe(true);
    expect(fingerprintMatches("s3cret2", fingerprint)).toBe(false);
  });

  it("differs between salts for the same secret", () => {
    expect(newFingerprint("s3cret", bytes(1))).not.toBe(newFingerprint("s3cret", bytes(2)));
  });

  it("treats a missing or foreign fingerprint as not matching", () => {
    expect(fingerprintMatches("s3cret", null)).toBe(false);
    expect(fingerprintMatches("s3cret", "md5:abc:def")).toBe(false);
    expect(fingerprintMatches("s3cret", "sha256::")).toBe(false);
  });
});
