// `npm start`: the main job end to end — a real `cdktf deploy '*'` of the example app (main.ts),
// then the outputs of both stacks.
//
// Without AMAZON_ADS_CLIENT_ID in the environment it runs on an embedded default: it starts the
// Amazon Ads emulator in this process, obtains an authorization code through the emulator's
// consent flow (PKCE), and deploys against the emulator. Each run starts a fresh emulator, whose
// grants the last run's state would not know, so the demo keeps its state (and its cdktf.out) in
// .demo-state/ and empties it at the start of every run. With AMAZON_ADS_CLIENT_ID set it deploys
// against Amazon with the environment as given, keeping state and cdktf.out in the repository (or
// AMAZON_ADS_EXAMPLE_STATE_DIR); main.ts documents the variables it reads.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorEndpointVariables, startEmulator, type Emulator } from "../src/emulator/index.js";
import { consentThroughEmulator } from "./start/consent.js";
import { formatOutputs, formatTraffic, readOutputs, synthesizedStacks } from "./start/outputs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

// main.ts chooses the grant source by these names (cdktf hides TF_VAR_* from the app at synth);
// Terraform reads the values from the Terraform variables.
const SECRET_VARIABLES = {
  AMAZON_ADS_REFRESH_TOKEN: "TF_VAR_refresh_token",
  AMAZON_ADS_AUTHORIZATION_CODE: "TF_VAR_authorization_code",
  AMAZON_ADS_CODE_VERIFIER: "TF_VAR_code_verifier",
} as const;

/**
 * The environment with each secret also under its Terraform variable name, and cdktf's shared
 * plugin cache left off.
 */
function withTerraformVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    ...env,
    CHECKPOINT_DISABLE: "1",
    // Each stack carries its own copy of the provider, so ~/.terraform.d/plugin-cache (which
    // cdktf points Terraform at) saves nothing, and another deploy re-filling it at the same
    // moment can pull the provider from under this one ("Failed to read any lines").
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: env.CDKTF_DISABLE_PLUGIN_CACHE_ENV ?? "1",
  };
  for (const [name, variable] of Object.entries(SECRET_VARIABLES)) {
    if (out[name] && !out[variable]) out[variable] = out[name];
  }
  return out;
}

async function demoEnv(emulator: Emulator, stateDir: string): Promise<NodeJS.ProcessEnv> {
  const consent = await consentThroughEmulator(emulator);
  console.log("npm start: consented through the emulator's consent page (PKCE S256).");
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only the demo's own grant source and selectors: drop any the shell may carry.
  for (const name of Object.keys(env)) {
    if (name.startsWith("AMAZON_ADS_") || name.startsWith("TF_VAR_")) delete env[name];
  }
  return withTerraformVariables({
    ...env,
    // Per-region emulator URLs: the provider replaces {region} with na, eu or fe.
    ...emulatorEndpointVariables(emulator),
    AMAZON_ADS_CLIENT_ID: emulator.clientId,
    TF_VAR_client_secret: emulator.clientSecret,
    AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
    AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
    AMAZON_ADS_REDIRECT_URI: consent.redirectUri,
    AMAZON_ADS_EXAMPLE_STATE_DIR: stateDir,
  });
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${[command, ...args].join(" ")} failed (${signal ?? `exit ${code}`}).`),
          ),
    );
  });
}

/**
 * Deploys into `<state dir>/cdktf.out`: terraform remembers each stack's backend in its working
 * directory, so one working directory per state location means switching between the demo and
 * Amazon (or between state directories) never trips "Backend configuration changed".
 */
async function deployAndShow(stateDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const outdir = join(stateDir, "cdktf.out");
  mkdirSync(stateDir, { recursive: true }); // cdktf creates cdktf.out but not its parents
  const cdktf = join(root, "node_modules", ".bin", "cdktf");
  await run(cdktf, ["deploy", "*", "--auto-approve", "--output", outdir], env);
  await showOutputs(outdir, env);
}

async function showOutputs(outdir: string, env: NodeJS.ProcessEnv): Promise<void> {
  for (const stack of synthesizedStacks(outdir)) {
    const outputs = await readOutputs(stack.dir, env);
    // cdktf's plumbing for the cross-stack references: shown by count, not by name.
    const plumbing = Object.keys(outputs).filter((name) => name.startsWith("cross-stack-output-"));
    for (const name of plumbing) delete outputs[name];
    const note =
      plumbing.length > 0 ? ` (and ${plumbing.length} cross-stack outputs for the consumer)` : "";
    console.log(`\nOutputs of stack ${stack.name}${note}:`);
    for (const line of formatOutputs(outputs)) console.log(`  ${line}`);
  }
}

async function main(): Promise<void> {
  if (process.env.AMAZON_ADS_CLIENT_ID) {
    console.log("npm start: AMAZON_ADS_CLIENT_ID is set: deploying against Amazon.");
    await deployAndShow(
      resolve(process.env.AMAZON_ADS_EXAMPLE_STATE_DIR ?? root),
      withTerraformVariables(process.env),
    );
    return;
  }
  const stateDir = join(root, ".demo-state");
  rmSync(stateDir, { recursive: true, force: true });
  console.log(
    `npm start: no AMAZON_ADS_CLIENT_ID: running on the local emulator, with fresh state in ` +
      `${relative(root, stateDir)}/ (each run starts a new emulator).`,
  );
  const emulator = await startEmulator({ autoApprove: true });
  try {
    console.log(`npm start: emulator listening on ${emulator.url}`);
    await deployAndShow(stateDir, await demoEnv(emulator, stateDir));
    console.log("\nEmulator calls (endpoint: requests):");
    for (const line of formatTraffic(emulator.admin.traffic())) console.log(`  ${line}`);
  } finally {
    await emulator.close();
  }
}

try {
  await main();
  console.log(`\nnpm start: done in ${seconds()} s.`);
} catch (error) {
  console.error(
    `\nnpm start: ${error instanceof Error ? error.message : String(error)} (after ${seconds()} s)`,
  );
  process.exitCode = 1;
}
