/**
 * The example app (main.ts) deployed with the real cdktf CLI against the emulator: both stacks,
 * the cross-stack reference, the separate app of examples/cross-stack reading its state and
 * calling the API with its own ephemeral token, a redeploy that changes nothing, and a grant
 * revoked behind Terraform's back. The grant stays in the producer: no token the emulator issued
 * may be in the consumers' states or in any file of their cdktf.out.
 */
import { join } from "node:path";
import { writeCredentialsFile } from "../../../src/amazon-ads/credentials-file.js";
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
import { filesBelow, findLeaks } from "../support/secret-scan.js";

/** The producer's own state files: the one place the grant belongs. */
const PRODUCER_STATE = new RegExp(`^terraform\\.${PRODUCER}\\.tfstate(\\.backup)?$`);

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
      ads_account_id: "amzn1.ads-account.g.emul8acme0utd00rselr0001",
    });
    // The connection publishes no token by default.
    expect(producer.refresh_token).toBeUndefined();
    expect(producer.access_token).toBeUndefined();
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
    });
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
  });

  it("leaves no token in the consumer's state or in any file of cdktf.out, only in the producer's state", () => {
    const secrets = emulator.admin.secrets();
    const consumerState = filesBelow(
      project.dir,
      (path) => !path.startsWith(`terraform.${CONSUMER}`),
    );
    const current = consumerState.find((f) => f.where === `terraform.${CONSUMER}.tfstate`);
    // The consumer did read the producer: its state holds the remote state's outputs.
    expect(String(current?.content)).toContain("34567890123456789");
    const everythingButTheProducerState = filesBelow(project.dir, (path) =>
      PRODUCER_STATE.test(path),
    );
    expect(everythingButTheProducerState.some((f) => f.where.includes("cdk.tf.json"))).toBe(true);
    process.stdout.write(
      `consumer scan: ${secrets.length} secrets, ${everythingButTheProducerState.length} files ` +
        "(cdktf.out and the consumer's state)\n",
    );
    expect(findLeaks(everythingButTheProducerState, secrets)).toEqual([]);
    // The scan can see them: the grant is in the producer's state, as it must be.
    const producerState = filesBelow(project.dir, (path) => !PRODUCER_STATE.test(path));
    expect(findLeaks(producerState, secrets).length).toBeGreaterThan(0);
  });

  it("feeds examples/cross-stack, which calls the API with its own ephemeral token and stores none", async () => {
    const reporting = ExampleProject.create(join(ROOT, "examples/cross-stack/main.ts"));
    try {
      // The reporting team's own grant, from its own `cdktf-amazon-ads login`.
      const credentials = join(reporting.dir, "credentials.json");
      await writeCredentialsFile(credentials, {
        clientId: emulator.clientId,
        region: "NA",
        scopes: ["advertising::campaign_management"],
        refreshToken: emulator.admin.issueRefreshToken().refreshToken,
        grantedAt: "2026-08-01T10:00:00.000Z",
      });
      emulator.admin.resetCounters();
      const { TF_VAR_client_secret: clientSecret, ...settings } = emulatorSettings(emulator);
      const deploy = await reporting.cdktf(["deploy", "--auto-approve"], {
        ...settings,
        AMAZON_ADS_CLIENT_SECRET: clientSecret,
        AMAZON_ADS_CREDENTIALS_FILE: credentials,
        CONNECTION_STATE: join(project.dir, `terraform.${PRODUCER}.tfstate`),
        CONSUMER_STATE_DIR: reporting.dir,
      });
      expect(deploy.output).not.toMatch(/Error/);
      expect(deploy.code).toBe(0);
      const outputs = await reporting.outputs("amazon-ads-reporting");
      expect(values(outputs)).toEqual({
        profile_id: "34567890123456789",
        api_url: `${emulator.url}/na`,
        region: "NA",
        report_endpoint: `${emulator.url}/na/reporting/reports`,
        api_headers: {
          "Amazon-Advertising-API-ClientId": emulator.clientId,
          "Amazon-Advertising-API-Scope": "34567890123456789",
        },
      });
      // The provisioner's script called the API (a refusal would have failed the deploy) with a
      // token opened, at plan and at apply, from the team's own grant.
      expect(emulator.admin.calls("token", "refresh_token")).toBeGreaterThanOrEqual(1);
      expect(emulator.admin.calls("profile")).toBe(1);
      const files = filesBelow(reporting.dir, (path) => path === "credentials.json");
      expect(files.map((f) => f.where)).toContain("terraform.amazon-ads-reporting.tfstate");
      expect(findLeaks(files, emulator.admin.secrets())).toEqual([]);
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
    const refreshToken = project.storedRefreshToken(PRODUCER);
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
