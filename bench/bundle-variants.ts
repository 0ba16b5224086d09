// npm run bench:bundle [-- --entry FILE] [--runs N]
//
// Why the provider bundle is minified CommonJS: bundles the entry (default src/provider/main.ts,
// or the packaging fixture before it exists) as CJS and ESM, minified and not, and times each
// from exec to its handshake line with plain `node <bundle>`; then the package as built (the
// minified CJS program behind its launcher, through its sh shim), with `node -e 0` as the floor
// and `sh -c true` for the shim's own start. All interleaved.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bundleProvider } from "../src/plugin/packaging/bundle.js";
import { buildAmazonadsPackage } from "./lib/amazonads-package.js";
import { interleave, median, quantile, type Subject } from "./lib/measure.js";
import { pluginEnvironment } from "./lib/plugin-env.js";
import { recordResult } from "./lib/results.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { entry: { type: "string" }, runs: { type: "string", default: "21" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 15)
  throw new Error("--runs must be an integer of at least 15.");
const main = join(root, "src/provider/main.ts");
const entry =
  values.entry ?? (existsSync(main) ? main : join(root, "test/fixtures/packaging/entry.ts"));

const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
try {
  const { env, tls } = pluginEnvironment();
  const subjects: Subject[] = [];
  const sizes: Record<string, number> = {};
  for (const format of ["cjs", "esm"] as const) {
    for (const minify of [true, false]) {
      const label = `node ${format}${minify ? " minified" : ""}`;
      const outFile = join(
        dir,
        `${format}-${minify ? "min" : "full"}.${format === "cjs" ? "cjs" : "mjs"}`,
      );
      const built = await bundleProvider({ entry, outFile, format, minify, rootDir: root });
      sizes[label] = built.bytes;
      subjects.push({ label, command: process.execPath, args: [outFile], env, until: "line" });
    }
  }
  const pkg = await buildAmazonadsPackage(dir, entry);
  subjects.push(
    {
      label: "shim → launcher → node cjs minified",
      command: join(pkg.dir, pkg.files.executable),
      args: [],
      env,
      until: "line",
    },
    { label: "sh -c true", command: "/bin/sh", args: ["-c", "true"], env, until: "exit" },
    { label: "node -e 0", command: process.execPath, args: ["-e", "0"], env, until: "exit" },
  );
  console.log(`entry: ${entry}\n${tls}; ${runs} runs each, interleaved\n`);
  const samples = await interleave(subjects, runs);
  const figures = subjects.map((subject, index) => {
    const times = (samples[index] ?? []).map((s) => s.ms);
    return {
      label: subject.label,
      medianMs: median(times),
      p90Ms: quantile(times, 0.9),
      bytes: sizes[subject.label],
    };
  });
  const width = Math.max(...figures.map((f) => f.label.length));
  console.log(`${"".padEnd(width)}    median       p90     bundle`);
  for (const f of figures) {
    const size = f.bytes === undefined ? "" : `${(f.bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `${f.label.padEnd(width)}  ${f.medianMs.toFixed(1).padStart(6)} ms  ${f.p90Ms.toFixed(1).padStart(6)} ms  ${size.padStart(9)}`,
    );
  }
  const of = (label: string) => figures.find((f) => f.label === label)?.medianMs ?? NaN;
  // Two ~200 ms medians differ by ±15 ms from noise on a busy machine, far more than the shim's
  // few milliseconds, so the difference is printed with its main part measured on its own.
  console.log(
    `\npackage − plain bundle: ${(of("shim → launcher → node cjs minified") - of("node cjs minified")).toFixed(1)} ms ` +
      `(noisy; the code cache is in the package's favour); the shim's own work is one sh start (${of("sh -c true").toFixed(1)} ms)`,
  );
  const file = recordResult("bundleVariants", {
    measuredAt: new Date().toISOString(),
    node: process.version,
    entry: entry.slice(root.length),
    runs,
    figures: figures.map((f) => ({
      ...f,
      medianMs: Math.round(f.medianMs * 10) / 10,
      p90Ms: Math.round(f.p90Ms * 10) / 10,
    })),
  });
  console.log(`written to ${file} (key "bundleVariants")`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
