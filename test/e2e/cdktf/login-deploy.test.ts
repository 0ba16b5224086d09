/**
 * The path the README walks, end to end: the real `cdktf-amazon-ads login --no-browser
 * --print-env` against the emulator (its consent page answered by following the Allow form with
 * fetch, the redirect delivered to the login's listener), the export lines evaluated by a POSIX
 * shell as `eval` would, then the real `cdktf deploy` of the example app with those variables and
 * the credentials file they name.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  emulatorEndpointVariables,
  emulatorVariables,
  type Emulator,
} from "../../../src/emulator/index.js";
import { answerConsent, emulatorAllowing, freePort } from "../../cli/support.js";
import { ExampleProject, PRODUCER, values } from "../support/cdktf.js";
import { consentUrlOf, startCli, stopCli, type CliProcess } from "../support/cli.js";
import { findLeaks } from "../support/secret-scan.js";

/** The UK seller profile of the emulator's demo user (an EU profile). */
const UK_PROFILE_ID = "1209876543210987";

/** A fingerprint to compare secrets by, so a failed comparison prints no token. */
function fingerprint(secret: unknown): string {
  return createHash("sha256").update(String(secret)).digest("hex");
}

/** What a POSIX shell's `eval` of `lines` exports, for the variables `login --print-env` names. */
async function evaluated(lines: string): Promise<Record<string, string>> {
  const names = ["AMAZON_ADS_CLIENT_ID", "AMAZON_ADS_REGION", "AMAZON_ADS_CREDENTIALS_FILE"];
  const script = 'eval "$1"; shift; for name do printf "%s\\0" "$(printenv "$name")"; done';
  const { stdout } = await promisify(execFile)("sh", ["-c", script, "sh", lines, ...names]);
  const exported = stdout.split("\0").slice(0, names.length);
  return Object.fromEntries(names.map((name, i) => [name, exported[i]!]));
}

describe("login --print-env, then cdktf deploy with what it exported", () => {
  let emulator: Emulator;
  let project: ExampleProject;
  let login: CliProcess | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    // Not autoApprove: the consent page shows Allow and Deny, and the test chooses Allow.
    emulator = await emulatorAllowing(port);
    project = ExampleProject.create();
  });
  afterAll(async () => {
    if (login) stopCli(login);
    project.remove();
    await emulator.close();
  });

  it("signs in once, deploys the file's grant with no second code exchange, and prints no secret", async () => {
    const redirectUri = `http://localhost:${port}/callback`;
    const output = join(await mkdtemp(join(tmpdir(), "login-deploy-")), "credentials.json");
    login = startCli(
      [
        "login",
        "--no-browser",
        "--print-env",
        "--region",
        "EU",
        "--redirect-uri",
        redirectUri,
        "--output",
        output,
      ],
      { ...emulatorVariables(emulator) },
    );

    // The person's part: open the printed address, choose Allow, land on the callback.
    const consentUrl = await consentUrlOf(login);
    expect(new URL(consentUrl).pathname).toBe("/eu/ap/oa");
    const callback = await answerConsent(consentUrl, "allow");
    expect(callback.startsWith(`${redirectUri}?`)).toBe(true);
    const landed = await fetch(callback);
    expect(landed.status).toBe(200);
    await landed.body?.cancel();
    expect(await login.exited).toBe(0);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect((await stat(output)).mode & 0o777).toBe(0o600);

    // stdout is only the export lines; what they export is what the deploy gets.
    expect(login.stdout).toMatch(/^(export AMAZON_ADS_[A-Z_]+='[^'\n]*'\n){3}$/);
    const exported = await evaluated(login.stdout);
    expect(exported).toEqual({
      AMAZON_ADS_CLIENT_ID: emulator.clientId,
      AMAZON_ADS_REGION: "EU",
      AMAZON_ADS_CREDENTIALS_FILE: output,
    });

    // The README's deploy: the exported variables and the secret in the environment. The profile
    // is chosen by id alone, so it is looked up in the exported region.
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorEndpointVariables(emulator),
      AMAZON_ADS_CLIENT_SECRET: emulator.clientSecret,
      ...exported,
      AMAZON_ADS_PROFILE_ID: UK_PROFILE_ID,
    });
    expect(deploy.code).toBe(0);
    expect(values(await project.outputs(PRODUCER))).toMatchObject({
      profile_id: UK_PROFILE_ID,
      region: "EU",
      client_id: emulator.clientId,
    });

    // Exactly one code exchange in all: the login's. The deploy adopted the file's grant.
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
    const file = JSON.parse(await readFile(output, "utf8")) as { refresh_token: string };
    const state = JSON.parse(
      await readFile(join(project.dir, `terraform.${PRODUCER}.tfstate`), "utf8"),
    ) as { resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[] };
    const grants = state.resources.filter((r) => r.type === "amazonads_authorization");
    expect(grants).toHaveLength(1);
    expect(fingerprint(grants[0]!.instances[0]!.attributes.refresh_token)).toBe(
      fingerprint(file.refresh_token),
    );

    // Not one secret the emulator issued or accepted in what either command printed.
    const secrets = emulator.admin.secrets();
    expect(secrets).toEqual(expect.arrayContaining([file.refresh_token, emulator.clientSecret]));
    const printed = [
      { where: "login stdout", content: login.stdout },
      { where: "login stderr", content: login.stderr },
      { where: "cdktf deploy stdout", content: deploy.stdout },
      { where: "cdktf deploy stderr", content: deploy.stderr },
    ];
    expect(findLeaks(printed, secrets)).toEqual([]);
  });
});
