/**
 * The example app in the EU and FE regions: the provider's endpoints follow the region through
 * the `{region}` placeholder, and the profile is served by its country's region.
 */
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ExampleProject, PRODUCER, CONSUMER, emulatorSettings, values } from "../support/cdktf.js";

describe.each([
  ["EU", "UK", "1209876543210987"],
  ["FE", "JP", "67890123456789012"],
])("the example app deployed in region %s", (region, countryCode, profileId) => {
  let emulator: Emulator;
  let project: ExampleProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = ExampleProject.create();
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it(`selects the ${countryCode} profile from that region's API host`, async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorSettings(emulator),
      AMAZON_ADS_REGION: region,
      AMAZON_ADS_COUNTRY_CODE: countryCode,
      AMAZON_ADS_REFRESH_TOKEN: refreshToken,
      TF_VAR_refresh_token: refreshToken,
    });
    expect(deploy.code).toBe(0);
    const expected = {
      profile_id: profileId,
      region,
      api_url: `${emulator.url}/${region.toLowerCase()}`,
    };
    expect(values(await project.outputs(PRODUCER))).toMatchObject({
      ...expected,
      country_code: countryCode,
    });
    expect(values(await project.outputs(CONSUMER))).toMatchObject(expected);
  });
});
