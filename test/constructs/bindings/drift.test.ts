import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BINDINGS_DIR, generateBindings } from "../../../scripts/bindings/generate.js";
import { GENERATED_HEADER } from "../../../scripts/bindings/render.js";

describe("the committed L1 bindings", () => {
  let generated: Map<string, string>;
  beforeAll(async () => {
    generated = await generateBindings();
  });

  it("are exactly what the provider's schemas generate (run `npm run bindings` if not)", () => {
    for (const [name, text] of generated) {
      expect({ name, text: readFileSync(join(BINDINGS_DIR, name), "utf8") }).toEqual({
        name,
        text,
      });
    }
  });

  it("hold no file that no schema generates", () => {
    expect(readdirSync(BINDINGS_DIR).sort()).toEqual([...generated.keys()].sort());
  });

  it("say they are generated, and import nothing from provider/ but its identity constants", () => {
    for (const [name, text] of generated) {
      expect({ name, header: text.startsWith(GENERATED_HEADER) }).toEqual({ name, header: true });
      const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      const fromProvider = imports.filter((i) => i!.includes("/provider/"));
      expect(fromProvider.every((i) => i === "../../provider/provider-address.js")).toBe(true);
    }
  });
});

describe("src/constructs/", () => {
  it("imports no runtime code from src/provider/ (only its identity constants)", () => {
    const root = join(BINDINGS_DIR, "..");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    );
    const offending = files.flatMap((file) =>
      [...readFileSync(join(root, file), "utf8").matchAll(/^import (?!type)[^;]*from "([^"]+)"/gm)]
        .map((m) => m[1]!)
        .filter(
          (source) => /(^|\/)provider\//.test(source) && !source.endsWith("/provider-address.js"),
        )
        .map((source) => `${file}: ${source}`),
    );
    expect(offending).toEqual([]);
  });
});
