/** The example app's third grant source: a credentials file as `cdktf-amazon-ads login` writes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeCredentialsFile } from "../../../src/amazon-ads/credentials-file.js";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ExampleProject, PRODUCER, emulatorSettings, values } from "../support/cdktf.js";

describe("the example app with AMAZON_ADS_CREDENTIALS_FILE", () => {
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

  it("adopts the file's grant into state, the file's path being all cdk.tf.json holds", async () => {
    const path = join(project.dir, "credentials.json");
    const { refreshToken } = emulator.admin.issueRefreshToken();
    await writeCredentialsFile(path, {
      clientId: emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken,
      grantedAt: "2026-08-01T10:00:00.000Z",
    });
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorSettings(emulator),
      AMAZON_ADS_CREDENTIALS_FILE: path,
    });
    expect(deploy.code).toBe(0);
    const outputs = await project.outputs(PRODUCER);
    expect(values(outputs)).toMatchObject({ profile_id: "34567890123456789" });
    expect(project.storedRefreshToken(PRODUCER)).toBe(refreshToken);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);
    const config = readFileSync(
      join(project.dir, "cdktf.out/stacks", PRODUCER, "cdk.tf.json"),
      "utf8",
    );
    expect(config).toContain(`"credentials_file": ${JSON.stringify(path)}`);
    expect(config).not.toContain(refreshToken);
  });
});
