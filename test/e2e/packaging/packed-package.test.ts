/**
 * The npm package as users install it: `npm pack`, installed into a fresh app outside the
 * repository and type-checked against its declarations, deployed with the real framework CLI
 * against the emulator (a producer stack with an AmazonAdsConnection, a consumer reading it),
 * then deployed again with nothing to change.
 * - CDK for Terraform 0.21 on the machine's Node.js; then the same app moved to CDK Terrain as
 *   the README says, deployed with `cdktn` on Node.js 24: the state carries over unchanged.
 * - A fresh CDK Terrain 0.24 app on Node.js 22 (cdktn's CLI needs >= 22.19), and
 *   examples/cross-stack moved to CDK Terrain the same way, reading that app's producer state.
 * A file missing from the package's `files`, a broken `exports` map or a dependency only the
 * repository has fails here: at install, at the app's type-check, at synth or at deploy.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { nodeRuntime, nodeRuntimes, type NodeRuntime } from "../../support/node-runtimes.js";
import { emulatorSettings, ROOT, values } from "../support/cdktf.js";
import { CDKTF, CDKTN, type Framework, PackedApp, packRepository } from "../support/packed-app.js";

const packDir = mkdtempSync(join(tmpdir(), "packed-tarball-"));
let tarball: Promise<string> | undefined;
afterAll(() => rmSync(packDir, { recursive: true, force: true }));

/** Each stack says "No changes" once (the CLI names the stack on a chunk's first line only). */
function noChangeStacks(output: string): number {
  return output.split("No changes. Your infrastructure matches").length - 1;
}

/** A fresh app of `framework` on `runtime`, an emulator, and the deploy's environment. */
function packedApp(framework: Framework, runtime: () => NodeRuntime) {
  const context = {} as { app: PackedApp; emulator: Emulator; env: NodeJS.ProcessEnv };
  beforeAll(async () => {
    tarball ??= packRepository(packDir);
    context.emulator = await startEmulator({ autoApprove: true });
    context.app = await PackedApp.create(await tarball, framework, runtime());
    context.env = {
      ...emulatorSettings(context.emulator),
      TF_VAR_refresh_token: context.emulator.admin.issueRefreshToken().refreshToken,
    };
  });
  afterAll(async () => {
    context.app?.remove();
    await context.emulator?.close();
  });
  return context;
}

/** The global Ads account of the demo US seller profile. */
const ADS_ACCOUNT_ID = "amzn1.ads-account.g.emul8acme0utd00rselr0001";

/** The first deploy of both stacks, and what it published. */
async function expectFirstDeploy(
  app: PackedApp,
  emulator: Emulator,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const deploy = await app.cli(["deploy", "producer", "consumer", "--auto-approve"], env);
  expect(deploy.output).not.toMatch(/Error/);
  expect(deploy.code).toBe(0);
  expect(values(await app.outputs("producer"))).toMatchObject({
    client_id: emulator.clientId,
    profile_id: "34567890123456789",
    region: "NA",
    api_url: `${emulator.url}/na`,
    ads_account_id: ADS_ACCOUNT_ID,
  });
  expect(values(await app.outputs("consumer"))).toEqual({
    profile_id: "34567890123456789",
    region: "NA",
    api_url: `${emulator.url}/na`,
    ads_account_id: ADS_ACCOUNT_ID,
  });
  expect(app.synthesizedOn()).toBe(`v${app.runtime.version}`);
  // The provider ran: one profile lookup and one Ads account lookup; the given grant was used,
  // no code redeemed.
  expect(emulator.admin.calls("profiles")).toBe(1);
  expect(emulator.admin.calls("adsAccounts")).toBe(1);
  expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
}

/** A deploy that finds nothing to change in either stack and asks Amazon for no token. */
async function expectNoChangeDeploy(
  app: PackedApp,
  emulator: Emulator,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  emulator.admin.resetCounters();
  const deploy = await app.cli(["deploy", "producer", "consumer", "--auto-approve"], env);
  expect(deploy.code).toBe(0);
  expect(noChangeStacks(deploy.output)).toBe(2);
  expect(emulator.admin.calls("token")).toBe(0);
  expect(emulator.admin.calls("adsAccounts")).toBe(0);
  expect(values(await app.outputs("consumer"))).toMatchObject({
    profile_id: "34567890123456789",
    ads_account_id: ADS_ACCOUNT_ID,
  });
  expect(app.synthesizedOn()).toBe(`v${app.runtime.version}`);
}

describe("the packed package in a fresh cdktf 0.21 app on the machine's Node.js", () => {
  const run = packedApp(CDKTF, () => nodeRuntimes()[0]!);

  it("deploys the producer and the consumer with cdktf deploy", async () => {
    await expectFirstDeploy(run.app, run.emulator, run.env);
  });

  it("deploys again with nothing to change and no token request", async () => {
    await expectNoChangeDeploy(run.app, run.emulator, run.env);
  });

  it("moves to CDK Terrain (cdktn deploy on Node.js 24) with its state intact", async () => {
    await run.app.moveTo(CDKTN, nodeRuntime(24));
    await expectNoChangeDeploy(run.app, run.emulator, run.env);
  });
});

describe("the packed package in a fresh CDK Terrain 0.24 app on Node.js 22", () => {
  const run = packedApp(CDKTN, () => nodeRuntime(22));

  it("deploys the producer and the consumer with cdktn deploy", async () => {
    await expectFirstDeploy(run.app, run.emulator, run.env);
  });

  it("deploys again with nothing to change and no token request", async () => {
    await expectNoChangeDeploy(run.app, run.emulator, run.env);
  });

  it("runs examples/cross-stack as a CDK Terrain app reading the producer's state", async () => {
    const example = readFileSync(join(ROOT, "examples/cross-stack/main.ts"), "utf8");
    const reporting = await run.app.nestedApp("reporting", example);
    const deploy = await reporting.cli(["deploy", "--auto-approve"], {
      CONNECTION_STATE: join(run.app.dir, "terraform.producer.tfstate"),
      CONSUMER_STATE_DIR: reporting.dir,
    });
    expect(deploy.code).toBe(0);
    expect(values(await reporting.outputs("amazon-ads-reporting"))).toMatchObject({
      profile_id: "34567890123456789",
      region: "NA",
      api_url: `${run.emulator.url}/na`,
      report_endpoint: `${run.emulator.url}/na/reporting/reports`,
    });
  });
});
