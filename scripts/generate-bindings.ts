// `npm run bindings`: writes the L1 bindings (src/constructs/bindings/) that the ecosystem's
// generator makes of the provider's schemas, removing files that no longer correspond to a schema.
// `--check` writes nothing and exits 1 when the files on disk differ from what would be generated.
import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { BINDINGS_DIR, generateBindings } from "./bindings/generate.js";
import { readTree } from "./bindings/official-generator.js";

const check = process.argv.includes("--check");
const files = generateBindings();
mkdirSync(BINDINGS_DIR, { recursive: true });
const onDisk = readTree(BINDINGS_DIR);
const stale = [...onDisk.keys()].filter((path) => !files.has(path));
const changed = [...files].filter(([path, text]) => onDisk.get(path) !== text);
const where = relative(process.cwd(), BINDINGS_DIR) || ".";

if (check) {
  if (changed.length > 0 || stale.length > 0) {
    const paths = [...changed.map(([path]) => path), ...stale].join(", ");
    console.error(
      `bindings: ${where} differs from the schemas (${paths}); run \`npm run bindings\`.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`bindings: ${where} matches the schemas (${files.size} files).`);
  }
} else {
  for (const [path, text] of changed) {
    mkdirSync(dirname(join(BINDINGS_DIR, path)), { recursive: true });
    writeFileSync(join(BINDINGS_DIR, path), text);
  }
  for (const path of stale) rmSync(join(BINDINGS_DIR, path));
  // Folders left empty by a removed resource type go too.
  for (const entry of readdirSync(BINDINGS_DIR, { withFileTypes: true })) {
    const folder = join(BINDINGS_DIR, entry.name);
    if (entry.isDirectory() && readdirSync(folder).length === 0) rmdirSync(folder);
  }
  console.log(
    `bindings: ${files.size} files in ${where}: ${changed.length} written, ${stale.length} removed.`,
  );
}
