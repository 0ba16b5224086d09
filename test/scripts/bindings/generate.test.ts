/**
 * `npm run bindings` on schemas of every shape (the schema-shapes fixture: nested blocks of each
 * nesting, nested attributes, maps, sets, objects, deprecation, write-only): what the ecosystem's
 * generator writes for them compiles under the project's options once adapted, except for
 * write-only attributes, which only cdktn can declare — and generation says so.
 */
import { generateBindings } from "../../../scripts/bindings/generate.js";
import { shapesProvider } from "../../fixtures/schema-shapes/provider.js";

describe("generating bindings for every shape of schema", () => {
  let error: Error | undefined;
  beforeAll(() => {
    try {
      generateBindings({
        provider: shapesProvider,
        source: "terraform.local/test/shapes",
        version: "0.0.1",
      });
    } catch (caught) {
      error = caught as Error;
    }
  });

  it("fails on write-only attributes only, saying why", () => {
    const errors = (error?.message ?? "").split("\n").filter((line) => / error TS\d+/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((line) => !line.includes("'markWriteOnlyAttribute'"))).toEqual([]);
    expect(error?.message).toContain("cannot use writeOnly while the package serves cdktf");
  });
});
