/**
 * How long `amazonads_test_account` waits for Amazon: generous by default (Amazon reports minutes),
 * configurable through the environment so that tests against the emulator poll quickly.
 */

/** Environment variable: seconds to wait for a test account before keeping it as IN_PROGRESS. */
export const TIMEOUT_ENV = "AMAZON_ADS_TEST_ACCOUNT_TIMEOUT_SECONDS";

/** Environment variable: seconds between polls of a test-account request. */
export const POLL_ENV = "AMAZON_ADS_TEST_ACCOUNT_POLL_SECONDS";

/** Defaults: 15 minutes, polled every 10 seconds. */
export const DEFAULT_TIMING = { timeoutMs: 15 * 60_000, pollIntervalMs: 10_000 } as const;

/** The wait's deadline and poll interval from the environment (invalid values fall back). */
export function testAccountTiming(env: NodeJS.ProcessEnv): {
  timeoutMs: number;
  pollIntervalMs: number;
} {
  const seconds = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] && Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  };
  return {
    timeoutMs: seconds(TIMEOUT_ENV) ?? DEFAULT_TIMING.timeoutMs,
    pollIntervalMs: seconds(POLL_ENV) ?? DEFAULT_TIMING.pollIntervalMs,
  };
}
