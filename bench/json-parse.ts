// node --import tsx bench/json-parse.ts  (run by `npm run bench` under each Node.js it finds)
//
// Lossless JSON parsing of a 40-profile list (ids above 2^53), as the provider and the CLI parse
// Amazon's answers: the parser written here against JSON.parse reading big integers from their
// source text, where this Node.js offers it, with plain JSON.parse (which rounds the ids) as the
// floor. Prints one JSON line: microseconds per parse, medians of interleaved rounds.
import {
  parseJsonByHand,
  parseJsonWithSourceText,
  REVIVERS_SEE_SOURCE_TEXT,
} from "../src/amazon-ads/lossless-json.js";
import { CORPUS } from "../test/amazon-ads/support/lossless-json-corpus.js";
import { median } from "./lib/measure.js";

const text = CORPUS.find(([name]) => name === "a profile list")![1];
const subjects: Record<string, (text: string) => unknown> = {
  byHand: parseJsonByHand,
  ...(REVIVERS_SEE_SOURCE_TEXT ? { withSourceText: parseJsonWithSourceText } : {}),
  plainJsonParse: (input) => JSON.parse(input),
};
const PARSES = 500;
const samples: Record<string, number[]> = {};
for (let round = -3; round < 15; round++) {
  for (const [name, parse] of Object.entries(subjects)) {
    const started = performance.now();
    for (let i = 0; i < PARSES; i++) parse(text);
    const microseconds = ((performance.now() - started) * 1000) / PARSES;
    if (round >= 0) (samples[name] ??= []).push(microseconds);
  }
}
const us = (name: string) => (samples[name] ? median(samples[name]) : null);
process.stdout.write(
  `${JSON.stringify({
    node: process.versions.node,
    bytes: text.length,
    byHandUs: us("byHand"),
    withSourceTextUs: us("withSourceText"),
    plainJsonParseUs: us("plainJsonParse"),
  })}\n`,
);
