/**
 * AmazonAdsConnection with writeOnlyCode, deployed by the real cdktf CLI against the emulator: the
 * code and its PKCE verifier, fed from ephemeral variables, reach the provider once and nothing
 * cdktf or Terraform keeps on disk (state, cdk.tf.json, plan files, .terraform) nor the deploy's
 * output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeChallenge } from "../../../src/amazon-ads/index.js";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ExampleProject, ROOT, emulatorSettings, values } from "../support/cdktf.js";
import { filesBelow, findLeaks } from "../support/secret-scan.js";

const STACK = "write-only";
const VERIFIER = "cdktf-write-only-verifier-".padEnd(64, "v");

describe("a connection with writeOnlyCode, deployed with cdktf (Terraform 1.11)", () => {
  let emulator: Emulator;
  let project: ExampleProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = ExampleProject.create(join(ROOT, "test/fixtures/write-only-code/main.ts"));
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("redeems the code once and keeps neither code nor verifier anywhere", async () => {
    const code = emulator.admin.issueCode({
      codeChallenge: codeChallenge(VERIFIER),
      codeChallengeMethod: "S256",
    });
    const deploy = await project.cdktf(["deploy", STACK, "--auto-approve"], {
      ...emulatorSettings(emulator),
      TF_VAR_authorization_code: code,
      TF_VAR_code_verifier: VERIFIER,
    });
    if (deploy.code !== 0) throw new Error(deploy.output);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);

    const outputs = values(await project.outputs(STACK));
    expect(outputs.profile_id).toBe("34567890123456789");
    expect(outputs.refresh_token_expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const synthesized = readFileSync(
      join(project.dir, "cdktf.out/stacks", STACK, "cdk.tf.json"),
      "utf8",
    );
    expect(synthesized).toContain('"authorization_code_wo": "${var.authorization_code}"');
    expect(synthesized).toContain('"code_verifier_wo": "${var.code_verifier}"');
    // The state holds the grant (its refresh token), and that is all it holds of the consent.
    expect(project.storedRefreshToken(STACK)).toMatch(/^Atzr\|/);
    const kept = [...filesBelow(project.dir), { where: "deploy output", content: deploy.output }];
    expect(kept.map((k) => k.where)).toContain(`terraform.${STACK}.tfstate`);
    expect(findLeaks(kept, [code, VERIFIER])).toEqual([]);
  });
});
