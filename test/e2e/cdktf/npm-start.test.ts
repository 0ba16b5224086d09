/** `npm start` as a user runs it: a child process deploying the example app. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../../src/emulator/index.js";
import {
  CONSUMER,
  PRODUCER,
  ROOT,
  cleanEnv,
  emulatorSettings,
  runCommand,
} from "../support/cdktf.js";
import { filesBelow } from "../support/secret-scan.js";

// Login with Amazon's token shapes (the emulator's too): `Atzr|IwEB…` refresh, `Atza|IwEB…` access.
const TOKEN = /Atz[ar]\|IwEB[A-Za-z0-9_-]{20,}/;

const npmStart = (env: NodeJS.ProcessEnv) =>
  runCommand(join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], { cwd: ROOT, env });

describe("npm start", () => {
  it("deploys the example app on the embedded emulator, prints both stacks' outputs, exits 0", async () => {
    const run = await npmStart(cleanEnv());
    expect(run.output).toContain("running on the local emulator");
    expect(run.output).toContain(
      "Outputs of stack amazon-ads-connection (and 4 cross-stack outputs",
    );
    expect(run.output).toContain("Outputs of stack amazon-ads-consumer:");
    expect(run.output).toMatch(/profile_id\s+= 34567890123456789\n/);
    // The grant stays in the producer: neither stack has a token output.
    const shown = run.output.slice(run.output.indexOf("Outputs of stack"));
    expect(shown).not.toMatch(/(refresh|access)_token\s+=/);
    expect(run.output).not.toMatch(/Atz[ar]\|/);
    expect(run.output).toMatch(/token\s+\d+ \(.*authorization_code 1\b/);
    expect(run.output).toMatch(/npm start: done in \d+\.\d s\./);
    expect(run.code).toBe(0);

    // What it left in .demo-state/: tokens in the producer's state only.
    const demo = join(ROOT, ".demo-state");
    const tokensIn = (path: string) =>
      readFileSync(join(demo, path), "utf8").match(new RegExp(TOKEN, "g")) ?? [];
    expect(tokensIn(`terraform.${PRODUCER}.tfstate`).length).toBeGreaterThan(0);
    expect(tokensIn(`terraform.${CONSUMER}.tfstate`)).toEqual([]);
    const outFiles = filesBelow(join(demo, "cdktf.out"));
    expect(outFiles.length).toBeGreaterThan(0);
    expect(outFiles.filter((f) => TOKEN.test(f.content.toString("latin1")))).toEqual([]);
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
