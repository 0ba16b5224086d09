/**
 * The `AMAZON_ADS_*` variables that point the provider and the CLI at a running emulator. The
 * emulator serves each region under a path prefix (`/na`, `/eu`, `/fe`), which the `{region}`
 * placeholder of those variables expands to, so one set of variables covers every region.
 */
import type { Emulator } from "./emulator.js";

/** The three endpoint variables, each with a `{region}` placeholder. */
export interface EmulatorEndpointVariables {
  readonly AMAZON_ADS_AUTHORIZATION_URL: string;
  readonly AMAZON_ADS_TOKEN_URL: string;
  readonly AMAZON_ADS_API_URL: string;
}

/** The endpoint variables and the emulator's first app's credentials. */
export interface EmulatorVariables extends EmulatorEndpointVariables {
  readonly AMAZON_ADS_CLIENT_ID: string;
  readonly AMAZON_ADS_CLIENT_SECRET: string;
}

/** Endpoint variables only: for callers that pass the client's credentials another way. */
export function emulatorEndpointVariables(
  emulator: Pick<Emulator, "url">,
): EmulatorEndpointVariables {
  const base = `${emulator.url}/{region}`;
  return {
    AMAZON_ADS_AUTHORIZATION_URL: `${base}/ap/oa`,
    AMAZON_ADS_TOKEN_URL: `${base}/auth/o2/token`,
    AMAZON_ADS_API_URL: base,
  };
}

/** Endpoint variables plus the demo app's client id and secret. */
export function emulatorVariables(
  emulator: Pick<Emulator, "url" | "clientId" | "clientSecret">,
): EmulatorVariables {
  return {
    AMAZON_ADS_CLIENT_ID: emulator.clientId,
    AMAZON_ADS_CLIENT_SECRET: emulator.clientSecret,
    ...emulatorEndpointVariables(emulator),
  };
}
