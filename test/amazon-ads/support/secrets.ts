/**
 * Secrets used by the tests, all carrying one marker, and a scanner proving that no log line,
 * error message or inspected error produced during a test contains the marker.
 */
import { inspect } from "node:util";
import { AmazonAdsError } from "../../../src/amazon-ads/errors.js";
import type { Logger } from "../../../src/amazon-ads/http.js";

/** Every secret below contains this; nothing else does. */
export const SECRET_MARKER = "S3CR3T";

/** A client id (not secret). */
export const CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";

/** Secret values the tests send and receive. */
export const SECRETS = {
  clientSecret: `amzn1.oa2-cs.v1.${SECRET_MARKER}-client-secret`,
  code: `ANdNAVhyhqirUelHGEHA-${SECRET_MARKER}-code`,
  codeVerifier: `${SECRET_MARKER}-verifier-0123456789abcdefghijklmnopqrstuvwxyz`,
  refreshToken: `Atzr|${SECRET_MARKER}-refresh-token`,
  accessToken: `Atza|${SECRET_MARKER}-access-token-1`,
  accessToken2: `Atza|${SECRET_MARKER}-access-token-2`,
} as const;

const observed: string[] = [];

/** A logger whose lines are recorded and scanned. */
export function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug(message, fields) {
      const line = `${message} ${JSON.stringify(fields)}`;
      lines.push(line);
      observed.push(line);
    },
  };
}

/** Records how an error renders (message, inspection, JSON) for the scan. */
export function observeError(error: unknown): void {
  if (error instanceof Error) observed.push(error.message, inspect(error, { depth: 8 }));
  observed.push(JSON.stringify(error) ?? "");
}

/** Awaits a rejection, checks it is an AmazonAdsError, records it for the scan and returns it. */
export async function caught(promise: Promise<unknown>): Promise<AmazonAdsError> {
  try {
    await promise;
  } catch (error) {
    observeError(error);
    if (!(error instanceof AmazonAdsError)) throw error;
    return error;
  }
  throw new Error("expected the promise to reject");
}

/** Fails when any recorded text contains a secret; then forgets what was recorded. */
export function expectNoSecretLeaked(): void {
  const leaks = observed.filter((text) => text.includes(SECRET_MARKER));
  observed.length = 0;
  expect(leaks).toEqual([]);
}

/** How many texts were scanned since the last check (so a test can prove the scan saw something). */
export function observedCount(): number {
  return observed.length;
}
