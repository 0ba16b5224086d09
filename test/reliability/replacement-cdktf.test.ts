/**
 * A grant replaced by a new code that fails, in the example app deployed with the real cdktf CLI:
 * the AuthorizationGrant construct makes a replacement before it forgets the old grant, so the
 * failed deploy leaves the working grant in state and the stacks' outputs as they were.
 */
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { consentThroughEmulator } from "../../scripts/start/consent.js";
import { ExampleProject, PRODUCER, emulatorSettings, values } from "../e2e/support/cdktf.js";

describe("the example app given a new code that fails", () => {
  let emulator: Emulator;
  let project: ExampleProject;

  beforeAll(async () => {
    emulator = await startEmulator({ autoApprove: true });
    project = ExampleProject.create();
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  /** The environment for a deploy redeeming a fresh consent's code. */
  async function withNewCode(): Promise<NodeJS.ProcessEnv> {
    const consent = await consentThroughEmulator(emulator);
    return {
      ...emulatorSettings(emulator),
      AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
      TF_VAR_authorization_code: consent.code,
      AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
      TF_VAR_code_verifier: consent.codeVerifier,
      AMAZON_ADS_REDIRECT_URI: consent.redirectUri,
    };
  }

  it("keeps the working grant and the outputs when the new code has expired", async () => {
    const firstEnv = await withNewCode();
    const first = await project.cdktf(["deploy", PRODUCER, "--auto-approve"], firstEnv);
    expect(first.code).toBe(0);
    const before = values(await project.outputs(PRODUCER));
    const grant = project.storedRefreshToken(PRODUCER);
    expect(grant).toMatch(/^Atzr\|/);

    const expired = await withNewCode();
    emulator.admin.advanceClock(301);
    const failed = await project.cdktf(["deploy", PRODUCER, "--auto-approve"], expired);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("The authorization code was already redeemed or has expired");
    expect(failed.output).not.toContain(String(expired.TF_VAR_authorization_code));
    expect(values(await project.outputs(PRODUCER))).toEqual(before);
    expect(project.storedRefreshToken(PRODUCER)).toBe(grant);

    // The kept grant still serves the configuration it came from: nothing to change or redeem.
    emulator.admin.resetCounters();
    const again = await project.cdktf(["deploy", PRODUCER, "--auto-approve"], firstEnv);
    expect(again.code).toBe(0);
    expect(again.output).toContain("No changes");
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
    expect(values(await project.outputs(PRODUCER))).toEqual(before);
  });
});
