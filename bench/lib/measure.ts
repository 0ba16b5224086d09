// Timing helpers shared by the benchmarks: start a process, time it to its first stdout line (a
// plugin's handshake) or to its exit, and read its memory while it runs.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A command to start. */
export interface Subject {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** `line`: stop the clock at the first stdout line; `exit`: when the process exits. */
  readonly until: "line" | "exit";
}

/** One timed start. */
export interface Sample {
  readonly ms: number;
  /** The first stdout line (`until: "line"`), or all of stdout. */
  readonly output: string;
  /** Resident set size in bytes when the line arrived; undefined for `until: "exit"`. */
  readonly rssBytes?: number;
  /** Peak resident set size in bytes when the line arrived (Linux only). */
  readonly peakRssBytes?: number;
}

/**
 * Starts `subject` once and times it; ends a still-running process after its first line with
 * SIGTERM, so that it cleans up (a provider removes its socket directory).
 */
export function sample(subject: Subject): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(subject.command, [...subject.args], {
      env: subject.env,
      stdio: ["pipe", "pipe", "ignore"],
    });
    let stdout = "";
    let result: Sample | undefined;
    child.on("error", reject);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (subject.until === "line" && result === undefined && newline >= 0) {
        const ms = performance.now() - started;
        result = { ms, output: stdout.slice(0, newline), ...memoryOf(child.pid) };
        child.kill("SIGTERM");
      }
    });
    child.on("exit", () => {
      const ms = performance.now() - started;
      // Wait for exit even after the line, so runs never overlap.
      resolve(result ?? { ms, output: stdout });
    });
  });
}

/** Reads a live process's current and peak RSS (Linux /proc; `ps` elsewhere). */
export function memoryOf(pid: number | undefined): { rssBytes?: number; peakRssBytes?: number } {
  if (pid === undefined) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
    return { rssBytes: kib("VmRSS"), peakRssBytes: kib("VmHWM") };
  } catch {
    const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
    const kib = Number(ps.stdout.trim());
    return Number.isFinite(kib) && kib > 0 ? { rssBytes: kib * 1024 } : {};
  }
}

/**
 * CPU time a live process has used so far, all its threads together, in milliseconds, from the
 * scheduler's nanosecond counters (Linux /proc/<pid>/task/<tid>/schedstat); NaN elsewhere. Unlike
 * wall time it hardly moves when other processes compete for the cores.
 */
export function cpuTimeMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return NaN;
  }
  let nanoseconds = 0;
  for (const task of tasks) {
    try {
      nanoseconds += Number(
        readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0],
      );
    } catch {
      // A thread that ended between the listing and the read: its time is lost, a few µs at most.
    }
  }
  return nanoseconds / 1e6;
}

/**
 * Samples every subject `runs` times, interleaved (a round starts each subject once, in an order
 * that rotates every round) after `warmup` discarded rounds, so drift hits all subjects alike.
 * `custom` may take over a subject's run (returning undefined leaves it to {@link sample}).
 */
export async function interleave(
  subjects: readonly Subject[],
  runs: number,
  warmup = 2,
  custom?: (subject: Subject) => Promise<Sample> | undefined,
): Promise<Sample[][]> {
  const samples: Sample[][] = subjects.map(() => []);
  for (let round = -warmup; round < runs; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const index = (k + Math.max(round, 0)) % subjects.length;
      const subject = subjects[index];
      if (subject === undefined) continue;
      const taken = await (custom?.(subject) ?? sample(subject));
      if (round >= 0) samples[index]?.push(taken);
    }
  }
  return samples;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The q-quantile (0..1) of some numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** Formats bytes as MB with one decimal. */
export function mb(bytes: number | undefined): string {
  return bytes === undefined || Number.isNaN(bytes)
    ? "n/a"
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
