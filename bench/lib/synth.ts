// `cdktf synth` of the example app (main.ts, the repository's cdktf.json) against a bare CDKTF app
// with one TerraformOutput (bench/fixtures/bare-app), both run the same way (`node --import tsx`),
// interleaved, each into a temporary output directory.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./measure.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CDKTF = join(ROOT, "node_modules/.bin/cdktf");

/** What the synth comparison measured. */
export interface SynthFigures {
  readonly runs: number;
  readonly synthMs: number;
  readonly bareSynthMs: number;
  readonly ratio: number;
}

/** Times `runs` synths of each app, alternating which goes first, after one untimed round. */
export async function measureSynth(runs: number): Promise<SynthFigures> {
  const scratch = mkdtempSync(join(tmpdir(), "bench-synth-"));
  try {
    const example = () =>
      synth(ROOT, join(scratch, "example"), {
        // The app needs a grant source; synth never reads the secret's value.
        AMAZON_ADS_REFRESH_TOKEN: "set-for-synth",
        AMAZON_ADS_EXAMPLE_STATE_DIR: scratch,
      });
    const bare = () => synth(join(ROOT, "bench/fixtures/bare-app"), join(scratch, "bare"), {});
    await example();
    await bare();
    const exampleMs: number[] = [];
    const bareMs: number[] = [];
    for (let round = 0; round < runs; round++) {
      const order = round % 2 === 0 ? [example, bare] : [bare, example];
      for (const run of order) (run === example ? exampleMs : bareMs).push(await run());
    }
    return {
      runs,
      synthMs: median(exampleMs),
      bareSynthMs: median(bareMs),
      ratio: median(exampleMs) / median(bareMs),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function synth(cwd: string, output: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const clean: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(clean)) {
      if (/^(AMAZON_ADS_|TF_VAR_|TF_LOG)/.test(name)) delete clean[name];
    }
    const started = performance.now();
    const child = spawn(CDKTF, ["synth", "--output", output], {
      cwd,
      env: { ...clean, CHECKPOINT_DISABLE: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`cdktf synth in ${cwd} exited ${code}:\n${log}`));
    });
  });
}
