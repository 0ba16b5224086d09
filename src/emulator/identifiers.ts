/**
 * Amazon-shaped identifiers and credentials: access tokens (`Atza|…`), refresh tokens (`Atzr|…`),
 * authorization codes, request ids and profile ids. Randomness comes through a seam so tests can
 * make it deterministic.
 */
import { randomBytes as cryptoRandomBytes } from "node:crypto";

/** A source of random bytes (default: `node:crypto`). */
export type RandomBytes = (size: number) => Uint8Array;

/** The default source of random bytes. */
export const secureRandomBytes: RandomBytes = (size) => cryptoRandomBytes(size);

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function pick(random: RandomBytes, alphabet: string, length: number): string {
  // 256 is not a multiple of every alphabet size; the slight bias does not matter for test data.
  return Array.from(random(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** Creates Amazon-shaped identifiers from one source of randomness. */
export class Identifiers {
  constructor(private readonly random: RandomBytes = secureRandomBytes) {}

  /** An LwA access token; real ones are a few hundred characters and at most 2048 bytes. */
  accessToken(): string {
    return `Atza|IwEB${Buffer.from(this.random(240)).toString("base64url")}`;
  }

  /** An LwA refresh token. */
  refreshToken(): string {
    return `Atzr|IwEB${Buffer.from(this.random(240)).toString("base64url")}`;
  }

  /** An authorization code as LwA puts it in the redirect (20 letters). */
  authorizationCode(): string {
    return `AN${pick(this.random, LETTERS, 18)}`;
  }

  /** A request id in the style of Amazon's `x-amzn-RequestId` (20 upper-case characters). */
  requestId(): string {
    return pick(this.random, UPPER_ALNUM, 20);
  }

  /** An opaque id for a pending consent page. */
  consentId(): string {
    return Buffer.from(this.random(18)).toString("base64url");
  }

  /** An opaque `nextToken` of a paged listing. */
  pageToken(): string {
    return Buffer.from(this.random(24)).toString("base64url");
  }

  /** An `ENTITY…` advertiser account id, as test accounts and vendors get. */
  entityId(): string {
    return `ENTITY${pick(this.random, UPPER_ALNUM, 14)}`;
  }

  /** A 17-digit profile id: always above 2^53, so clients that parse it as a double round it. */
  profileId(): string {
    return `${1 + (this.random(1)[0]! % 9)}${pick(this.random, "0123456789", 16)}`;
  }
}
