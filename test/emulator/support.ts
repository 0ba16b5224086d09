/** Small HTTP helpers the emulator tests share: real requests to a real emulator on 127.0.0.1. */
import type { Emulator } from "../../src/emulator/index.js";

/** The query a well-behaved client sends to the consent page. */
export function consentQuery(
  emulator: Emulator,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const query: Record<string, string | undefined> = {
    client_id: emulator.clientId,
    scope: "advertising::campaign_management",
    response_type: "code",
    redirect_uri: emulator.redirectUri,
    state: "state-123",
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** GETs the consent page without following its redirect. */
export function openConsent(
  emulator: Emulator,
  overrides: Record<string, string | undefined> = {},
  authorizationUrl = emulator.authorizationUrl,
): Promise<Response> {
  const url = new URL(authorizationUrl);
  url.search = new URLSearchParams(consentQuery(emulator, overrides)).toString();
  return fetch(url, { redirect: "manual" });
}

/** The query parameters of a redirect's `Location`. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get("location");
  if (location === null) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location).searchParams;
}

/** A token-endpoint answer. */
export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

/** POSTs form fields to a token endpoint. */
export async function postToken(
  tokenUrl: string,
  fields: Record<string, string>,
): Promise<TokenAnswer> {
  const response = await fetch(tokenUrl, { method: "POST", body: new URLSearchParams(fields) });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Redeems a code with the demo credentials (plus any extra or overriding fields). */
export function redeem(
  emulator: Emulator,
  code: string,
  extra: Record<string, string> = {},
): Promise<TokenAnswer> {
  return postToken(emulator.tokenUrl, {
    grant_type: "authorization_code",
    code,
    redirect_uri: emulator.redirectUri,
    client_id: emulator.clientId,
    client_secret: emulator.clientSecret,
    ...extra,
  });
}

/** Refreshes with the demo credentials. */
export function refresh(
  emulator: Emulator,
  refreshToken: string,
  extra: Record<string, string> = {},
): Promise<TokenAnswer> {
  return postToken(emulator.tokenUrl, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: emulator.clientId,
    client_secret: emulator.clientSecret,
    ...extra,
  });
}

/** GETs an Ads API path with a bearer token and the demo client id header. */
export function callApi(
  emulator: Emulator,
  url: string,
  accessToken: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: {
      authorization: `Bearer ${accessToken}`,
      "amazon-advertising-api-clientid": emulator.clientId,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

/** Calls the admin API over HTTP and returns status and JSON. */
export async function adminCall(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Waits (by polling, without a deadline of its own) until `condition` holds. */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
