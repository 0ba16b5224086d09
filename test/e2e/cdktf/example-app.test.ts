/**
 * The example app (main.ts) deployed with the real cdktf CLI against the emulator: both stacks,
 * the cross-stack reference, the separate app of examples/cross-stack reading its state, a
 * redeploy that changes nothing, and a grant revoked behind Terraform's back.
 */
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { consentThroughEmulator } from "../../../scripts/start/consent.js";
import {
  CONSUMER,
  ExampleProject,
  PRODUCER,
  ROOT,
  emulatorSettings,
  values,
} from "../support/cdktf.js";

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

  it("feeds examples/cross-stack, a separate app reading the outputs from the state", async () => {
    const reporting = ExampleProject.create(join(ROOT, "examples/cross-stack/main.ts"));
    try {
      const deploy = await reporting.cdktf(["deploy", "--auto-approve"], {
        CONNECTION_STATE: join(project.dir, `terraform.${PRODUCER}.tfstate`),
        CONSUMER_STATE_DIR: reporting.dir,
      });
      expect(deploy.code).toBe(0);
      const outputs = await reporting.outputs("amazon-ads-reporting");
      expect(values(outputs)).toMatchObject({
        profile_id: "34567890123456789",
        region: "NA",
        report_endpoint: `${emulator.url}/na/reporting/reports`,
        api_headers: { "Amazon-Advertising-API-Scope": "34567890123456789" },
      });
      expect(outputs.access_token?.sensitive).toBe(true);
    } finally {
      reporting.remove();
    }
  });

  it("deploys again with no change and redeems no code", async () => {
    emulator.admin.resetCounters();
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], env);
    expect(deploy.code).toBe(0);
    // Each of the two stacks says so (cdktf names the stack on a chunk's first line only, so
    // count the sentences rather than look for them beside the names).
    expect(deploy.output.split("No changes. Your infrastructure matches").length - 1).toBe(2);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
    // The access token is fresh: nothing asks Amazon for another one.
    expect(emulator.admin.calls("token", "refresh_token")).toBe(0);
  });

  it("plans a new grant, with a warning, once the grant is revoked", async () => {
    const refreshToken = String((await project.outputs(PRODUCER)).refresh_token?.value);
    expect(emulator.admin.revokeGrant(refreshToken)).toBe(true);
    // An hour later: the stored access token has expired, so the next plan renews it (the
    // provider checks a grant when it renews, not on every plan) and finds it revoked.
    project.editState(PRODUCER, (resource) => {
      if (resource.type === "amazonads_authorization") {
        resource.instances[0]!.attributes.access_token_expires_at = "2020-01-01T00:00:00Z";
      }
    });
    const diff = await project.cdktf(["diff", PRODUCER], env);
    expect(diff.code).toBe(0);
    expect(diff.output).toContain(
      "Warning: The authorization grant was revoked: removed from state",
    );
    expect(diff.output).toMatch(/# amazonads_authorization\.\S+ (\(\S+\) )?will be created/);
    expect(diff.output).not.toContain(refreshToken);
  });
});
