// npm run bench [-- --startup-runs N] [--plan-runs N] [--scale-runs N] [--synth-runs N]
//
// The provider's performance, each figure beside its baseline measured in the same run (this
// machine is noisy: subject and baseline runs alternate, and medians are reported):
//   start-up   exec → handshake of the built package vs exec → exit of `node -e 0`
//   plan       a no-change plan of one connection (app + grant + profile) against the emulator
//              vs the same plan of three terraform_data resources
//   scale      no-change plans of 1, 50 and 200 connections vs 3 × as many terraform_data: time,
//              peak RSS of the provider processes, token and profile calls of each plan
//   synth      `cdktf synth` of main.ts vs a bare app with one TerraformOutput
//   Node.js    on each Node.js it finds (this one, and the 22 and 24 that `npm ci` installs into
//              tools/node-runtimes/): start-up beside that Node.js's own `node -e 0`, the
//              one-connection plan beside its terraform_data baseline, and lossless JSON parsing
//              (the parser written here vs JSON.parse with source text)
// It prints a table and writes bench/results.json (keeping other benchmarks' keys). The default
// repetition counts keep a run on a fresh clone well under 10 minutes on 2 cores.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PROVIDER_PACKAGE_PATH } from "../src/constructs/provider-package.js";
import { startEmulator } from "../src/emulator/index.js";
import { nodeRuntimes, withNodeOnPath } from "../test/support/node-runtimes.js";
import { measureJsonParse } from "./lib/json-parse.js";
import { measurePlans, type PlanFigures } from "./lib/plans.js";
import { recordResults } from "./lib/results.js";
import { measureStartup, type StartupFigures } from "./lib/startup-figures.js";
import { measureSynth } from "./lib/synth.js";

const GOALS = { startupRatio: 1.5, planRatio: 6, scaleRatio: 2 };
const SCALE = [1, 50, 200] as const;

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    "startup-runs": { type: "string", default: "21" },
    "plan-runs": { type: "string", default: "9" },
    "scale-runs": { type: "string", default: "3" },
    "synth-runs": { type: "string", default: "3" },
  },
});
const runs = {
  startup: count("startup-runs", 5),
  plan: count("plan-runs", 3),
  scale: count("scale-runs", 1),
  synth: count("synth-runs", 1),
};

const began = performance.now();
const packageDir = join(root, PROVIDER_PACKAGE_PATH);
if (!existsSync(packageDir)) {
  console.log(`${PROVIDER_PACKAGE_PATH}/ is missing: building it (npm run build)…`);
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
}
const terraform = execFileSync("terraform", ["version"], { encoding: "utf8" }).split("\n")[0];
console.log(
  `${process.version}, ${terraform}; runs: start-up ${runs.startup}, plan ${runs.plan}, ` +
    `scale ${runs.scale} per size (after one untimed plan each), synth ${runs.synth}\n`,
);

const [ownNode, ...otherNodes] = nodeRuntimes();
progress("start-up");
const startup = await measureStartup(packageDir, runs.startup);
const emulator = await startEmulator();
const scale: PlanFigures[] = [];
const elsewhere: { startup: StartupFigures; plan: PlanFigures }[] = [];
try {
  let offset = 0;
  for (const connections of SCALE) {
    progress(`plans of ${connections} connection(s)`);
    scale.push(
      await measurePlans(
        emulator,
        packageDir,
        connections,
        connections === 1 ? runs.plan : runs.scale,
        offset,
      ),
    );
    offset += connections;
  }
  for (const node of otherNodes) {
    progress(`Node.js ${node.version}: start-up and a one-connection plan`);
    const path = { PATH: withNodeOnPath(node).PATH };
    elsewhere.push({
      startup: await measureStartup(packageDir, runs.startup, node),
      plan: await measurePlans(emulator, packageDir, 1, runs.plan, offset++, path),
    });
  }
} finally {
  await emulator.close();
}
progress("cdktf synth");
const synth = await measureSynth(runs.synth);
progress("lossless JSON parsing on each Node.js");
const json = [ownNode!, ...otherNodes].map(measureJsonParse);

