/**
 * `parseJsonLosslessly` has two paths: `JSON.parse` reading big integers from their source text
 * where revivers see it (Node.js ≥ 21), and a parser written here for Node.js 20. Jest runs on the
 * machine's Node.js, so the built-in path is exercised for real under the Node.js 22 and 24 that
 * `npm ci` installs: both paths there, and the hand-written one here, must give the same outcome
 * on every input, errors included.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  parseJsonByHand,
  parseJsonLosslessly,
  REVIVERS_SEE_SOURCE_TEXT,
} from "../../src/amazon-ads/lossless-json.js";
import { nodeRuntime } from "../support/node-runtimes.js";
import { CORPUS, outcome } from "./support/lossless-json-corpus.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = fileURLToPath(new URL("./support/lossless-json-paths.ts", import.meta.url));

interface Report {
  node: string;
  seesSourceText: boolean;
  outcomes: { name: string; byHand: string; withSourceText: string; chosen: string }[];
}

const here = CORPUS.map(([name, text]) => ({ name, byHand: outcome(parseJsonByHand, text) }));

describe("parseJsonLosslessly on every Node.js", () => {
  it("uses the built-in path exactly where revivers see source text (not on Node.js 20)", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(REVIVERS_SEE_SOURCE_TEXT).toBe(major >= 21);
    for (const [, text] of CORPUS) {
      expect(outcome(parseJsonLosslessly, text)).toBe(outcome(parseJsonByHand, text));
    }
  });

  it.each([22, 24] as const)(
    "on Node.js %i: JSON.parse with source text gives what the hand-written parser gives, errors included",
    (major) => {
      const runtime = nodeRuntime(major);
      const report = JSON.parse(
        execFileSync(runtime.bin, ["--import", "tsx", script], { cwd: root, encoding: "utf8" }),
      ) as Report;
      expect(report.node).toBe(runtime.version);
      expect(report.seesSourceText).toBe(true);
      for (const result of report.outcomes) {
        expect({ name: result.name, outcome: result.withSourceText }).toEqual({
          name: result.name,
          outcome: result.byHand,
        });
        expect(result.chosen).toBe(result.withSourceText);
      }
      // And the same as on this machine's Node.js.
      expect(report.outcomes.map(({ name, byHand }) => ({ name, byHand }))).toEqual(here);
    },
  );
});
