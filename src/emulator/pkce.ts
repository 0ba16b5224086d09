/** PKCE (RFC 7636) as LwA checks it: `S256` or `plain`, `plain` when no method is given. */
import { createHash } from "node:crypto";

/** The two challenge methods LwA accepts. */
export type ChallengeMethod = "S256" | "plain";

/** True when `method` names a challenge method LwA accepts. */
export function isChallengeMethod(method: string): method is ChallengeMethod {
  return method === "S256" || method === "plain";
}

/** True when the verifier presented at the token endpoint answers the consent's challenge. */
export function verifierMatches(
  verifier: string,
  challenge: string,
  method: ChallengeMethod,
): boolean {
  const expected =
    method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return expected === challenge;
}
