// npm run bench:code-cache [-- --runs N]
//
// Node.js's built-in compile cache (`module.enableCompileCache()`, Node.js ≥ 22.8) against the
// launcher's own V8 code cache (src/plugin/packaging/launcher.ts), on each Node.js it finds: a
// whole provider start as Terraform lives it (exec → handshake → GetProviderSchema answered) of
// the package as built, which uses the built-in where there is one; the same with the built-in
// disabled (NODE_DISABLE_COMPILE_CACHE=1), which leaves the launcher's own cache; and with no
// cache at all. Each cache is warm. Wall time and CPU time (all threads), medians of interleaved
// runs; CPU is the steadier figure on a shared machine.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cacheVariableFor } from "../src/plugin/packaging/shim.js";
import { PROVIDER_TYPE } from "../src/provider/provider-address.js";
import { nodeRuntimes, withNodeOnPath, type NodeRuntime } from "../test/support/node-runtimes.js";
import { buildAmazonadsPackage } from "./lib/amazonads-package.js";
import { liveOnce, type ProviderLife } from "./lib/first-call.js";
import { interleave, median, type Subject } from "./lib/measure.js";
import { pluginEnvironment } from "./lib/plugin-env.js";
import { recordResult } from "./lib/results.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "21" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5)
  throw new Error("--runs must be an integer of at least 5.");

const plugin = pluginEnvironment();
const client = plugin.client;
if (!client)
  throw new Error(`This benchmark talks to the provider over mutual TLS: ${plugin.tls}.`);
const dir = mkdtempSync(join(tmpdir(), "bench-code-cache-"));
try {
  const pkg = await buildAmazonadsPackage(dir);
  const executable = join(pkg.dir, pkg.files.executable);
  const results: { node: string; figures: VariantFigures[] }[] = [];
  for (const node of nodeRuntimes()) {
    const env = {
      ...withNodeOnPath(node, plugin.env),
      [cacheVariableFor(PROVIDER_TYPE)]: mkdtempSync(join(dir, "cache-")),
    };
    const variant = (label: string, extra: NodeJS.ProcessEnv): Subject => ({
      label,
      command: executable,
      args: [],
      env: { ...env, ...extra },
      until: "line",
    });
    const subjects = [
      variant("launcher's own cache", { NODE_DISABLE_COMPILE_CACHE: "1" }),
      ...(hasCompileCache(node) ? [variant("Node.js compile cache", {})] : []),
      variant("no cache", { [cacheVariableFor(PROVIDER_TYPE)]: "off" }),
    ];
    console.log(`… Node.js ${node.version}: ${subjects.length} variants × ${runs} runs`);
    const lives = new Map<string, ProviderLife[]>(subjects.map((s) => [s.label, []]));
    await interleave(subjects, runs, 2, (subject) =>
      liveOnce(subject.command, subject.env, client).then((life) => {
        lives.get(subject.label)!.push(life);
        return { ms: life.handshakeMs, output: "" };
      }),
    );
    const figures = subjects.map(({ label }): VariantFigures => {
      const measured = lives.get(label)!.slice(-runs);
      const of = (pick: (life: ProviderLife) => number) => median(measured.map(pick));
      return {
        label,
        handshake_ms: of((l) => l.handshakeMs),
        schema_ms: of((l) => l.schemaMs),
        handshake_cpu_ms: of((l) => l.handshakeCpuMs),
        schema_cpu_ms: of((l) => l.schemaCpuMs),
      };
    });
    results.push({ node: node.version, figures });
  }
  const ours = (figures: VariantFigures[]) => figures[0]!.schema_cpu_ms;
  console.log(`\n${plugin.tls}; medians of ${runs} interleaved runs after 2 warm-up rounds\n`);
  console.log(
    `${"Node.js".padEnd(9)} ${"variant".padEnd(24)} ${"→ handshake".padStart(12)} ${"→ schema".padStart(10)} ${"CPU → hs".padStart(10)} ${"CPU → schema".padStart(13)} vs own cache`,
  );
  for (const { node, figures } of results) {
    for (const f of figures) {
      console.log(
        `${node.padEnd(9)} ${f.label.padEnd(24)} ${ms(f.handshake_ms).padStart(12)} ${ms(f.schema_ms).padStart(10)} ` +
          `${ms(f.handshake_cpu_ms).padStart(10)} ${ms(f.schema_cpu_ms).padStart(13)} ${(f.schema_cpu_ms / ours(figures)).toFixed(2)}×`,
      );
    }
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  const file = recordResult("codeCache", {
    measuredAt: new Date().toISOString(),
    runs,
    nodes: results.map(({ node, figures }) => ({
      node,
      figures: figures.map((f) => ({
        label: f.label,
        handshake_ms: round(f.handshake_ms),
        schema_ms: round(f.schema_ms),
        handshake_cpu_ms: round(f.handshake_cpu_ms),
        schema_cpu_ms: round(f.schema_cpu_ms),
      })),
    })),
  });
  console.log(`\nwritten to ${file} (key "codeCache")`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Medians of one variant on one Node.js. */
interface VariantFigures {
  readonly label: string;
  readonly handshake_ms: number;
  readonly schema_ms: number;
  readonly handshake_cpu_ms: number;
  readonly schema_cpu_ms: number;
}

function hasCompileCache(node: NodeRuntime): boolean {
  const printed = execFileSync(
    node.bin,
    ["-p", 'typeof require("node:module").enableCompileCache'],
    {
      encoding: "utf8",
    },
  );
  return printed.trim() === "function";
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
