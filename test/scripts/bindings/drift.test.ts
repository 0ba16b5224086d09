/**
 * The committed L1 bindings cannot drift from the provider's schemas: they are exactly what
 * `npm run bindings` generates now, and nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BINDINGS_DIR,
  GENERATED_HEADER,
  generateBindings,
} from "../../../scripts/bindings/generate.js";
import { readTree } from "../../../scripts/bindings/official-generator.js";

describe("the committed L1 bindings", () => {
  let generated: Map<string, string>;
  beforeAll(() => {
    generated = generateBindings();
  });

  it("are exactly what the provider's schemas generate (run `npm run bindings` if not)", () => {
    for (const [path, text] of generated) {
      expect({ path, text: readFileSync(join(BINDINGS_DIR, path), "utf8") }).toEqual({
        path,
        text,
      });
    }
  });

  it("hold no file that no schema generates", () => {
    expect([...readTree(BINDINGS_DIR).keys()].sort()).toEqual([...generated.keys()].sort());
  });

  it("say they are generated, and import only the framework module, constructs and vendoring", () => {
    for (const [path, text] of generated) {
      expect({ path, header: text.startsWith(GENERATED_HEADER) }).toEqual({ path, header: true });
      const imports = [...text.matchAll(/^(?:import|export) [^;]* from ["']([^"']+)["']/gm)].map(
        (m) => m[1]!,
      );
      const allowed =
        /^(constructs|\.\.\/\.\.\/framework\.js|\.\.\/\.\.\/provider-vendoring\.js|\.\/[a-z-]+\/index\.js)$/;
      expect({ path, others: imports.filter((i) => !allowed.test(i)) }).toEqual({
        path,
        others: [],
      });
    }
  });
});
