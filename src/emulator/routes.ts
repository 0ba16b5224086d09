/** Which handler answers which method and path (paths without the region prefix). */
import { listAdsAccounts } from "./ads-accounts.js";
import { answerConsent, showConsent } from "./consent.js";
import type { EmulatorEndpoint } from "./endpoints.js";
import type { EmulatorRequest, Reply } from "./exchange.js";
import { listManagerAccounts } from "./manager-accounts.js";
import { getProfile, listProfiles } from "./profiles.js";
import type { EmulatorState } from "./state.js";
import { createTestAccount, getTestAccounts } from "./test-accounts.js";
import { exchangeToken } from "./token-endpoint.js";

/** A request handler: a function of the request and the emulated Amazon. */
export type Handler = (request: EmulatorRequest, state: EmulatorState) => Reply;

/** A routed request: the endpoint it counts under and its handler. */
export interface Route {
  readonly endpoint: EmulatorEndpoint;
  readonly handle: Handler;
}

interface PathRoutes {
  readonly endpoint: EmulatorEndpoint;
  readonly matches: (path: string) => boolean;
  readonly methods: Readonly<Record<string, Handler>>;
}

const TABLE: readonly PathRoutes[] = [
  {
    endpoint: "consent",
    matches: (p) => p === "/ap/oa",
    methods: { GET: showConsent, POST: answerConsent },
  },
  { endpoint: "token", matches: (p) => p === "/auth/o2/token", methods: { POST: exchangeToken } },
  { endpoint: "profiles", matches: (p) => p === "/v2/profiles", methods: { GET: listProfiles } },
  {
    endpoint: "profile",
    matches: (p) => /^\/v2\/profiles\/[^/]+$/.test(p),
    methods: { GET: getProfile },
  },
  {
    endpoint: "testAccounts",
    matches: (p) => p === "/testAccounts",
    methods: { GET: getTestAccounts, POST: createTestAccount },
  },
  {
    endpoint: "adsAccounts",
    matches: (p) => p === "/adsAccounts/list",
    methods: { POST: listAdsAccounts },
  },
  {
    endpoint: "managerAccounts",
    matches: (p) => p === "/managerAccounts",
    methods: { GET: listManagerAccounts },
  },
];

/** The route for a request; `allowed` lists the methods when the path exists but not the method. */
export function route(
  method: string,
  path: string,
): Route | { readonly allowed: string[] } | undefined {
  const entry = TABLE.find((r) => r.matches(path));
  if (!entry) return undefined;
  const handle = entry.methods[method];
  return handle ? { endpoint: entry.endpoint, handle } : { allowed: Object.keys(entry.methods) };
}
