/**
 * The side effects the client depends on besides HTTP: time, waiting and chance. Tests replace
 * them so that nothing sleeps and every delay is observable.
 */

/** Clock, sleep and randomness, injectable as one bundle or piece by piece. */
export interface Seams {
  /** Current time in epoch milliseconds. */
  readonly now: () => number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in `[0, 1)`. */
  readonly random: () => number;
}

/** Waits `ms` milliseconds; an abort rejects at once with the signal's reason and clears the timer. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The real clock, timers and `Math.random`. */
export const REAL_SEAMS: Seams = {
  now: () => Date.now(),
  sleep: abortableSleep,
  random: () => Math.random(),
};
