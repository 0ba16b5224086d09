/**
 * Counting the emulator's requests to one endpoint by region host, for the tests that pin "one
 * listing per region" (in process and with the real terraform alike).
 */
import type { EmulatorLogEntry } from "../../src/emulator/index.js";

/** How many requests of `requests` went to `endpoint`, by region (regions with none left out). */
export function requestsByRegion(
  requests: readonly EmulatorLogEntry[],
  endpoint: NonNullable<EmulatorLogEntry["endpoint"]>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests.filter((r) => r.endpoint === endpoint)) {
    counts[r.region] = (counts[r.region] ?? 0) + 1;
  }
  return counts;
}
