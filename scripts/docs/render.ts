/**
 * The provider's documentation pages (Terraform registry layout under `docs/`): hand-written
 * templates under `docs/templates/` with their examples (`examples/`) and the argument reference
 * generated from the schemas, so the reference can never drift from what the provider serves.
 *
 * Template placeholders: `{{description}}` (the schema's description), `{{schema}}` (the
 * reference), `{{example PATH}}` (a file under the repository root, fenced by its extension).
 */
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { format, resolveConfig } from "prettier";
import type { Schema } from "../../src/plugin/index.js";
import {
  DATA_SOURCES,
  EPHEMERAL_RESOURCES,
  RESOURCES,
  providerSchema,
} from "../../src/provider/provider.js";
import { schemaMarkdown } from "./schema-markdown.js";

/** One page to write. */
export interface DocPage {
  /** Where it goes, relative to the repository root. */
  readonly path: string;
  /** Its template, relative to the repository root. */
  readonly template: string;
  readonly schema: Schema;
}

const page = (path: string, schema: Schema): DocPage => ({
  path: `docs/${path}`,
  template: `docs/templates/${path}.tmpl`,
  schema,
});

/** Every page, with the schema it documents. */
export const DOC_PAGES: readonly DocPage[] = [
  page("index.md", providerSchema),
  page("resources/lwa_app.md", RESOURCES.amazonads_lwa_app.schema),
  page("resources/authorization.md", RESOURCES.amazonads_authorization.schema),
  page("resources/profile.md", RESOURCES.amazonads_profile.schema),
  page("resources/profile_set.md", RESOURCES.amazonads_profile_set.schema),
  page("resources/test_account.md", RESOURCES.amazonads_test_account.schema),
  page("data-sources/profiles.md", DATA_SOURCES.amazonads_profiles.schema),
  page("data-sources/ads_accounts.md", DATA_SOURCES.amazonads_ads_accounts.schema),
  page("data-sources/manager_accounts.md", DATA_SOURCES.amazonads_manager_accounts.schema),
  page("ephemeral-resources/access_token.md", EPHEMERAL_RESOURCES.amazonads_access_token.schema),
];

const FENCES: Record<string, string> = { ".tf": "terraform", ".sh": "shell", ".ts": "typescript" };

/** The content of `page`, read from its template under `root`. */
export function renderPage(root: string, page: DocPage): string {
  const template = readFileSync(join(root, page.template), "utf8");
  const rendered = template
    .replaceAll("{{description}}", page.schema.description)
    .replaceAll("{{schema}}", schemaMarkdown(page.schema))
    .replace(/\{\{example ([^}\s]+)\}\}/g, (_match, path: string) => {
      const text = readFileSync(join(root, path), "utf8").trimEnd();
      return `\`\`\`${FENCES[extname(path)] ?? ""}\n${text}\n\`\`\``;
    });
  const unknown = /\{\{[^}]*\}\}/.exec(rendered);
  if (unknown) throw new Error(`${page.template}: unknown placeholder ${unknown[0]}`);
  return `${rendered.trimEnd()}\n`;
}

/** Every page's path and content, formatted as `npm run format` would (so lint agrees). */
export async function renderDocs(root: string): Promise<{ path: string; content: string }[]> {
  return Promise.all(
    DOC_PAGES.map(async (p) => {
      const options = (await resolveConfig(join(root, p.path))) ?? {};
      const content = await format(renderPage(root, p), { ...options, parser: "markdown" });
      return { path: p.path, content };
    }),
  );
}
