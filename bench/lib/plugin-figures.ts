// What bench:plugin measures for each provider variant, in one run on the same machine:
//   starts  exec → handshake line and exec → GetProviderSchema answered (mutual TLS, as Terraform
//           connects), interleaved with `node -e 0`;
//   plans   no-change plans of N connections against the emulator: the provider processes' CPU,
//           divided by the RPCs Terraform made (counted once from its own trace log).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emulatorVariables, type Emulator } from "../../src/emulator/index.js";
import { connectionsConfig, seedAdvertisers } from "./connections.js";
import { liveOnce, type ProviderLife } from "./first-call.js";
import { median, sample } from "./measure.js";
import type { PluginEnvironment } from "./plugin-env.js";
import type { BuiltVariant } from "./plugin-variants.js";
import { TerraformDir } from "./terraform-dir.js";

/** Start-up figures of one variant (medians, ms; CPU is a mean). */
export interface StartFigures {
  readonly handshakeMs: number;
  readonly schemaMs: number;
  /** CPU time of the whole provider process, exec → exit after Shutdown (steadier than wall time on a busy machine). */
  readonly cpuMs: number;
}

// CPU of this process's reaped children (cutime + cstime of /proc/self/stat), in ms.
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * 10;
}

/**
 * Start-ups, compared in pairs: for each variant after the first, `runs` rounds of one start of
 * the first variant and one of it, in alternating order (so that neither always follows the other
 * on a busy machine), and one `node -e 0`. Each variant's figures are medians of its own samples;
 * the first variant's are over every pair.
 */
export async function measureStarts(
  variants: readonly BuiltVariant[],
  plugin: PluginEnvironment,
  runs: number,
): Promise<{
  nodeMs: number;
  byVariant: Map<string, StartFigures>;
  /** The first variant's figures from the pairs with each other variant, by that variant's name. */
  baseBeside: Map<string, StartFigures>;
}> {
  const client = plugin.client;
  if (!client) throw new Error("bench:plugin needs openssl for Terraform's client certificate.");
  const [base, ...others] = variants;
  if (!base) throw new Error("no variants");
  const samples = new Map<string, { life: ProviderLife; cpuMs: number }[]>(
    variants.map((v) => [v.name, []]),
  );
  const node: number[] = [];
  // The first variant's samples are kept per pairing too, for deltas taken side by side.
  const paired = new Map<string, { life: ProviderLife; cpuMs: number }[]>(
    others.map((v) => [v.name, []]),
  );
  const start = async (variant: BuiltVariant, pairedWith: string | undefined) => {
    const before = childrenCpuMs();
    const life = await liveOnce(variant.executable, plugin.env, client);
    // The provider has exited and been reaped: its CPU is in this process's children's.
    const cpuMs = childrenCpuMs() - before;
    if (pairedWith === undefined) return;
    samples.get(variant.name)?.push({ life, cpuMs });
    if (variant === base) paired.get(pairedWith)?.push({ life, cpuMs });
  };
  for (const other of others) {
    for (let round = -1; round < runs; round++) {
      const pair = round % 2 === 0 ? [base, other] : [other, base];
      for (const variant of pair) await start(variant, round >= 0 ? other.name : undefined);
      const nodeRun = await sample({
        label: "node -e 0",
        command: process.execPath,
        args: ["-e", "0"],
        env: process.env,
        until: "exit",
      });
      if (round >= 0) node.push(nodeRun.ms);
    }
  }
  const figures = (kept: readonly { life: ProviderLife; cpuMs: number }[]): StartFigures => ({
    handshakeMs: median(kept.map((s) => s.life.handshakeMs)),
    schemaMs: median(kept.map((s) => s.life.schemaMs)),
    cpuMs: kept.reduce((sum, s) => sum + s.cpuMs, 0) / kept.length,
  });
  return {
    nodeMs: median(node),
    byVariant: new Map(variants.map((v) => [v.name, figures(samples.get(v.name) ?? [])])),
    baseBeside: new Map(others.map((v) => [v.name, figures(paired.get(v.name) ?? [])])),
  };
}

/** Plan figures of one variant (medians). */
export interface PlanCpuFigures {
  readonly planMs: number;
  readonly providerCpuMs: number;
  readonly cpuPerRpcUs: number;
}

const PLAN = ["plan", "-no-color", "-input=false", "-detailed-exitcode"];

/**
 * Applies `connections` connections once (with the first variant), gives every variant its own
 * working directory with a copy of that state, then runs `runs` no-change plans per variant,
 * round-robin, after one untimed plan each. Returns the RPC count and figures by variant name.
 */
export async function measurePlanCpu(
  variants: readonly BuiltVariant[],
  emulator: Emulator,
  connections: number,
  runs: number,
): Promise<{ rpcs: number; byVariant: Map<string, PlanCpuFigures> }> {
  const input = seedAdvertisers(emulator, connections, 10_000);
  const env = { ...emulatorVariables(emulator), ...input.env };
  const dirs = variants.map((v) => TerraformDir.create(`plugin-${v.name}`, env, v.packageDir));
  const scratch = mkdtempSync(join(tmpdir(), "bench-plugin-log-"));
  try {
    for (const dir of dirs) {
      dir.configure(connectionsConfig(connections));
      await dir.expect(["init", "-no-color", "-input=false"]);
    }
    const [first, ...others] = dirs;
    if (!first) throw new Error("no variants");
    await first.expect(["apply", "-no-color", "-input=false", "-auto-approve"]);
    for (const dir of others) {
      copyFileSync(join(first.dir, "terraform.tfstate"), join(dir.dir, "terraform.tfstate"));
    }
    // Terraform traces every provider RPC it makes; the count is the same for every variant.
    const log = join(scratch, "core.log");
    await first.expect(PLAN, [0], { TF_LOG_CORE: "trace", TF_LOG_PATH: log });
    const rpcs = (readFileSync(log, "utf8").match(/GRPCProvider\.v6: [A-Z]\w+/g) ?? []).length;
    for (const dir of others) await dir.expect(PLAN);
    const cpu = variants.map(() => [] as number[]);
    const wall = variants.map(() => [] as number[]);
    for (let round = 0; round < runs; round++) {
      for (let k = 0; k < dirs.length; k++) {
        const index = (k + round) % dirs.length;
        const run = await dirs[index]!.expect(PLAN);
        cpu[index]!.push(run.memory.providerCpuMs);
        wall[index]!.push(run.ms);
      }
    }
    const byVariant = new Map<string, PlanCpuFigures>();
    variants.forEach((v, i) => {
      const providerCpuMs = median(cpu[i]!);
      byVariant.set(v.name, {
        planMs: median(wall[i]!),
        providerCpuMs,
        cpuPerRpcUs: (providerCpuMs / rpcs) * 1000,
      });
    });
    return { rpcs, byVariant };
  } finally {
    for (const dir of dirs) dir.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}
