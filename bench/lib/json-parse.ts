// Runs bench/json-parse.ts under a given Node.js and reads its figures.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { NodeRuntime } from "../../test/support/node-runtimes.js";

/** Microseconds per lossless parse of a 40-profile list on one Node.js. */
export interface JsonParseFigures {
  readonly node: string;
  readonly bytes: number;
  readonly byHandUs: number;
  /** JSON.parse with source text; null where this Node.js lacks it (Node.js 20). */
  readonly withSourceTextUs: number | null;
  /** Plain JSON.parse, which rounds the ids: the floor. */
  readonly plainJsonParseUs: number;
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Measures on `node` (through tsx, as the tests run TypeScript under another Node.js). */
export function measureJsonParse(node: NodeRuntime): JsonParseFigures {
  const printed = execFileSync(node.bin, ["--import", "tsx", "bench/json-parse.ts"], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(printed) as JsonParseFigures;
}
