// bench/results.json (git-ignored) collects every benchmark's latest figures under its own key.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const RESULTS = new URL("../results.json", import.meta.url);

/** Stores `value` under `key` in bench/results.json, keeping the other keys. */
export function recordResult(key: string, value: unknown): string {
  return recordResults({ [key]: value });
}

/** Stores each of `values` under its own key in bench/results.json, keeping the other keys. */
export function recordResults(values: Readonly<Record<string, unknown>>): string {
  const existing: unknown = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  const merged = {
    ...(typeof existing === "object" && existing !== null ? existing : {}),
    ...values,
  };
  writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  return RESULTS.pathname;
}
