/**
 * The secret scan of the example app: `cdktf deploy` and `cdktf destroy` of both stacks with the
 * real cdktf CLI at TF_LOG=trace (TF_LOG_PATH inside the project), then, in a second project,
 * deploys that fail: a code that was already redeemed, and a code exchange whose answer arrives
 * truncated. Not one secret the emulator issued or accepted may appear in the commands' stdout or
 * stderr or in any file of either project outside the stacks' state files: cdktf.out (synthesized
 * JSON, the vendored provider, lock files, .terraform), the trace logs, the provider's code cache
 * and the consumer stack's state included: the grant stays in the producer's.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { consentThroughEmulator } from "../../scripts/start/consent.js";
import {
  CONSUMER,
  ExampleProject,
  PRODUCER,
  emulatorSettings,
  type CommandResult,
} from "../e2e/support/cdktf.js";
import { filesBelow, findLeaks, type Scanned } from "../e2e/support/secret-scan.js";

// The producer's local state file (and its backup): where the grant's tokens belong.
const STATE_FILES = new RegExp(`^terraform\\.${PRODUCER}\\.tfstate(\\.backup)?$`);

describe("no secret in any output or file of the example app, cdktf at TF_LOG=trace", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  // A second project for the deploys that fail, so the first keeps the grant its state recorded.
  let failing: ExampleProject;
  let env: NodeJS.ProcessEnv;
  const streams: Scanned[] = [];

  /** Keeps both streams of a command for the scan. */
  function keep(where: string, result: CommandResult): void {
    streams.push({ where: `${where} stdout`, content: result.stdout });
    streams.push({ where: `${where} stderr`, content: result.stderr });
  }

  beforeAll(async () => {
    emulator = await startEmulator({ autoApprove: true });
    project = ExampleProject.create();
    failing = ExampleProject.create();
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
      // The provider's V8 code cache, kept by default in $TMPDIR: here, so the scan reads it too.
      AMAZONADS_CODE_CACHE: join(project.dir, "provider-code-cache"),
    };
  });
  afterAll(async () => {
    project.remove();
    failing.remove();
    await emulator.close();
  });

  it("deploys both stacks", async () => {
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    keep("cdktf deploy", deploy);
    expect(deploy.code).toBe(0);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(existsSync(join(project.dir, `terraform.${PRODUCER}.tfstate`))).toBe(true);
  });

  it("destroys both stacks", async () => {
    const destroy = await project.cdktf(["destroy", "*", "--auto-approve"], env);
    keep("cdktf destroy", destroy);
    expect(destroy.code).toBe(0);
    expect(destroy.output).toContain(CONSUMER);
  });

  it("fails to deploy with the code the first project redeemed: an error on authorization_code", async () => {
    const reused = await failing.cdktf(["deploy", "*", "--auto-approve"], {
      ...env,
      TF_LOG_PATH: join(failing.dir, "terraform-trace-reused-code.log"),
    });
    keep("cdktf deploy (reused code)", reused);
    expect(reused.code).not.toBe(0);
    expect(reused.output).toContain(
      "Error: The authorization code was already redeemed or has expired",
    );
    expect(reused.output).toMatch(/\d+: +"authorization_code": "\$\{var\.authorization_code\}"/);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("fails to deploy when the code exchange's answer arrives truncated: the code may be spent", async () => {
    const consent = await consentThroughEmulator(emulator);
    emulator.admin.injectFault({
      endpoint: "token",
      grantType: "authorization_code",
      kind: "truncated-json",
      times: 1,
    });
    const lost = await failing.cdktf(["deploy", "*", "--auto-approve"], {
      ...env,
      AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
      TF_VAR_authorization_code: consent.code,
      AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
      TF_VAR_code_verifier: consent.codeVerifier,
      TF_LOG_PATH: join(failing.dir, "terraform-trace-lost-answer.log"),
    });
    keep("cdktf deploy (lost answer)", lost);
    expect(lost.code).not.toBe(0);
    expect(lost.output).toContain(
      "Error: The answer to the code exchange was lost: the code may be spent",
    );
    // The emulator did redeem it and sent tokens (half of them): they are among the secrets.
    expect(emulator.admin.calls("token", "authorization_code")).toBe(3);
  });

  it("finds none of the secrets in the output or any file outside the state", () => {
    const secrets = emulator.admin.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const files = [
      ...filesBelow(project.dir, (path) => STATE_FILES.test(path)),
      ...filesBelow(failing.dir, (path) => STATE_FILES.test(path)).map((f) => ({
        ...f,
        where: `failing project: ${f.where}`,
      })),
    ];
    const log = readFileSync(join(project.dir, "terraform-trace.log"), "utf8");
    expect(log).toContain("provider.terraform-provider-amazonads");
    expect(log).toContain("redeeming the authorization code (once)");
    expect(files.some((f) => f.where.endsWith("cdk.tf.json"))).toBe(true);
    expect(files.some((f) => f.where.startsWith("provider-code-cache/"))).toBe(true);
    expect(files.some((f) => f.where === `terraform.${CONSUMER}.tfstate.backup`)).toBe(true);
    // The failing deploys' trace logs hold the provider's side of each refused or lost exchange.
    for (const name of ["reused-code", "lost-answer"]) {
      const failed = readFileSync(join(failing.dir, `terraform-trace-${name}.log`), "utf8");
      expect(failed).toContain("redeeming the authorization code (once)");
      expect(failed).toMatch(/POST \S+\/auth\/o2\/token -> \d{3}/);
    }
    expect(files.some((f) => f.where === "failing project: terraform-trace-lost-answer.log")).toBe(
      true,
    );
    process.stdout.write(
      `cdktf secret scan: ${secrets.length} secrets, ${streams.length} streams, ` +
        `${files.length} files, ${Math.round(log.length / 1024)} KiB of the deploy's trace log\n`,
    );
    expect(findLeaks([...streams, ...files], secrets)).toEqual([]);
    // The scan can see them: the producer's state holds the grant, as it must.
    const state = filesBelow(project.dir, (path) => !path.includes(".tfstate"));
    expect(findLeaks(state, secrets).length).toBeGreaterThan(0);
  });
});