const single = scale[0]!;
const largest = scale[scale.length - 1]!;
// This Node.js's figures come from the sections above; the others' from their own runs.
const perNode = [{ startup, plan: single }, ...elsewhere].map((figures, index) => ({
  ...figures,
  json: json[index]!,
}));
// The least a one-connection plan can cost: Terraform's own plan plus three bare Node.js starts
// (one per provider process Terraform starts for a plan).
const planFloorMs = 3 * startup.nodeMs + single.baselinePlanMs;
const results = {
  startup_ms: round(startup.startupMs),
  node_ms: round(startup.nodeMs),
  startup_ratio: round(startup.ratio),
  startup_no_cache_ms: round(startup.startupNoCacheMs),
  startup_without_extra_ca: startup.withoutExtraCa
    ? {
        startup_ms: round(startup.withoutExtraCa.startupMs),
        node_ms: round(startup.withoutExtraCa.nodeMs),
        ratio: round(startup.withoutExtraCa.startupMs / startup.withoutExtraCa.nodeMs),
      }
    : null,
  // What Terraform waits for in all: exec → GetProviderSchema answered, and → exit after Shutdown.
  startup_schema_ms: startup.schemaMs === undefined ? null : round(startup.schemaMs),
  startup_exit_ms: startup.exitMs === undefined ? null : round(startup.exitMs),
  plan_ms: round(single.planMs),
  baseline_plan_ms: round(single.baselinePlanMs),
  plan_ratio: round(single.ratio),
  plan_floor_ms: round(planFloorMs),
  plan_floor_ratio: round(single.planMs / planFloorMs),
  scale: scale.map((f) => ({
    connections: f.connections,
    plan_ms: round(f.planMs),
    baseline_plan_ms: round(f.baselinePlanMs),
    ratio: round(f.ratio),
    rss_mb: round(f.rssMb),
    provider_processes: f.processes,
    token_calls_second_plan: f.tokenCalls,
    profile_calls_second_plan: f.profileCalls,
    profile_peak_concurrency: f.profilePeakConcurrency,
    // Where a plan's CPU goes: terraform itself, the provider processes, terraform in the baseline.
    terraform_cpu_ms: round(f.cpuMs.terraform),
    provider_cpu_ms: round(f.cpuMs.provider),
    baseline_cpu_ms: round(f.cpuMs.baseline),
    apply_ms: round(f.applyMs),
  })),
  scale_ratio: round(largest.ratio),
  synth_ms: round(synth.synthMs),
  bare_synth_ms: round(synth.bareSynthMs),
  synth_ratio: round(synth.ratio),
  node_versions: perNode.map((n) => ({
    node: n.json.node,
    startup_ms: round(n.startup.startupMs),
    node_ms: round(n.startup.nodeMs),
    startup_ratio: round(n.startup.ratio),
    startup_no_cache_ms: round(n.startup.startupNoCacheMs),
    startup_schema_ms: n.startup.schemaMs === undefined ? null : round(n.startup.schemaMs),
    plan_ms: round(n.plan.planMs),
    baseline_plan_ms: round(n.plan.baselinePlanMs),
    plan_ratio: round(n.plan.ratio),
    plan_provider_cpu_ms: round(n.plan.cpuMs.provider),
    plan_provider_rss_mb: round(n.plan.rssMb),
    json_by_hand_us: round(n.json.byHandUs),
    json_source_text_us: n.json.withSourceTextUs === null ? null : round(n.json.withSourceTextUs),
    json_plain_us: round(n.json.plainJsonParseUs),
  })),
  bench: {
    measuredAt: new Date().toISOString(),
    node: process.version,
    terraform,
    platform: `${process.platform}_${process.arch}`,
    tls: startup.tls,
    runs,
    seconds: round((performance.now() - began) / 1000),
  },
};

