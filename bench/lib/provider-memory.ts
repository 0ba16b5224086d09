// Peak memory of provider processes while a terraform command runs: /proc is polled for children
// of the terraform process whose command line names the provider's bundle, and each one's VmHWM
// (its peak RSS so far) is kept. VmHWM only grows, so a late sample loses at most the growth of
// the last interval. The same polls read CPU time (utime + stime) of terraform itself and of each
// provider process, which splits a plan's CPU between Terraform and the provider; each process's
// last poll may miss up to one interval of its CPU. (Terraform's cutime would count reaped
// providers exactly, but a last poll before terraform exits can come before the last reaping.)
// Linux only; elsewhere nothing is seen.
import { readdirSync, readFileSync } from "node:fs";

/** What a watch saw. */
export interface ProviderMemory {
  /** Provider processes seen. */
  readonly processes: number;
  /** The largest peak RSS among them, in bytes (NaN when none was seen). */
  readonly peakRssBytes: number;
  /** CPU time of the terraform process itself, in ms (NaN when /proc could not be read). */
  readonly terraformCpuMs: number;
  /** CPU time of the provider processes together, in ms. */
  readonly providerCpuMs: number;
}

// /proc/<pid>/stat counts CPU time in clock ticks; Linux reports 100 per second to user space.
const MS_PER_TICK = 10;

/** utime + stime of `pid`, in ms; undefined once it is gone. */
function cpuOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const at = (field: number) => Number(fields[field - 3]);
    return (at(14) + at(15)) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}

/** A running watch; `stop` ends the polling and reports. */
export interface MemoryWatch {
  stop(): ProviderMemory;
}

/**
 * Polls every `intervalMs` for children of `parentPid` whose command line contains `marker`.
 * The shim `exec`s node, so the provider process is terraform's own child.
 */
export function watchProviderMemory(
  parentPid: number,
  marker: string,
  intervalMs = 20,
): MemoryWatch {
  const peaks = new Map<number, number>();
  const providerCpu = new Map<number, number>();
  let terraformCpu: number | undefined;
  const poll = () => {
    terraformCpu = cpuOf(parentPid) ?? terraformCpu;
    let pids: string[];
    try {
      // Children are younger than their parent: only higher pids need a look (barring wrap-around).
      pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name) && Number(name) > parentPid);
    } catch {
      return;
    }
    for (const pid of pids) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== parentPid) continue;
        if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker)) continue;
        const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
        if (Number.isFinite(kib))
          peaks.set(Number(pid), Math.max(peaks.get(Number(pid)) ?? 0, kib));
        const cpu = cpuOf(Number(pid));
        if (cpu !== undefined) providerCpu.set(Number(pid), cpu);
      } catch {
        // The process ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const values = [...peaks.values()];
      return {
        processes: values.length,
        peakRssBytes: values.length === 0 ? NaN : Math.max(...values) * 1024,
        terraformCpuMs: terraformCpu ?? NaN,
        providerCpuMs: [...providerCpu.values()].reduce((sum, ms) => sum + ms, 0),
      };
    },
  };
}
