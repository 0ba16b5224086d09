/**
 * Runs the ecosystem's own binding generator — the one behind `cdktn get` (`@cdktn/provider-generator`)
 * or `cdktf get` (`@cdktf/provider-generator`) — on a `terraform providers schema -json` document.
 *
 * It runs in a child process: loading the generator starts `terraform version -json` and loads
 * the CLI's telemetry and error reporting, none of which belongs in the caller's process.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ProvidersSchemaJson } from "./schema-json.js";

/** The generator packages of the two frameworks. */
export type GeneratorPackage = "@cdktn/provider-generator" | "@cdktf/provider-generator";

/** What the generator reads: the schemas, and each provider's version as `cdktf get` adds it. */
export interface GeneratorInput extends ProvidersSchemaJson {
  /** The version of each provider by source address (from `terraform version -json`). */
  readonly provider_versions?: Readonly<Record<string, string>>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Generates the bindings of every provider in `schema` into `outDir` with `generator`, and returns
 * the files written, by path relative to `outDir` (`providers/<name>/<folder>/index.ts`, …).
 * `importExtension` is the suffix of relative imports (cdktn's generator only; `.js` for ESM).
 */
export function runOfficialGenerator(
  generator: GeneratorPackage,
  schema: GeneratorInput,
  outDir: string,
  importExtension = "",
): Map<string, string> {
  mkdirSync(outDir, { recursive: true });
  const input = join(outDir, "schema.json");
  writeFileSync(input, JSON.stringify(schema));
  try {
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        generator,
        input,
        outDir,
        importExtension,
      ],
      // Telemetry stays off (CHECKPOINT_DISABLE is the switch both CLIs honour).
      { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, stdio: "pipe" },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`${generator} failed on ${input}:\n${stderr}`, { cause: error });
  }
  return readTree(join(outDir, "providers"), outDir);
}

/** Every file under `dir`, by path relative to `base`. */
export function readTree(dir: string, base = dir): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(base, path), readFileSync(path, "utf8"));
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

interface GeneratorModule {
  CodeMaker: new () => { save(dir: string): Promise<void> };
  TerraformProviderGenerator: new (
    code: unknown,
    schema: unknown,
    options?: { importExtension?: string },
  ) => { generateAll(): void };
}

// The child: what `cdktn get` does once it has the schema, minus compiling to other languages.
async function main([generator, input, outDir, importExtension]: string[]): Promise<void> {
  const load = createRequire(join(ROOT, "package.json"));
  const { CodeMaker, TerraformProviderGenerator } = load(generator!) as GeneratorModule;
  const code = new CodeMaker();
  const schema = JSON.parse(readFileSync(input!, "utf8")) as unknown;
  new TerraformProviderGenerator(code, schema, {
    importExtension: importExtension ?? "",
  }).generateAll();
  await code.save(outDir!);
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
