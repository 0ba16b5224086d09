// npm run bench:plugin [-- --start-runs N] [--plan-runs N] [--connections N]
//
// The plugin host's hand-written parts against maintained libraries, on the same provider in one
// run: each library replaces one part at bundle time (bench/lib/plugin-variants.ts), everything
// else being the shipped program. For each: bundle size, exec → handshake, exec → schema
// answered, and provider CPU per RPC in a no-change plan of 200 connections. A library is worth
// adopting when it costs at most 10 ms of start-up and 10 % of CPU per RPC; the table says which.
// Writes bench/results.json key "plugin". Decisions and their reasons: docs/design/plugin-libraries.md.
import { parseArgs } from "node:util";
import { startEmulator } from "../src/emulator/index.js";
import { measurePlanCpu, measureStarts } from "./lib/plugin-figures.js";
import { pluginEnvironment } from "./lib/plugin-env.js";
import { buildVariants } from "./lib/plugin-variants.js";
import { recordResult } from "./lib/results.js";

/** Adopt a library that costs no more than this. */
const ADOPT = { startupMs: 10, cpuPerRpc: 0.1 };

const { values } = parseArgs({
  options: {
    "start-runs": { type: "string", default: "25" },
    "plan-runs": { type: "string", default: "3" },
    connections: { type: "string", default: "200" },
  },
});
const startRuns = positive("start-runs");
const planRuns = positive("plan-runs");
const connections = positive("connections");
const began = performance.now();

progress("building the variants");
const variants = await buildVariants();
progress(`start-ups (${startRuns} pairs of the shipped provider and each variant)`);
const starts = await measureStarts(variants, pluginEnvironment(), startRuns);
progress(`plans of ${connections} connections (${planRuns} each, after one untimed)`);
const emulator = await startEmulator();
let plans: Awaited<ReturnType<typeof measurePlanCpu>>;
try {
  plans = await measurePlanCpu(variants, emulator, connections, planRuns);
} finally {
  await emulator.close();
}

const shipped = variants[0]!;
const shippedStart = starts.byVariant.get(shipped.name)!;
const shippedPlan = plans.byVariant.get(shipped.name)!;
const rows = variants.map((v) => {
  const start = starts.byVariant.get(v.name)!;
  const plan = plans.byVariant.get(v.name)!;
  // Against the shipped provider's starts in the same pairs.
  const beside = starts.baseBeside.get(v.name) ?? shippedStart;
  // Every delta is the library's cost over the hand-written code, whichever of them ships.
  const direction = v.swappedIn === "own" ? -1 : 1;
  const startupDeltaMs = Math.max(
    direction * (start.handshakeMs - beside.handshakeMs),
    direction * (start.schemaMs - beside.schemaMs),
  );
  const startCpuDeltaMs = direction * (start.cpuMs - beside.cpuMs);
  const cpuDelta =
    v.swappedIn === "own"
      ? shippedPlan.cpuPerRpcUs / plan.cpuPerRpcUs - 1
      : plan.cpuPerRpcUs / shippedPlan.cpuPerRpcUs - 1;
  const adopt = startupDeltaMs <= ADOPT.startupMs && cpuDelta <= ADOPT.cpuPerRpc;
  const isShipped = v === shipped;
  return {
    variant: v.name,
    part: v.part || "(the shipped provider)",
    swapped_in: isShipped ? "" : v.swappedIn === "own" ? "former own code" : v.library,
    library: v.library,
    bundle_kb: round(v.bundleBytes / 1024),
    handshake_ms: round(start.handshakeMs),
    schema_ms: round(start.schemaMs),
    start_cpu_ms: round(start.cpuMs),
    plan_ms: round(plan.planMs),
    provider_cpu_ms: round(plan.providerCpuMs),
    cpu_per_rpc_us: round(plan.cpuPerRpcUs),
    library_startup_delta_ms: isShipped ? 0 : round(startupDeltaMs),
    library_start_cpu_delta_ms: isShipped ? 0 : round(startCpuDeltaMs),
    library_cpu_per_rpc_delta_pct: isShipped ? 0 : round(cpuDelta * 100),
    verdict: isShipped ? "" : adopt ? `use ${v.library}` : "keep own code",
  };
});

const header = [
  "part",
  "swapped in",
  "bundle",
  "exec→handshake",
  "exec→schema",
  "start CPU",
  "CPU/RPC",
  "library Δ start-up",
  "library Δ start CPU",
  "library Δ CPU/RPC",
  "verdict",
];
const table = [
  header,
  ...rows.map((r) => [
    r.part,
    r.swapped_in,
    `${r.bundle_kb.toFixed(0)} KB`,
    `${r.handshake_ms.toFixed(0)} ms`,
    `${r.schema_ms.toFixed(0)} ms`,
    `${r.start_cpu_ms.toFixed(0)} ms`,
    `${r.cpu_per_rpc_us.toFixed(0)} µs`,
    r.variant === shipped.name ? "" : `${sign(r.library_startup_delta_ms)} ms`,
    r.variant === shipped.name ? "" : `${sign(r.library_start_cpu_delta_ms)} ms`,
    r.variant === shipped.name ? "" : `${sign(r.library_cpu_per_rpc_delta_pct)} %`,
    r.verdict,
  ]),
];
const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? "").length)));
console.log("");
for (const row of table) {
  console.log(
    row
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}
console.log(
  `\nnode -e 0: ${starts.nodeMs.toFixed(0)} ms; ${plans.rpcs} RPCs per ${connections}-connection plan ` +
    `(CPU/RPC = provider CPU of the plan, its process starts included, / RPCs).` +
    "\nstart CPU: the provider process's CPU from exec to its exit after Shutdown (mean)." +
    "\nlibrary Δ: what the library costs over the hand-written code (start-ups taken in pairs)." +
    `\nUse the library when its Δ start-up ≤ ${ADOPT.startupMs} ms (the larger of the two ` +
    `start-up columns) and its Δ CPU/RPC ≤ ${ADOPT.cpuPerRpc * 100} %.`,
);
const file = recordResult("plugin", {
  measuredAt: new Date().toISOString(),
  node: process.version,
  runs: { start: startRuns, plan: planRuns },
  connections,
  rpcs_per_plan: plans.rpcs,
  node_ms: round(starts.nodeMs),
  variants: rows,
  seconds: round((performance.now() - began) / 1000),
});
console.log(`results: ${file}`);

function positive(name: "start-runs" | "plan-runs" | "connections"): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer.`);
  return value;
}

function progress(what: string): void {
  console.log(`… ${what} (${((performance.now() - began) / 1000).toFixed(0)} s)`);
}

function sign(value: number): string {
  return `${value >= 0 ? "+" : ""}${value.toFixed(value !== 0 && Math.abs(value) < 10 ? 1 : 0)}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
