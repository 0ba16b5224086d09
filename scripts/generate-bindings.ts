// `npm run bindings`: writes the CDKTF L1 bindings (src/constructs/bindings/) from the provider's
// schemas, removing files that no longer correspond to a schema. `--check` writes nothing and exits
// 1 when the files on disk differ from what the schemas generate.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BINDINGS_DIR, generateBindings } from "./bindings/generate.js";

const check = process.argv.includes("--check");
const files = await generateBindings();
mkdirSync(BINDINGS_DIR, { recursive: true });
const onDisk = readdirSync(BINDINGS_DIR).filter((name) => name.endsWith(".ts"));
const stale = onDisk.filter((name) => !files.has(name));
const changed = [...files].filter(([name, text]) => {
  try {
    return readFileSync(join(BINDINGS_DIR, name), "utf8") !== text;
  } catch {
    return true;
  }
});
const where = relative(process.cwd(), BINDINGS_DIR) || ".";

if (check) {
  if (changed.length > 0 || stale.length > 0) {
    const names = [...changed.map(([name]) => name), ...stale].join(", ");
    console.error(
      `bindings: ${where} differs from the schemas (${names}); run \`npm run bindings\`.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`bindings: ${where} matches the schemas (${files.size} files).`);
  }
} else {
  for (const [name, text] of changed) writeFileSync(join(BINDINGS_DIR, name), text);
  for (const name of stale) rmSync(join(BINDINGS_DIR, name));
  console.log(
    `bindings: ${files.size} files in ${where}: ${changed.length} written, ${stale.length} removed.`,
  );
}
