/**
 * The example app (main.ts) deployed with the real cdktf CLI against the emulator: both stacks,
 * the cross-stack reference, a redeploy that changes nothing, and a grant revoked behind
 * Terraform's back.
 */
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { consentThroughEmulator } from "../../../scripts/start/consent.js";
import { CONSUMER, ExampleProject, PRODUCER, emulatorSettings, values } from "./support.js";

describe("the example app deployed with cdktf against the emulator", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  let env: NodeJS.ProcessEnv;

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
    };
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("deploys both stacks: the big profile id exact, the consumer reading the producer", async () => {
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    expect(deploy.output).not.toMatch(/Error/);
    expect(deploy.code).toBe(0);

    const producer = await project.outputs(PRODUCER);
    expect(values(producer)).toMatchObject({
      client_id: emulator.clientId,
      profile_id: "34567890123456789",
      region: "NA",
      api_url: `${emulator.url}/na`,
      country_code: "US",
    });
    expect(producer.refresh_token).toMatchObject({ sensitive: true });
    expect(producer.access_token).toMatchObject({ sensitive: true });
    expect(String(producer.refresh_token?.value)).toMatch(/^Atzr\|/);
    expect(Date.parse(String(producer.access_token_expires_at?.value))).toBeGreaterThan(Date.now());

    const consumer = await project.outputs(CONSUMER);
    expect(values(consumer)).toEqual({
      profile_id: "34567890123456789",
      api_url: `${emulator.url}/na`,
      region: "NA",
      api_headers: {
        "Amazon-Advertising-API-ClientId": emulator.clientId,
        "Amazon-Advertising-API-Scope": "34567890123456789",
      },
      refresh_token: producer.refresh_token?.value,
    });
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
  });

  it("deploys again with no change and redeems no code", async () => {
    emulator.admin.resetCounters();
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    expect(deploy.code).toBe(0);
    expect(deploy.output).toContain("No changes");
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
    // The access token is fresh: nothing asks Amazon for another one.
    expect(emulator.admin.calls("token", "refresh_token")).toBe(0);
  });

  it("plans a new grant, with a warning, once the grant is revoked", async () => {
    const refreshToken = String((await project.outputs(PRODUCER)).refresh_token?.value);
    expect(emulator.admin.revokeGrant(refreshToken)).toBe(true);
    const diff = await project.cdktf(["diff", PRODUCER], env);
    expect(diff.code).toBe(0);
    expect(diff.output).toMatch(/Warning/);
    expect(diff.output).toMatch(/revoked/i);
    expect(diff.output).toMatch(/amazonads_authorization\.\S+ will be created/);
  });
});
