/**
 * The provider's retry and timeout settings: the timeout of one HTTP attempt and how long one
 * request may keep being retried. Amazon's bad days deserve the defaults; tests and impatient
 * users shorten them through the environment.
 */
import type { HttpOptions } from "../amazon-ads/index.js";
import { DEFAULT_RETRY_POLICY } from "../amazon-ads/index.js";
import type { Diagnostics } from "../plugin/index.js";

/** Environment variable: seconds one HTTP attempt may take, connect to last byte (default 30). */
export const REQUEST_TIMEOUT_ENV = "AMAZON_ADS_REQUEST_TIMEOUT_SECONDS";

/** Environment variable: seconds one request may keep being retried (default 60). */
export const MAX_RETRY_ENV = "AMAZON_ADS_MAX_RETRY_SECONDS";

/** The defaults, in seconds, as the documentation states them. */
export const DEFAULT_RETRY_SETTINGS = {
  requestTimeoutSeconds: 30,
  maxRetrySeconds: DEFAULT_RETRY_POLICY.maxElapsedMs / 1000,
} as const;

/**
 * The transport settings the environment asks for (only those it sets). An unusable value is an
 * error diagnostic naming the variable, and the default stays in force.
 */
export function retrySettingsFromEnv(
  env: NodeJS.ProcessEnv,
  diagnostics: Diagnostics,
): Pick<HttpOptions, "timeoutMs" | "retry"> {
  const seconds = (name: string, minimum: number, example: number): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const value = Number(text);
    if (Number.isFinite(value) && value >= minimum) return value;
    diagnostics.error(
      `Invalid value for ${name}`,
      `The environment variable ${name} must be a number of seconds ` +
        `${minimum === 0 ? "of 0 or more" : "greater than 0"}, such as ${example}; unset it to use ` +
        "the default.",
    );
    return undefined;
  };
  const timeout = seconds(REQUEST_TIMEOUT_ENV, Number.MIN_VALUE, 30);
  const retry = seconds(MAX_RETRY_ENV, 0, 60);
  return {
    ...(timeout === undefined ? {} : { timeoutMs: Math.ceil(timeout * 1000) }),
    ...(retry === undefined ? {} : { retry: { maxElapsedMs: Math.round(retry * 1000) } }),
  };
}
