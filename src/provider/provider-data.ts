/**
 * What `configure` hands every handler of the amazonads provider: the resolved settings, the
 * process's Amazon Ads clients, the side-effect seams, the ephemeral access tokens opened in this
 * process, and its Ads account listings.
 */
import { randomBytes } from "node:crypto";
import type { Diagnostics } from "../plugin/index.js";
import type { AdsAccountListings } from "./ads-account-listings.js";
import type { AccessTokenHandles } from "./ephemeral-access-token/handles.js";
import type { RegionClients } from "./clients.js";
import type { ProviderSettings } from "./settings.js";

/** Clock, randomness and environment, replaceable in unit tests. */
export interface ProviderSeams {
  /** Current time in epoch milliseconds. */
  readonly now: () => number;
  /** Random bytes (salts, consent `state`, ephemeral handles). */
  readonly randomBytes: (size: number) => Uint8Array;
  /** The provider process's environment (import ids `env:NAME`, test-account deadlines). */
  readonly env: NodeJS.ProcessEnv;
}

/** The real clock, `node:crypto` randomness and `process.env`. */
export const REAL_PROVIDER_SEAMS: ProviderSeams = {
  now: () => Date.now(),
  randomBytes: (size) => randomBytes(size),
  env: process.env,
};

/** The provider data every amazonads handler receives. */
export interface ProviderData {
  /** The provider block resolved with environment variables and defaults. */
  readonly settings: ProviderSettings;
  /** Clients by region, sharing one access-token cache. */
  readonly clients: RegionClients;
  /** Clock, randomness, environment. */
  readonly seams: ProviderSeams;
  /** Access tokens handed out by the ephemeral resource, by opaque handle. */
  readonly accessTokens: AccessTokenHandles;
  /** Ads account listings, one per grant and region per process. */
  readonly adsAccounts: AdsAccountListings;
}

/**
 * The provider data, or an error diagnostic when Terraform did not configure the provider first
 * (it always does before plan and apply; this guards against a framework misuse).
 */
export function configured(
  data: ProviderData | undefined,
  diagnostics: Diagnostics,
): ProviderData | undefined {
  if (!data) {
    diagnostics.error(
      "The amazonads provider is not configured",
      "Terraform called the provider before configuring it. This is a bug; please report it with " +
        "the Terraform command you ran.",
    );
  }
  return data;
}
