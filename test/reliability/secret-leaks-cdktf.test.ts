/**
 * The secret scan of the example app: `cdktf deploy` and `cdktf destroy` of both stacks with the
 * real cdktf CLI at TF_LOG=trace (TF_LOG_PATH inside the project). Not one secret the emulator
 * issued or accepted may appear in the commands' output or in any file of the project outside the
 * stacks' state files: cdktf.out (synthesized JSON, the vendored provider, lock files, .terraform)
 * and the trace log included.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { consentThroughEmulator } from "../../scripts/start/consent.js";
import { CONSUMER, ExampleProject, PRODUCER, emulatorSettings } from "../e2e/support/cdktf.js";
import { filesBelow, findLeaks, type Scanned } from "../e2e/support/secret-scan.js";

// The stacks' local state files (and their backups): Terraform's state, where tokens belong.
const STATE_FILES = /^terraform\.[\w-]+\.tfstate(\.backup)?$/;

describe("no secret in any output or file of the example app, cdktf at TF_LOG=trace", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  let env: NodeJS.ProcessEnv;
  const streams: Scanned[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ autoApprove: true });
    project = ExampleProject.create();
    const consent = await consentThroughEmulator(emulator);
    env = {
      ...emulatorSettings(emulator),
      AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
      TF_VAR_authorization_code: consent.code,
      AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
      TF_VAR_code_verifier: consent.codeVerifier,
      AMAZON_ADS_REDIRECT_URI: consent.redirectUri,
      TF_LOG: "trace",
      TF_LOG_PATH: join(project.dir, "terraform-trace.log"),
    };
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("deploys both stacks", async () => {
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    streams.push({ where: "cdktf deploy", content: deploy.output });
    expect(deploy.code).toBe(0);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(existsSync(join(project.dir, `terraform.${PRODUCER}.tfstate`))).toBe(true);
  });

  it("destroys both stacks", async () => {
    const destroy = await project.cdktf(["destroy", "*", "--auto-approve"], env);
    streams.push({ where: "cdktf destroy", content: destroy.output });
    expect(destroy.code).toBe(0);
    expect(destroy.output).toContain(CONSUMER);
  });

  it("finds none of the secrets in the output or any file outside the state", () => {
    const secrets = emulator.admin.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const files = filesBelow(project.dir, (path) => STATE_FILES.test(path));
    const log = readFileSync(join(project.dir, "terraform-trace.log"), "utf8");
    expect(log).toContain("provider.terraform-provider-amazonads");
    expect(log).toContain("redeeming the authorization code (once)");
    expect(files.some((f) => f.where.endsWith("cdk.tf.json"))).toBe(true);
    process.stdout.write(
      `cdktf secret scan: ${secrets.length} secrets, ${files.length} files, ` +
        `${Math.round(log.length / 1024)} KiB of trace log\n`,
    );
    expect(findLeaks([...streams, ...files], secrets)).toEqual([]);
    // The scan can see them: the producer's state holds the grant, as it must.
    const state = filesBelow(project.dir, (path) => !path.includes(".tfstate"));
    expect(findLeaks(state, secrets).length).toBeGreaterThan(0);
  });
});
