/**
 * `startEmulator`: a local Login with Amazon + Amazon Ads API on one port. The unprefixed paths
 * act as the NA hosts; `/na`, `/eu` and `/fe` prefixes act as each region's hosts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Region, REGIONS } from "../amazon-ads/regions.js";
import { EmulatorAdmin } from "./admin.js";
import { Authorizations } from "./authorizations.js";
import { EmulatorClock } from "./clock.js";
import { Directory } from "./directory.js";
import { FaultRegistry } from "./faults.js";
import { Identifiers, type RandomBytes, secureRandomBytes } from "./identifiers.js";
import { SecretLedger } from "./secrets.js";
import type { EmulatorSeed } from "./seed.js";
import { type EmulatorLogEntry, createRequestListener } from "./server.js";
import type { EmulatorState } from "./state.js";
import { type TestAccountTiming, TestAccountRequests } from "./test-account-requests.js";
import { Traffic } from "./traffic.js";

/** How to start an emulator. Every option is optional. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  readonly host?: string;
  /** Answer the consent page at once, as if the user clicked Allow. @default false */
  readonly autoApprove?: boolean;
  /** Apps, users and profiles to start with; each list given replaces the default one. */
  readonly seed?: EmulatorSeed;
  /** Time source (ms since the epoch) that the admin's `advanceClock` adds to. @default Date.now */
  readonly now?: () => number;
  /** Source of random bytes for tokens, codes and ids. @default node:crypto */
  readonly randomBytes?: RandomBytes;
  /**
   * Consents given from this instant on (epoch ms, emulator time) yield refresh tokens that stop
   * working 365 days after the consent, as Amazon announced for consents from mid-2026; `null`
   * makes every grant last until revoked. @default 2026-07-01T00:00:00Z
   */
  readonly expiringConsentsFrom?: number | null;
  /** How long test-account requests stay IN_PROGRESS. @default 1 poll, 0 s */
  readonly testAccounts?: TestAccountTiming;
  /** Called once per finished request (never with secrets). */
  readonly log?: (entry: EmulatorLogEntry) => void;
}

/** The three URLs a region is reached at, like `REGION_ENDPOINTS` for Amazon. */
export interface EmulatorEndpointUrls {
  /** Consent page, e.g. `http://127.0.0.1:PORT/eu/ap/oa`. */
  readonly authorizationUrl: string;
  /** Token endpoint, e.g. `http://127.0.0.1:PORT/eu/auth/o2/token`. */
  readonly tokenUrl: string;
  /** Ads API host, e.g. `http://127.0.0.1:PORT/eu`. */
  readonly apiUrl: string;
}

/** A running emulator. Its top-level URLs are the unprefixed (NA) ones. */
export interface Emulator extends EmulatorEndpointUrls {
  /** `http://HOST:PORT`, no trailing slash. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Each region's URLs (`/na`, `/eu`, `/fe` prefixes). */
  readonly regions: Readonly<Record<Region, EmulatorEndpointUrls>>;
  /** The first app's client id (the demo app's by default). */
  readonly clientId: string;
  /** The first app's client secret. */
  readonly clientSecret: string;
  /** The first app's first allowed redirect URI (`http://localhost:8765/callback` by default). */
  readonly redirectUri: string;
  /** Every redirect URI the first app allows. */
  readonly redirectUris: readonly string[];
  /** Steers and observes the emulator (also over HTTP under `/_emulator/`). */
  readonly admin: EmulatorAdmin;
  /** Stops listening and drops every open connection (hung requests included); idempotent. */
  close(): Promise<void>;
}

function endpointUrls(base: string): EmulatorEndpointUrls {
  return { authorizationUrl: `${base}/ap/oa`, tokenUrl: `${base}/auth/o2/token`, apiUrl: base };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts an emulator and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new EmulatorClock(options.now);
  const ids = new Identifiers(options.randomBytes ?? secureRandomBytes);
  const secrets = new SecretLedger();
  const directory = new Directory(options.seed ?? {}, secrets, ids);
  const state: EmulatorState = {
    clock,
    ids,
    secrets,
    directory,
    authorizations: new Authorizations(clock, ids, secrets, options.expiringConsentsFrom),
    testAccounts: new TestAccountRequests(clock, ids, directory, options.testAccounts),
    autoApprove: options.autoApprove ?? false,
  };
  const faults = new FaultRegistry();
  const traffic = new Traffic();
  const admin = new EmulatorAdmin(state, faults, traffic);
  const app = directory.apps()[0];
  if (!app) throw new Error("The emulator's seed needs at least one app.");

  // Filled in once the port is known; GET /_emulator answers with it.
  let urls: object = {};
  const server = createServer(
    createRequestListener({
      state,
      faults,
      traffic,
      admin,
      info: () => ({ ...urls, signedInUserId: directory.signedInUser().id }),
      log: options.log,
    }),
  );
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const closeServer = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Hung and keep-alive connections would otherwise hold close() open forever.
      server.closeAllConnections();
    });
  const url = `http://${urlHost(host)}:${port}`;
  const regions = Object.fromEntries(
    REGIONS.map((r) => [r, endpointUrls(`${url}/${r.toLowerCase()}`)]),
  ) as Record<Region, EmulatorEndpointUrls>;
  const emulator: Emulator = {
    url,
    host,
    port,
    ...endpointUrls(url),
    regions,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: app.redirectUris[0] ?? "",
    redirectUris: app.redirectUris,
    admin,
    close: () => (closing ??= closeServer()),
  };
  const { admin: _admin, close: _close, ...described } = emulator;
  urls = described;
  return emulator;
}
