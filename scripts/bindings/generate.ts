/**
 * Generates the L1 bindings in memory: every file of `src/constructs/bindings/`, formatted the way
 * `npm run format` would, so that the files on disk can be compared byte for byte.
 */
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { bindingCatalog } from "./catalog.js";
import { renderBinding, renderIndex } from "./render.js";

/** Where the bindings live. */
export const BINDINGS_DIR = fileURLToPath(
  new URL("../../src/constructs/bindings/", import.meta.url),
);

/** Every generated file's text by file name (`profile.ts`, …, `index.ts`). */
export async function generateBindings(): Promise<Map<string, string>> {
  const specs = bindingCatalog();
  const options = (await prettier.resolveConfig(BINDINGS_DIR)) ?? {};
  const files = new Map<string, string>();
  const format = (source: string) => prettier.format(source, { ...options, parser: "typescript" });
  for (const spec of specs) files.set(`${spec.fileName}.ts`, await format(renderBinding(spec)));
  files.set("index.ts", await format(renderIndex(specs)));
  return files;
}
