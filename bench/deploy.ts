// npm run bench:deploy [-- --redeploys N]
//
// How long the example app takes with the real cdktf CLI against the emulator: a first
// `cdktf deploy '*'` (the code redeemed, everything created), then N deploys with no change, each
// with the emulator's call counts (a no-change deploy must redeem no code). The project is a
// temporary directory running this repository's main.ts, as in the end-to-end tests.
import { parseArgs } from "node:util";
import { consentThroughEmulator } from "../scripts/start/consent.js";
import { startEmulator } from "../src/emulator/index.js";
import { ExampleProject, emulatorSettings } from "../test/e2e/support/cdktf.js";
import { recordResult } from "./lib/results.js";

const { values } = parseArgs({ options: { redeploys: { type: "string", default: "3" } } });
const redeploys = Number(values.redeploys);
if (!Number.isInteger(redeploys) || redeploys < 1)
  throw new Error("--redeploys must be at least 1.");

const emulator = await startEmulator({ autoApprove: true });
const project = ExampleProject.create();
try {
  const consent = await consentThroughEmulator(emulator);
  const env = {
    ...emulatorSettings(emulator),
    AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
    TF_VAR_authorization_code: consent.code,
    AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
    TF_VAR_code_verifier: consent.codeVerifier,
  };
  const deploy = async (label: string) => {
    emulator.admin.resetCounters();
    const started = performance.now();
    const result = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`${label} failed:\n${result.output}`);
    const traffic = emulator.admin.traffic();
    const calls = Object.fromEntries(
      Object.entries(traffic).map(([endpoint, t]) => [
        endpoint,
        endpoint === "token" ? { calls: t.calls, ...t.byGrantType } : t.calls,
      ]),
    );
    console.log(
      `${label.padEnd(18)} ${seconds.toFixed(1).padStart(5)} s   calls ${JSON.stringify(calls)}`,
    );
    return { seconds, calls };
  };
  const first = await deploy("first deploy");
  const again = [];
  for (let i = 1; i <= redeploys; i++) again.push(await deploy(`no-change deploy ${i}`));
  const sorted = again.map((r) => r.seconds).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`median no-change deploy: ${median.toFixed(1)} s`);
  console.log(
    `results: ${recordResult("deploy", { first, noChange: again, medianNoChangeSeconds: median })}`,
  );
} finally {
  project.remove();
  await emulator.close();
}
