/**
 * A test-only shift of the provider's clock. Grants expire 365 days after consents given from
 * mid-2026, so before mid-2027 no real grant can be near its end: end-to-end tests run the
 * provider (a separate process, started by Terraform) and the emulator with both clocks moved
 * forward by the same amount. It is refused against Amazon's own token endpoint, and announced by
 * a warning wherever it is in effect.
 */
import type { Diagnostics } from "../plugin/index.js";
import type { ProviderSettings } from "./settings.js";

/** Seconds to add to the provider's clock; for tests against the emulator only. */
export const TEST_CLOCK_OFFSET_ENV = "AMAZONADS_TEST_CLOCK_OFFSET_SECONDS";

/** The offset in milliseconds the environment asks for, or undefined (also when invalid). */
export function testClockOffset(env: NodeJS.ProcessEnv): number | undefined {
  const text = env[TEST_CLOCK_OFFSET_ENV]?.trim();
  if (!text) return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * Reports the shift at configure: an error when it is unreadable or aimed at Amazon (no token
 * endpoint override), otherwise a warning saying it is in effect.
 */
export function checkTestClock(
  env: NodeJS.ProcessEnv,
  settings: ProviderSettings,
  diagnostics: Diagnostics,
): void {
  const text = env[TEST_CLOCK_OFFSET_ENV]?.trim();
  if (!text) return;
  const offset = testClockOffset(env);
  if (offset === undefined) {
    diagnostics.error(
      `${TEST_CLOCK_OFFSET_ENV} is not a number of seconds`,
      `${TEST_CLOCK_OFFSET_ENV} shifts the provider's clock for tests against the emulator. ` +
        "Unset it (it has no use against Amazon), or give it a number of seconds.",
    );
    return;
  }
  if (settings.overrides.tokenUrl === undefined) {
    diagnostics.error(
      `${TEST_CLOCK_OFFSET_ENV} is for tests against the emulator only`,
      `${TEST_CLOCK_OFFSET_ENV} is set, but the provider talks to Amazon's own Login with Amazon ` +
        "endpoint, where a shifted clock would misjudge token and grant expiry. Unset it.",
    );
    return;
  }
  diagnostics.warning(
    "The provider's clock is shifted for tests",
    `${TEST_CLOCK_OFFSET_ENV} moves the provider's clock ${Math.round(offset / 86_400_000)} days ` +
      `forward (expiry of tokens and grants is judged by it). Unset it outside tests.`,
  );
}
