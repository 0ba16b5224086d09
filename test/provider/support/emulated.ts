/**
 * The amazonads provider configured against an in-process emulator on 127.0.0.1 (real client, real
 * HTTP), with one clock for both sides (the emulator's, moved by `advance`) and a sleep that never
 * waits. `finish` closes the emulator and fails when a secret showed in a log line or diagnostic.
 */
import {
  emulatorVariables,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from "../../../src/emulator/index.js";
import { createAmazonAdsProvider } from "../../../src/provider/provider.js";
import { Driver, logged, shown } from "./driver.js";

/** Where the clocks start: 2025-09-15 12:00 UTC. */
export const START = Date.UTC(2025, 8, 15, 12, 0, 0);

/** An emulator and a driver of the provider pointed at it. */
export interface Emulated {
  readonly emulator: Emulator;
  readonly driver: Driver;
  /** The provider process's environment (handlers read it at call time, so tests may add to it). */
  readonly env: NodeJS.ProcessEnv;
  /** Delays the clients asked to sleep (retry backoff, test-account polls). */
  readonly sleeps: number[];
  /** A driver of a fresh provider (as Terraform's next process): empty cache, same settings. */
  restart(): Promise<Driver>;
  /** Moves both clocks forward. */
  advance(seconds: number): void;
  /** A secret the emulator never issued (a wrong client secret, say) to scan for as well. */
  rememberSecret(value: string): void;
  /** Closes the emulator; fails if any log line or diagnostic holds a secret. */
  finish(): Promise<void>;
}

/** Starts an emulator and configures the provider against it. */
export async function emulated(
  options: EmulatorOptions & {
    readonly env?: Record<string, string | undefined>;
    readonly block?: Record<string, string>;
    readonly random?: (size: number) => Uint8Array;
    /** Where both clocks start. @default {@link START} */
    readonly start?: number;
    /** The Terraform version ConfigureProvider names. @default "1.11.4" */
    readonly terraformVersion?: string;
  } = {},
): Promise<Emulated> {
  const {
    env = {},
    block = {},
    random,
    start: startAt,
    terraformVersion,
    ...emulatorOptions
  } = options;
  let source = startAt ?? START;
  const emulator = await startEmulator({
    autoApprove: true,
    ...emulatorOptions,
    now: () => source,
  });
  const sleeps: number[] = [];
  const fullEnv: NodeJS.ProcessEnv = { ...emulatorVariables(emulator) };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete fullEnv[name];
    else fullEnv[name] = value;
  }
  // A new provider is what a new provider process is: empty token cache, no clients yet.
  const start = () =>
    Driver.configure(
      createAmazonAdsProvider({
        env: fullEnv,
        now: () => emulator.admin.now(),
        ...(random ? { randomBytes: random } : {}),
        http: {
          sleep: async (ms, signal) => {
            if (signal?.aborted) throw signal.reason;
            sleeps.push(ms);
            source += ms;
          },
          random: () => 0.5,
        },
      }),
      block,
      terraformVersion,
    );
  const driver = await start();
  const firstLog = logged.length;
  const firstShown = shown.length;
  const extraSecrets: string[] = [];
  return {
    emulator,
    driver,
    env: fullEnv,
    sleeps,
    restart: start,
    advance: (seconds) => void emulator.admin.advanceClock(seconds),
    rememberSecret: (value) => void extraSecrets.push(value),
    async finish() {
      await emulator.close();
      const secrets = [...emulator.admin.secrets(), ...extraSecrets];
      const texts = [...logged.slice(firstLog), ...shown.slice(firstShown)];
      const leaks = texts
        .filter((text) => secrets.some((secret) => text.includes(secret)))
        .map((text) => secrets.reduce((t, secret) => t.replaceAll(secret, "<SECRET>"), text));
      expect(leaks).toEqual([]);
    },
  };
}

/** Requests the emulator received on every endpoint since its counters were last reset. */
export function totalCalls(emulator: Emulator): number {
  return Object.values(emulator.admin.traffic()).reduce((sum, t) => sum + t.calls, 0);
}
