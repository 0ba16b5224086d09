// Run by lossless-json-paths.test.ts under another Node.js (node --import tsx this-file): prints,
// as JSON, whether revivers see source text here and each corpus input's outcome on each path.
import {
  parseJsonByHand,
  parseJsonLosslessly,
  parseJsonWithSourceText,
  REVIVERS_SEE_SOURCE_TEXT,
} from "../../../src/amazon-ads/lossless-json.js";
import { CORPUS, outcome } from "./lossless-json-corpus.js";

process.stdout.write(
  JSON.stringify({
    node: process.versions.node,
    seesSourceText: REVIVERS_SEE_SOURCE_TEXT,
    outcomes: CORPUS.map(([name, text]) => ({
      name,
      byHand: outcome(parseJsonByHand, text),
      withSourceText: outcome(parseJsonWithSourceText, text),
      chosen: outcome(parseJsonLosslessly, text),
    })),
  }),
);
