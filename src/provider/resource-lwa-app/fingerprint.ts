/**
 * The client secret's fingerprint kept in state instead of the secret: `sha256:<salt>:<digest>`,
 * the digest being SHA-256 over the salt's bytes followed by the secret. The random salt stops a
 * reader of the state from testing guesses against a table made in advance; keeping it in the
 * fingerprint lets a plan tell whether the configured secret is still the verified one.
 */
import { createHash, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256";
const SALT_BYTES = 16;

/** The fingerprint of `secret` with `salt`. */
export function fingerprintWithSalt(secret: string, salt: Uint8Array): string {
  const digest = createHash("sha256").update(salt).update(secret, "utf8").digest("hex");
  return `${PREFIX}:${Buffer.from(salt).toString("base64url")}:${digest}`;
}

/** A fingerprint of `secret` with a fresh random salt. */
export function newFingerprint(secret: string, randomBytes: (size: number) => Uint8Array): string {
  return fingerprintWithSalt(secret, randomBytes(SALT_BYTES));
}

/**
 * True when `secret` is the secret `fingerprint` was made from (same salt); false for another
 * secret or a fingerprint that is missing or not in this format.
 */
export function fingerprintMatches(secret: string, fingerprint: string | null): boolean {
  const parts = fingerprint?.split(":");
  if (parts?.length !== 3 || parts[0] !== PREFIX || !parts[1]) return false;
  const expected = Buffer.from(fingerprintWithSalt(secret, Buffer.from(parts[1], "base64url")));
  const stored = Buffer.from(fingerprint ?? "");
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}
