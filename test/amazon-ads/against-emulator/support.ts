/**
 * Shared setup of the tests that run the real Amazon Ads client against the real emulator over
 * HTTP on 127.0.0.1: one emulator per test (port 0), clients pointed at its region URLs, one
 * clock for both sides, a sleep that records and never waits, and a scan that fails the test when
 * any secret shows up in an error, a client log line or an emulator log entry.
 */
import { inspect } from "node:util";
import {
  AmazonAdsClient,
  AmazonAdsError,
  type AmazonAdsClientOptions,
  type Logger,
  type Region,
  type Seams,
} from "../../../src/amazon-ads/index.js";
import {
  startEmulator,
  type Emulator,
  type EmulatorLogEntry,
  type EmulatorOptions,
  type IssueGrantOptions,
  type IssuedTokens,
} from "../../../src/emulator/index.js";

/** Where both clocks start: a whole second, so HTTP-dates (second resolution) stay exact. */
export const START = Date.UTC(2025, 8, 15, 12, 0, 0);

/** Client settings a test may change; everything else comes from the harness. */
export type ClientSettings = Partial<
  Pick<
    AmazonAdsClientOptions,
    "clientId" | "clientSecret" | "timeoutMs" | "retry" | "sleep" | "endpoints"
  >
> & { readonly region?: Region };

/** One emulator, its clients, and what both sides said during the test. */
export interface Harness {
  readonly emulator: Emulator;
  /** An NA client on the emulator's `/na` URLs with the demo app's credentials. */
  readonly client: AmazonAdsClient;
  /** Every delay the clients' sleep seam was asked for, in order. */
  readonly sleeps: number[];
  /** The logger every client of the harness writes to. */
  readonly logger: Logger;
  /** The clients' debug lines (message and fields), as the logger received them. */
  readonly clientLog: string[];
  /** The emulator's log entries. */
  readonly emulatorLog: EmulatorLogEntry[];
  /** Another client on the same emulator, clock, sleep and logger. */
  clientFor(settings?: ClientSettings): AmazonAdsClient;
  /** A grant made without the browser (the demo user unless `userId` says otherwise). */
  grant(options?: IssueGrantOptions): IssuedTokens;
  /** Moves both clocks forward by whole seconds. */
  advance(seconds: number): void;
  /** Awaits a rejection, requires an AmazonAdsError, and records how it renders for the scan. */
  caught(promise: Promise<unknown>): Promise<AmazonAdsError>;
  /** A secret the emulator never learns (a rejected PKCE verifier, say) to scan for as well. */
  rememberSecret(value: string): void;
  /** Stops the emulator, then fails when any recorded text contains a secret. */
  finish(): Promise<void>;
}

/** Starts an emulator on port 0 and the harness around it. */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  // The two clocks are kept in step by construction rather than by advancing each: the emulator
  // reads `source` (plus whatever `admin.advanceClock` added), and the clients' `now` seam reads
  // the emulator's clock. So `admin.advanceClock` moves both, and the fake sleep moves `source`,
  // which both see — a retry's backoff passes as much time on the emulator as on the client.
  let source = START;
  const emulatorLog: EmulatorLogEntry[] = [];
  const emulator = await startEmulator({
    autoApprove: true,
    ...options,
    now: () => source,
    log: (entry) => emulatorLog.push(entry),
  });
  const { admin } = emulator;
  const sleeps: number[] = [];
  const seams: Seams = {
    now: () => admin.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      source += ms;
    },
    // Jitter factor 1: the backoff is exactly 2 s, 4 s, 8 s …
    random: () => 0.5,
  };
  const clientLog: string[] = [];
  const logger: Logger = {
    debug: (message: string, fields: Readonly<Record<string, unknown>>) =>
      clientLog.push(`${message} ${JSON.stringify(fields)}`),
  };
  const clientFor = (settings: ClientSettings = {}): AmazonAdsClient => {
    const { region = "NA", ...rest } = settings;
    return new AmazonAdsClient({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      region,
      endpoints: emulator.regions[region],
      ...seams,
      logger,
      ...rest,
    });
  };
  const errors: string[] = [];
  const extraSecrets: string[] = [];
  return {
    emulator,
    client: clientFor(),
    sleeps,
    logger,
    clientLog,
    emulatorLog,
    clientFor,
    grant: (grantOptions) => admin.issueRefreshToken(grantOptions),
    advance: (seconds) => void admin.advanceClock(seconds),
    async caught(promise) {
      try {
        await promise;
      } catch (error) {
        errors.push(...renderings(error));
        if (!(error instanceof AmazonAdsError)) throw error;
        return error;
      }
      throw new Error("expected the promise to reject");
    },
    rememberSecret: (value) => void extraSecrets.push(value),
    async finish() {
      await emulator.close();
      const secrets = [...admin.secrets(), ...extraSecrets];
      const texts = [...errors, ...clientLog, ...emulatorLog.map((entry) => JSON.stringify(entry))];
      // Report where a secret appeared, never the secret itself.
      const leaks = texts
        .filter((text) => secrets.some((secret) => text.includes(secret)))
        .map((text) =>
          secrets.reduce((shown, secret) => shown.replaceAll(secret, "<SECRET>"), text),
        );
      expect(leaks).toEqual([]);
    },
  };
}

// How an error can end up in front of a user or in a log: message, inspection (causes included),
// JSON, and the redacted request it carries.
function renderings(error: unknown): string[] {
  const texts = [inspect(error, { depth: 8 }), JSON.stringify(error) ?? ""];
  if (error instanceof AmazonAdsError) {
    texts.push(error.message, JSON.stringify(error.request) ?? "");
  }
  return texts;
}

/** The `Location` an emulator response redirects to (the consent page's answer). */
export function locationOf(response: Response): string {
  const location = response.headers.get("location");
  if (response.status !== 302 || location === null) {
    throw new Error(`expected a 302 redirect, got ${response.status}`);
  }
  return location;
}

/** Resolves once `condition` holds, checking every few milliseconds (no deadline of its own). */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
