/**
 * Two advertiser connections in one stack (two LwaApps, so two aliased providers, NA and EU),
 * deployed with the real cdktf CLI against the emulator, then deployed again with no change.
 */
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ExampleProject, ROOT, emulatorSettings, values } from "../support/cdktf.js";

const STACK = "two-connections";

describe("two connections in one stack (two LwaApps, NA and EU)", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = ExampleProject.create(join(ROOT, "test/fixtures/two-connections/main.ts"));
    env = {
      ...emulatorSettings(emulator),
      TF_VAR_us_refresh_token: emulator.admin.issueRefreshToken().refreshToken,
      TF_VAR_de_refresh_token: emulator.admin.issueRefreshToken().refreshToken,
    };
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("deploys both, each through its own provider alias and region", async () => {
    const deploy = await project.cdktf(["deploy", STACK, "--auto-approve"], env);
    expect(deploy.code).toBe(0);
    const outputs = values(await project.outputs(STACK));
    expect(outputs).toMatchObject({
      us_region: "NA",
      us_country_code: "US",
      us_api_url: `${emulator.url}/na`,
      de_region: "EU",
      de_country_code: "DE",
      de_api_url: `${emulator.url}/eu`,
    });
    expect(outputs.us_profile_id).toMatch(/^\d+$/);
    expect(outputs.de_profile_id).toMatch(/^\d+$/);
    expect(outputs.us_profile_id).not.toBe(outputs.de_profile_id);
    expect(deploy.output).not.toContain(String(env.TF_VAR_us_refresh_token));
    expect(deploy.output).not.toContain(String(env.TF_VAR_de_refresh_token));
  });

  it("deploys again with no change: no token call, one profile read per connection", async () => {
    emulator.admin.resetCounters();
    const deploy = await project.cdktf(["deploy", STACK, "--auto-approve"], env);
    expect(deploy.code).toBe(0);
    expect(deploy.output).toMatch(/No changes\./);
    expect(emulator.admin.calls("token")).toBe(0);
    expect(emulator.admin.calls("profile")).toBe(2);
    // Each profile's Ads account was looked up when it was selected, not again.
    expect(emulator.admin.calls("adsAccounts")).toBe(0);
  });
});
