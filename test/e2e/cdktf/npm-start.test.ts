/** `npm start` as a user runs it: a child process deploying the example app. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../../src/emulator/index.js";
import { ROOT, cleanEnv, emulatorSettings, runCommand } from "../support/cdktf.js";

const npmStart = (env: NodeJS.ProcessEnv) =>
  runCommand(join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], { cwd: ROOT, env });

describe("npm start", () => {
  it("deploys the example app on the embedded emulator, prints both stacks' outputs, exits 0", async () => {
    const run = await npmStart(cleanEnv());
    expect(run.output).toContain("running on the local emulator");
    expect(run.output).toContain(
      "Outputs of stack amazon-ads-connection (and 5 cross-stack outputs",
    );
    expect(run.output).toContain("Outputs of stack amazon-ads-consumer:");
    expect(run.output).toMatch(/profile_id\s+= 34567890123456789\n/);
    expect(run.output).toMatch(/refresh_token\s+= <sensitive>\n/);
    expect(run.output).not.toMatch(/Atz[ar]\|/);
    expect(run.output).toMatch(/token\s+\d+ \(.*authorization_code 1\b/);
    expect(run.output).toMatch(/npm start: done in \d+\.\d s\./);
    expect(run.code).toBe(0);
  });

  it("with AMAZON_ADS_CLIENT_ID set, skips the emulator and deploys with the environment as given", async () => {
    // "Amazon" here is an emulator this test runs, reached only through the environment.
    const amazon = await startEmulator();
    const stateDir = mkdtempSync(join(tmpdir(), "npm-start-real-"));
    try {
      const { refreshToken } = amazon.admin.issueRefreshToken();
      const { TF_VAR_client_secret: clientSecret, ...settings } = emulatorSettings(amazon);
      const run = await npmStart({
        ...cleanEnv(),
        ...settings,
        AMAZON_ADS_CLIENT_SECRET: clientSecret,
        AMAZON_ADS_REFRESH_TOKEN: refreshToken,
        AMAZON_ADS_COUNTRY_CODE: "DE",
        AMAZON_ADS_EXAMPLE_STATE_DIR: stateDir,
      });
      expect(run.output).toContain("AMAZON_ADS_CLIENT_ID is set: deploying against Amazon.");
      expect(run.output).toMatch(/profile_id\s+= 45678901234567890\n/);
      expect(run.output).not.toContain("Emulator calls");
      expect(run.output).not.toContain(refreshToken);
      expect(run.code).toBe(0);
      // One look at the consent page, by amazonads_lwa_app checking its URL; no consent given.
      expect(amazon.admin.calls("consent")).toBe(1);
      expect(amazon.admin.calls("token", "authorization_code")).toBe(0);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
      await amazon.close();
    }
  });
});
