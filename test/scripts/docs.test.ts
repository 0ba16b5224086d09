import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { attr, planModifiers, schema, types } from "../../src/plugin/index.js";
import { DOC_PAGES, renderDocs } from "../../scripts/docs/render.js";
import { schemaMarkdown, typeName } from "../../scripts/docs/schema-markdown.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the provider documentation", () => {
  it("is up to date with the templates, examples and schemas (else run `npm run docs`)", async () => {
    for (const { path, content } of await renderDocs(root)) {
      expect([path, readFileSync(join(root, path), "utf8")]).toEqual([path, content]);
    }
  });

  it("documents every attribute of every schema", () => {
    for (const page of DOC_PAGES) {
      const text = readFileSync(join(root, page.path), "utf8");
      for (const name of Object.keys(page.schema.attributes)) {
        expect([page.path, text.includes(`- \`${name}\` (`)]).toEqual([page.path, true]);
      }
    }
  });

  it("renders required, optional and read-only attributes with types, checks and replacement", () => {
    const example = schema({
      description: "An example.",
      attributes: {
        name: attr.string({
          required: true,
          planModifiers: [planModifiers.requiresReplace()],
          description: "The name",
        }),
        tags: attr.list(types.string, { optional: true, default: ["a"], description: "Tags." }),
        secret: attr.string({ computed: true, sensitive: true, description: "A secret." }),
        items: attr.list(types.object({ id: types.string, n: types.number }), {
          computed: true,
          description: "Items.",
        }),
      },
    });
    expect(schemaMarkdown(example)).toBe(
      [
        "## Schema",
        "### Required\n\n- `name` (String) The name. Changing it replaces the resource.",
        '### Optional\n\n- `tags` (List of String) Tags. Default: `["a"]`.',
        "### Read-Only\n\n" +
          "- `items` (List of Object) Items. (see [below for nested schema](#nestedatt--items))\n" +
          "- `secret` (String, Sensitive) A secret.",
        '<a id="nestedatt--items"></a>\n### Nested Schema for `items`\n\nRead-Only:\n\n' +
          "- `id` (String)\n- `n` (Number)",
      ].join("\n\n"),
    );
    expect(typeName(["map", "bool"])).toBe("Map of Boolean");
  });
});
