/**
 * The npm package as users install it: `npm pack`, installed into a fresh app outside the
 * repository, deployed with the real framework CLI against the emulator (a producer stack with an
 * AmazonAdsConnection and a consumer reading it), then deployed again with nothing to change.
 * CDK for Terraform 0.21 runs on the machine's Node.js; CDK Terrain 0.24 (whose CLI needs Node.js
 * >= 22.19) on Node.js 22 and 24 from the npm registry. A file missing from the package's
 * `files`, a broken `exports` map or a dependency only the repository has fails here: at
 * install, at the app's type-check, at synth or at deploy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { nodeRuntime, nodeRuntimes, type NodeRuntime } from "../../support/node-runtimes.js";
import { emulatorSettings, values } from "../support/cdktf.js";
import {
  CDKTF,
  CDKTN,
  type Framework,
  PackedApp,
  packRepository,
  removeTemplates,
} from "../support/packed-app.js";

const packDir = mkdtempSync(join(tmpdir(), "packed-tarball-"));
let tarball: Promise<string> | undefined;
afterAll(async () => {
  rmSync(packDir, { recursive: true, force: true });
  await removeTemplates();
});

const rounds: [string, Framework, () => NodeRuntime][] = [
  ["cdktf 0.21 on the machine's Node.js", CDKTF, () => nodeRuntimes()[0]!],
  ["cdktn 0.24 on Node.js 22", CDKTN, () => nodeRuntime(22)],
  ["cdktn 0.24 on Node.js 24", CDKTN, () => nodeRuntime(24)],
];

describe.each(rounds)("the packed package in a fresh %s app", (_, framework, runtimeOf) => {
  let emulator: Emulator;
  let app: PackedApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    tarball ??= packRepository(packDir);
    const runtime = runtimeOf();
    emulator = await startEmulator({ autoApprove: true });
    app = await PackedApp.create(await tarball, framework, runtime);
    env = {
      ...emulatorSettings(emulator),
      TF_VAR_refresh_token: emulator.admin.issueRefreshToken().refreshToken,
    };
  });
  afterAll(async () => {
    app?.remove();
    await emulator?.close();
  });

  it(`deploys the producer and the consumer with ${framework.name} deploy`, async () => {
    const deploy = await app.cli(["deploy", "producer", "consumer", "--auto-approve"], env);
    expect(deploy.output).not.toMatch(/Error/);
    expect(deploy.code).toBe(0);

    expect(values(await app.outputs("producer"))).toMatchObject({
      client_id: emulator.clientId,
      profile_id: "34567890123456789",
      region: "NA",
      api_url: `${emulator.url}/na`,
    });
    expect(values(await app.outputs("consumer"))).toEqual({
      profile_id: "34567890123456789",
      region: "NA",
      api_url: `${emulator.url}/na`,
      synthesized_on: `v${app.runtime.version}`,
    });
    // The provider ran: one profile lookup, one access token for the given grant.
    expect(emulator.admin.calls("profiles")).toBe(1);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
  });

  it("deploys again with nothing to change and no token request", async () => {
    emulator.admin.resetCounters();
    const deploy = await app.cli(["deploy", "producer", "consumer", "--auto-approve"], env);
    expect(deploy.code).toBe(0);
    // Each stack says so once (the CLI names the stack on a chunk's first line only).
    expect(deploy.output.split("No changes. Your infrastructure matches").length - 1).toBe(2);
    expect(emulator.admin.calls("token")).toBe(0);
  });
});
