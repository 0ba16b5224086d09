// No-change plans of N connections against the emulator, interleaved with no-change plans of the
// same number of built-in terraform_data resources: times, provider processes and their peak
// memory, and the emulator's token and profile calls during each plan.
import { emulatorVariables, type Emulator } from "../../src/emulator/index.js";
import { baselineConfig, connectionsConfig, seedAdvertisers } from "./connections.js";
import { median } from "./measure.js";
import { TerraformDir } from "./terraform-dir.js";

/** What one connection count measured. */
export interface PlanFigures {
  readonly connections: number;
  readonly runs: number;
  /** Median no-change plan of the connections. */
  readonly planMs: number;
  /** Median no-change plan of connections × 3 terraform_data. */
  readonly baselinePlanMs: number;
  readonly ratio: number;
  /** The largest peak RSS of any provider process over every plan, in MB. */
  readonly rssMb: number;
  /** Provider processes per plan (the most seen in one plan). */
  readonly processes: number;
  /** The most token / profile calls one no-change plan made. */
  readonly tokenCalls: number;
  readonly profileCalls: number;
  /** The most profile requests one plan had in flight at once (Terraform runs 10 nodes at a time). */
  readonly profilePeakConcurrency: number;
  /** Median CPU of one plan: terraform itself, its provider processes, and terraform in the baseline. */
  readonly cpuMs: {
    readonly terraform: number;
    readonly provider: number;
    readonly baseline: number;
  };
  /** How long the first apply (which creates everything) took, for the reader. */
  readonly applyMs: number;
}

/** Plan arguments shared by subject and baseline. */
const PLAN = ["plan", "-no-color", "-input=false", "-detailed-exitcode"];

/**
 * Creates `connections` connections (one apply) and their baseline, then runs `runs` no-change
 * plans of each, alternating which goes first. A plan that proposes changes is an error. `env`
 * adds to the connections' environment (a PATH that chooses the provider's Node.js).
 */
export async function measurePlans(
  emulator: Emulator,
  packageDir: string,
  connections: number,
  runs: number,
  offset: number,
  env: NodeJS.ProcessEnv = {},
): Promise<PlanFigures> {
  const input = seedAdvertisers(emulator, connections, offset);
  const subjectEnv = { ...emulatorVariables(emulator), ...input.env, ...env };
  const subject = TerraformDir.create(`plan-${connections}`, subjectEnv, packageDir);
  const baseline = TerraformDir.create(`baseline-${connections * 3}`, {});
  try {
    subject.configure(connectionsConfig(connections));
    baseline.configure(baselineConfig(connections));
    for (const dir of [subject, baseline]) await dir.expect(["init", "-no-color", "-input=false"]);
    const applyStarted = performance.now();
    await subject.expect(["apply", "-no-color", "-input=false", "-auto-approve"]);
    const applyMs = performance.now() - applyStarted;
    await baseline.expect(["apply", "-no-color", "-input=false", "-auto-approve"]);

    const planMs: number[] = [];
    const baselineMs: number[] = [];
    let rssBytes = 0;
    let processes = 0;
    let tokenCalls = 0;
    let profileCalls = 0;
    let profilePeakConcurrency = 0;
    const terraformCpu: number[] = [];
    const providerCpu: number[] = [];
    const baselineCpu: number[] = [];
    const planSubject = async () => {
      emulator.admin.resetCounters();
      const run = await subject.expect(PLAN);
      planMs.push(run.ms);
      terraformCpu.push(run.memory.terraformCpuMs);
      providerCpu.push(run.memory.providerCpuMs);
      rssBytes = Math.max(rssBytes, run.memory.peakRssBytes);
      processes = Math.max(processes, run.memory.processes);
      tokenCalls = Math.max(tokenCalls, emulator.admin.calls("token"));
      profileCalls = Math.max(profileCalls, emulator.admin.calls("profile"));
      profilePeakConcurrency = Math.max(
        profilePeakConcurrency,
        emulator.admin.peakConcurrency("profile"),
      );
    };
    const planBaseline = async () => {
      const run = await baseline.expect(PLAN);
      baselineMs.push(run.ms);
      baselineCpu.push(run.memory.terraformCpuMs + run.memory.providerCpuMs);
    };
    // One untimed plan each warms the file cache and terraform's own start.
    await subject.expect(PLAN);
    await baseline.expect(PLAN);
    for (let round = 0; round < runs; round++) {
      if (round % 2 === 0) await planSubject().then(planBaseline);
      else await planBaseline().then(planSubject);
    }
    return {
      connections,
      runs,
      planMs: median(planMs),
      baselinePlanMs: median(baselineMs),
      ratio: median(planMs) / median(baselineMs),
      rssMb: rssBytes / 1024 / 1024,
      processes,
      tokenCalls,
      profileCalls,
      profilePeakConcurrency,
      cpuMs: {
        terraform: median(terraformCpu),
        provider: median(providerCpu),
        baseline: median(baselineCpu),
      },
      applyMs,
    };
  } finally {
    subject.remove();
    baseline.remove();
  }
}