const ms = (value: number) => `${value.toFixed(0)} ms`;
const rows: string[][] = [
  ["figure", "subject", "baseline", "ratio", "goal"],
  [
    "start-up (exec → handshake)",
    ms(startup.startupMs),
    `${ms(startup.nodeMs)} node -e 0`,
    ratio(startup.ratio),
    goal(startup.ratio <= GOALS.startupRatio, `≤ ${GOALS.startupRatio}`),
  ],
  [
    "  same, code cache off",
    ms(startup.startupNoCacheMs),
    "",
    ratio(startup.startupNoCacheMs / startup.nodeMs),
    "",
  ],
  // Node.js 20 reads NODE_EXTRA_CA_CERTS while booting: without it, node -e 0 is much faster.
  ...(startup.withoutExtraCa
    ? [
        [
          "  same, no NODE_EXTRA_CA_CERTS",
          ms(startup.withoutExtraCa.startupMs),
          `${ms(startup.withoutExtraCa.nodeMs)} node -e 0`,
          ratio(startup.withoutExtraCa.startupMs / startup.withoutExtraCa.nodeMs),
          "",
        ],
      ]
    : []),
  // Work done after the handshake still delays Terraform: the whole start, as it lives it.
  ...(startup.schemaMs === undefined || startup.exitMs === undefined
    ? []
    : [
        [
          "  exec → schema answered",
          ms(startup.schemaMs),
          "",
          ratio(startup.schemaMs / startup.nodeMs),
          "",
        ],
        [
          "  exec → exit after Shutdown",
          ms(startup.exitMs),
          "",
          ratio(startup.exitMs / startup.nodeMs),
          "",
        ],
      ]),
  ...scale.map((f) => [
    `plan, ${f.connections} connection(s)`,
    ms(f.planMs),
    `${ms(f.baselinePlanMs)} ${f.connections * 3} terraform_data`,
    ratio(f.ratio),
    f.connections === 1
      ? goal(f.ratio <= GOALS.planRatio, `≤ ${GOALS.planRatio}`)
      : f === largest
        ? goal(f.ratio <= GOALS.scaleRatio, `≤ ${GOALS.scaleRatio}`)
        : "",
  ]),
  [
    "  plan, 1 connection, vs its floor",
    ms(single.planMs),
    `${ms(planFloorMs)} 3 × node -e 0 + terraform_data`,
    ratio(single.planMs / planFloorMs),
    "",
  ],
  ...scale.map((f) => [
    `  ${f.connections}: provider peak RSS, processes`,
    `${f.rssMb.toFixed(1)} MB`,
    `${f.processes} processes`,
    "",
    "",
  ]),
  ...scale.map((f) => [
    `  ${f.connections}: token / profile calls`,
    `${f.tokenCalls} / ${f.profileCalls}`,
    `at most ${f.profilePeakConcurrency} at once`,
    "",
    goal(f.tokenCalls === 0 && f.profileCalls <= f.connections, `0 / ≤ ${f.connections}`),
  ]),
  ...scale.map((f) => [
    `  ${f.connections}: CPU, terraform alone + provider`,
    `${ms(f.cpuMs.terraform)} + ${ms(f.cpuMs.provider)}`,
    `${ms(f.cpuMs.baseline)} terraform`,
    ratio(f.cpuMs.terraform / f.cpuMs.baseline),
    "",
  ]),
  ["cdktf synth", ms(synth.synthMs), `${ms(synth.bareSynthMs)} bare app`, ratio(synth.ratio), ""],
  ...perNode.flatMap((n) => [
    [
      `Node.js ${n.json.node}: start-up`,
      ms(n.startup.startupMs),
      `${ms(n.startup.nodeMs)} its node -e 0`,
      ratio(n.startup.ratio),
      "",
    ],
    [
      "  plan, 1 connection (provider CPU)",
      `${ms(n.plan.planMs)} (${ms(n.plan.cpuMs.provider)})`,
      `${ms(n.plan.baselinePlanMs)} 3 terraform_data`,
      ratio(n.plan.ratio),
      "",
    ],
    n.json.withSourceTextUs === null
      ? ["  lossless JSON (by hand)", `${n.json.byHandUs.toFixed(0)} µs`, "no source text", "", ""]
      : [
          "  lossless JSON (source text)",
          `${n.json.withSourceTextUs.toFixed(0)} µs`,
          `${n.json.byHandUs.toFixed(0)} µs by hand`,
          ratio(n.json.withSourceTextUs / n.json.byHandUs),
          "",
        ],
  ]),
];
const widths = rows[0]!.map((_, column) =>
  Math.max(...rows.map((row) => (row[column] ?? "").length)),
);
console.log("");
for (const row of rows) {
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}
console.log(
  "\nCPU rows: the ratio is terraform's own CPU in the plan over the whole baseline plan's CPU," +
    "\nwhich a provider that cost nothing would still leave (Terraform's work per gRPC resource).",
);
const rssGrowth = largest.rssMb - single.rssMb;
console.log(
  `\nprovider memory from ${single.connections} to ${largest.connections} connections: ` +
    `${rssGrowth >= 0 ? "+" : ""}${rssGrowth.toFixed(1)} MB ` +
    `(${((rssGrowth * 1024) / (largest.connections - single.connections)).toFixed(0)} KB per connection)`,
);
console.log(`results: ${recordResults(results)} (${results.bench.seconds} s)`);

function count(name: keyof typeof values, min: number): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer of at least ${min}.`);
  }
  return value;
}

function progress(what: string): void {
  console.log(`… ${what} (${((performance.now() - began) / 1000).toFixed(0)} s)`);
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

function goal(met: boolean, text: string): string {
  return `${text} ${met ? "met" : "MISSED"}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
