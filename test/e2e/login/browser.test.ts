/**
 * `cdktf-amazon-ads login` as a person uses it: a real login process, a real Chromium (the test
 * browser of test/support/browser.ts, driven by playwright-core) on the emulator's consent page
 * clicking Allow or Deny, the redirect to `localhost` caught by the process, then
 * `profiles --json` reading the file it wrote.
 */
import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jest } from "@jest/globals";
import { DEFAULT_SEED, type Emulator } from "../../../src/emulator/index.js";
import { emulatorAllowing, emulatorEnv, freePort } from "../../cli/support.js";
import { testBrowser } from "../../support/browser.js";
import { type CliProcess, consentUrlOf, startCli, stopCli } from "../support/cli.js";
import { type ConsentAnswer, consentInBrowser } from "../support/consent-in-browser.js";

// jest.config.js sets the e2e project's testTimeout, but Jest reads that option only globally:
// without this, each test here would get the 5 s default while starting Node, tsx and Chromium.
jest.setTimeout(300_000);

let emulator: Emulator;
let port: number;
let redirectUri: string;
const processes: CliProcess[] = [];

function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const run = startCli(args, { ...emulatorEnv(emulator), ...env });
  processes.push(run);
  return run;
}

/** Starts `login --no-browser` and resolves the consent address it prints. */
async function startLogin(output: string): Promise<{ login: CliProcess; consentUrl: string }> {
  const login = cli(["login", "--no-browser", "--redirect-uri", redirectUri, "--output", output]);
  return { login, consentUrl: await consentUrlOf(login) };
}

async function scratchFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "login-e2e-")), "credentials.json");
}

/** Answers the consent page in the test browser, as a person would. */
function consentInChromium(consentUrl: string, button: "Allow" | "Deny"): Promise<ConsentAnswer> {
  return consentInBrowser(consentUrl, button, redirectUri);
}

beforeAll(async () => {
  // Unpacks the browser (first run only) before any test starts a login that would wait for it.
  await testBrowser();
  port = await freePort();
  redirectUri = `http://localhost:${port}/callback`;
  // Not autoApprove: the consent page waits for a click on Allow or Deny.
  emulator = await emulatorAllowing(port);
});

afterAll(async () => {
  processes.forEach(stopCli);
  await emulator?.close();
});

describe("cdktf-amazon-ads login in Chromium against the emulator", () => {
  it("Allow: the callback page says done, the process exits 0, the file is 0600, profiles lists every region", async () => {
    const output = await scratchFile();
    const { login, consentUrl } = await startLogin(output);
    expect(new URL(consentUrl).searchParams.get("code_challenge_method")).toBe("S256");

    const page = await consentInChromium(consentUrl, "Allow");
    expect(page.text).toContain("You can close this tab and return to the terminal.");
    expect(await login.exited).toBe(0);
    // Replaying the callback (its code included) finds nothing listening any more.
    expect(new URL(page.url).searchParams.has("code")).toBe(true);
    await expect(fetch(page.url)).rejects.toThrow();
    expect(login.stdout).toBe("");
    expect(login.stderr).toContain(`is saved in\n  ${output}\n`);
    expect((await stat(output)).mode & 0o777).toBe(0o600);

    const profiles = cli(["profiles", "--json"], { AMAZON_ADS_CREDENTIALS_FILE: output });
    expect(await profiles.exited).toBe(0);
    // Only the note on when the new grant expires: no warning, no error.
    expect(profiles.stderr).toMatch(
      /^The grant in .+ expires on \d{4}-\d\d-\d\d \(in 365 days\)\.\n$/,
    );
    expect(profiles.stderr).toContain(output);
    const editable = DEFAULT_SEED.users[0]!.profiles!.filter((p) => p.accessLevel !== "view");
    const listed = JSON.parse(profiles.stdout) as { profile_id: string; region: string }[];
    expect(listed.map((p) => p.profile_id)).toEqual(editable.map((p) => p.profileId));
    expect(new Set(listed.map((p) => p.region))).toEqual(new Set(["NA", "EU", "FE"]));
    // Exact in the raw text too: ids above 2^53 are never numbers.
    expect(profiles.stdout).toContain('"profile_id": "3456789012345678901"');
    expect(profiles.stdout).toContain('"profile_id": "9007199254740993"');
  });

  it("Deny: a clear error, exit 1, no file", async () => {
    const output = await scratchFile();
    const { login, consentUrl } = await startLogin(output);
    const page = await consentInChromium(consentUrl, "Deny");
    expect(page.text).toContain("nothing was saved");
    expect(await login.exited).toBe(1);
    expect(login.stderr).toMatch(
      /\ncdktf-amazon-ads: Login with Amazon refused the consent \(access_denied.*choose Allow\.\n$/,
    );
    await expect(stat(output)).rejects.toThrow();
  });

  it("a forged callback with the wrong state gets a 400 and no file; the login keeps waiting for the real one", async () => {
    const output = await scratchFile();
    const { login, consentUrl } = await startLogin(output);
    const forged = await fetch(`${redirectUri}?code=forged-code&state=not-this-login`);
    expect(forged.status).toBe(400);
    const unsigned = await fetch(`${redirectUri}?code=forged-code`);
    expect(unsigned.status).toBe(400);
    await expect(stat(output)).rejects.toThrow();
    expect(login.child.exitCode).toBeNull();

    const page = await consentInChromium(consentUrl, "Allow");
    expect(page.text).toContain("You can close this tab");
    expect(await login.exited).toBe(0);
    expect(login.stderr).toContain("Refused a request to the callback with a state that is not");
    expect((await stat(output)).mode & 0o777).toBe(0o600);
  });

  it("no process printed any secret the emulator issued or accepted", () => {
    const written = processes.map((run) => `${run.stdout}\n${run.stderr}`).join("\n");
    const secrets = emulator.admin.secrets();
    // The client secret, codes, verifiers and tokens of the logins above.
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) expect(written).not.toContain(secret);
  });
});
