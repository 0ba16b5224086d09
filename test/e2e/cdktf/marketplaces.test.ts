/**
 * One connection for a seller in eight marketplaces (`countryCodes`), deployed with the real cdktf
 * CLI against the emulator: the profiles map output by country (Ads accounts included), the
 * single-profile outputs of the first country, and one country read by key.
 */
import { join } from "node:path";
import {
  MARKETPLACE_SELLER_USER_ID,
  startEmulator,
  type Emulator,
} from "../../../src/emulator/index.js";
import { ExampleProject, ROOT, emulatorSettings, values } from "../support/cdktf.js";

const STACK = "marketplaces";
const COUNTRIES = ["DE", "US", "CA", "UK", "FR", "IT", "ES", "JP"];
// The seed's seller has one Ads account, listing every marketplace but ES.
const GLOBEX = "amzn1.ads-account.g.emul8gl0bexgearselr0004";

describe("a connection over eight marketplaces (countryCodes)", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = ExampleProject.create(join(ROOT, "test/fixtures/marketplaces/main.ts"));
    const grant = emulator.admin.issueRefreshToken({ userId: MARKETPLACE_SELLER_USER_ID });
    env = { ...emulatorSettings(emulator), TF_VAR_refresh_token: grant.refreshToken };
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("deploys one grant and one profile set, publishing a map of profiles by country", async () => {
    const deploy = await project.cdktf(["deploy", STACK, "--auto-approve"], env);
    expect([deploy.code, deploy.code === 0 ? "" : deploy.output]).toEqual([0, ""]);
    expect(deploy.output).not.toContain(String(env.TF_VAR_refresh_token));
    const outputs = values(await project.outputs(STACK));
    const profiles = outputs.profiles as Record<string, Record<string, string | null>>;
    expect(Object.keys(profiles).sort()).toEqual([...COUNTRIES].sort());
    expect(profiles.US).toMatchObject({
      profile_id: "71000000000000101", // above 2^53, exact
      region: "NA",
      api_url: `${emulator.url}/na`,
      marketplace_id: "ATVPDKIKX0DER",
      ads_account_id: GLOBEX,
    });
    expect(profiles.ES!.ads_account_id).toBeNull();
    expect(profiles.UK).toMatchObject({ region: "EU", api_url: `${emulator.url}/eu` });
    // The single-profile outputs are the first country's.
    expect(outputs).toMatchObject({
      country_code: "DE",
      profile_id: profiles.DE!.profile_id,
      region: "EU",
      api_url: `${emulator.url}/eu`,
      jp_api_url: `${emulator.url}/fe`,
      ads_account_id: GLOBEX,
      jp_ads_account_id: GLOBEX,
    });
    // One listing per region for eight countries: the apply's selection (plans list nothing yet).
    expect(emulator.admin.calls("profiles")).toBe(3);
    expect(emulator.admin.calls("profile")).toBe(0);
    // And one Ads account listing per region for the eight countries' accounts.
    expect(emulator.admin.calls("adsAccounts")).toBe(3);
  });
});
