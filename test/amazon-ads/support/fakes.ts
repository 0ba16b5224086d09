/**
 * Fake clock and sleep for tests that must not wait: sleeping advances the fake clock at once and
 * records the delay.
 */
import type { Seams } from "../../../src/amazon-ads/seams.js";

/** Fake seams plus what they observed. */
export interface FakeSeams extends Seams {
  /** Every delay slept, in order. */
  readonly sleeps: number[];
  /** Moves the fake clock forward. */
  advance(ms: number): void;
}

/** A fake clock starting at a whole second (HTTP-dates have second resolution); jitter factor 1. */
export function fakeSeams(start = Date.UTC(2025, 8, 1, 12, 0, 0)): FakeSeams {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    sleeps,
    advance: (ms) => {
      now += ms;
    },
  };
}
