/**
 * Option parsers shared by the commands. They throw commander's `InvalidArgumentError`, which
 * commander reports as a usage error (exit 2) naming the option.
 */
import { InvalidArgumentError } from "commander";
import { isRegion, type Region } from "../amazon-ads/regions.js";

/** Reads `NA`, `EU` or `FE` in any case. */
export function parseRegion(value: string): Region {
  const region = value.trim().toUpperCase();
  if (!isRegion(region)) {
    throw new InvalidArgumentError(
      "Use NA (North America), EU (Europe, India, Middle East, Africa) or FE (Far East).",
    );
  }
  return region;
}

/** Reads a whole number of seconds, at least 1. */
export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value.trim()) || seconds < 1) {
    throw new InvalidArgumentError("Give a whole number of seconds, 1 or more.");
  }
  return seconds;
}

/** Collects a repeatable option's values in order (`--scope a --scope b`). */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
