/**
 * `npm run bindings` on schemas of every shape (the schema-shapes fixture: nested blocks of each
 * nesting, nested attributes, maps, sets, objects, deprecation, write-only): what the ecosystem's
 * generator writes for them compiles under the project's options once adapted, write-only
 * attributes included (marked through the framework module, which cdktf 0.21 lets through).
 */
import { generateBindings } from "../../../scripts/bindings/generate.js";
import { shapesProvider } from "../../fixtures/schema-shapes/provider.js";

describe("generating bindings for every shape of schema", () => {
  let files: Map<string, string>;
  beforeAll(() => {
    files = generateBindings({
      provider: shapesProvider,
      source: "terraform.local/test/shapes",
      version: "0.0.1",
    });
  });

  it("compiles every shape, and marks write-only attributes through the framework module", () => {
    const text = [...files.values()].join("\n");
    expect(files.size).toBeGreaterThan(1);
    expect(text).toContain("cdktf.markWriteOnlyAttribute(this, ");
    expect(text).not.toContain("this.markWriteOnlyAttribute(");
  });
});
