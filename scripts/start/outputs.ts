/**
 * Reading and showing what a deploy produced: each stack's Terraform outputs (sensitive values
 * shown as `<sensitive>`) and the emulator's call counts.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TrafficSnapshot } from "../../src/emulator/index.js";

/** One output as `terraform output -json` reports it. */
export interface StackOutput {
  readonly sensitive: boolean;
  readonly value: unknown;
}

/** The stacks of a synthesized app, in the manifest's order, with their working directories. */
export function synthesizedStacks(outdir: string): { name: string; dir: string }[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { workingDirectory: string }>;
  };
  return Object.entries(manifest.stacks).map(([name, stack]) => ({
    name,
    dir: join(outdir, stack.workingDirectory),
  }));
}

/** A stack's outputs, read with `terraform output -json` (no provider runs). */
export function readOutputs(
  stackDir: string,
  env: NodeJS.ProcessEnv,
): Promise<Record<string, StackOutput>> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", ["output", "-json"], { cwd: stackDir, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as Record<string, StackOutput>);
      else
        reject(
          new Error(`terraform output failed in ${stackDir} (exit ${code}): ${stderr.trim()}`),
        );
    });
  });
}

/** `name = value` lines, aligned, with sensitive values replaced by `<sensitive>`. */
export function formatOutputs(outputs: Record<string, StackOutput>): string[] {
  const names = Object.keys(outputs).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((name) => {
    const output = outputs[name]!;
    const shown = output.sensitive
      ? "<sensitive>"
      : typeof output.value === "string"
        ? output.value
        : JSON.stringify(output.value);
    return `${name.padEnd(width)} = ${shown}`;
  });
}

/** `endpoint: calls` lines, with the token endpoint's calls by grant type. */
export function formatTraffic(traffic: TrafficSnapshot): string[] {
  const width = Math.max(0, ...Object.keys(traffic).map((endpoint) => endpoint.length));
  return Object.entries(traffic).map(([endpoint, counters]) => {
    const byType = Object.entries(counters.byGrantType)
      .map(([type, calls]) => `${type} ${calls}`)
      .join(", ");
    return `${endpoint.padEnd(width)} ${counters.calls}${byType ? ` (${byType})` : ""}`;
  });
}
