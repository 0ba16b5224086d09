// `npm run docs`: writes docs/ from docs/templates/, examples/ and the provider's schemas.
// `npm run docs -- --check` writes nothing and fails when a page is out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderDocs } from "./docs/render.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const { path, content } of await renderDocs(root)) {
  const file = join(root, path);
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
if (check && stale.length > 0) {
  console.error(`docs: out of date: ${stale.join(", ")}. Run \`npm run docs\`.`);
  process.exitCode = 1;
} else {
  console.log(stale.length > 0 ? `docs: wrote ${stale.join(", ")}` : "docs: up to date");
}
