/**
 * Judges each request that reaches the redirect URI. Only a request carrying this login's `state`
 * may end the login (with a code or Amazon's refusal); anything else is refused and the login
 * keeps waiting, so a forged request from another page or process cannot cut it short. The first
 * genuine callback closes the gate: replays are refused.
 */
import { timingSafeEqual } from "node:crypto";
import { parseConsentRedirect, type ConsentGrant } from "../../amazon-ads/consent.js";
import { AmazonAdsError } from "../../amazon-ads/errors.js";

/** What to do with one callback request. */
export type CallbackVerdict =
  /** Not from this login (no `state`, or another one): refuse it and keep waiting. */
  | { readonly kind: "forged"; readonly reason: "missing state" | "wrong state" }
  /** The login already took its callback: refuse the replay. */
  | { readonly kind: "finished" }
  /** The genuine callback, carrying an authorization code to redeem at once. */
  | { readonly kind: "code"; readonly grant: ConsentGrant }
  /** The genuine callback, carrying Amazon's refusal or nothing usable: the login fails. */
  | { readonly kind: "failed"; readonly error: AmazonAdsError };

function sameState(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  // Constant-time, so the response time reveals nothing about how much of a guess was right.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One login's callback gate: opens for its own `state`, once. */
export class CallbackGate {
  #open = true;

  /** @param expectedState - the `state` the consent URL carried (a fresh random value per login) */
  constructor(private readonly expectedState: string) {}

  /** True once a genuine callback went through; later ones are replays. */
  get closed(): boolean {
    return !this.#open;
  }

  /** Judges a callback URL and, for a genuine one, closes the gate. */
  inspect(callback: URL): CallbackVerdict {
    if (!this.#open) return { kind: "finished" };
    const state = callback.searchParams.get("state");
    if (state === null || state === "") return { kind: "forged", reason: "missing state" };
    if (!sameState(state, this.expectedState)) return { kind: "forged", reason: "wrong state" };
    this.#open = false;
    try {
      return { kind: "code", grant: parseConsentRedirect(callback, this.expectedState) };
    } catch (error) {
      if (error instanceof AmazonAdsError) return { kind: "failed", error };
      throw error;
    }
  }
}
