/**
 * `cdktf-amazon-ads login` through `main`, in-process against the emulator, with a scripted
 * browser (a fake) clicking Allow or Deny.
 */
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../../src/cli/main.js";
import type { Emulator } from "../../../src/emulator/index.js";
import {
  captureIo,
  emulatorAllowing,
  emulatorEnv,
  freePort,
  scratchDir,
  scriptedBrowser,
  type CapturedIo,
} from "../support.js";

let emulator: Emulator;
let port: number;
const outputs: CapturedIo[] = [];

beforeAll(async () => {
  port = await freePort();
  emulator = await emulatorAllowing(port);
});

afterAll(async () => {
  const written = outputs.map((io) => io.all()).join("\n");
  for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
  await emulator.close();
});

async function login(args: string[], decision: "allow" | "deny" = "allow") {
  const io = captureIo(emulatorEnv(emulator));
  outputs.push(io);
  const output = join(await scratchDir(), "credentials.json");
  const browser = scriptedBrowser(decision);
  const code = await main(
    [
      "node",
      "cdktf-amazon-ads",
      "login",
      "--redirect-uri",
      `http://localhost:${port}/callback`,
      "--output",
      output,
      ...args,
    ],
    { io, login: { openBrowser: browser.open } },
  );
  return { code, io, output };
}

describe("cdktf-amazon-ads login (in-process, scripted browser)", () => {
  it("exits 0, says where the grant is, and prints nothing on stdout", async () => {
    const { code, io, output } = await login([]);
    expect(code).toBe(0);
    expect(io.stdout).toEqual([]);
    const said = io.stderr.join("");
    expect(said).toContain(`Signed in. The grant for ${emulator.clientId} (region NA;`);
    expect(said).toContain(output);
    expect(said).toContain(`export AMAZON_ADS_CREDENTIALS_FILE=${output}`);
    expect(said).toContain("Next: cdktf-amazon-ads profiles");
  });

  it("--print-env prints export lines a shell can eval, and no secret", async () => {
    const { code, io, output } = await login(["--print-env", "--region", "eu"]);
    expect(code).toBe(0);
    const lines = io.stdout.join("");
    expect(lines).toBe(
      `export AMAZON_ADS_CLIENT_ID='${emulator.clientId}'\n` +
        `export AMAZON_ADS_REGION='EU'\n` +
        `export AMAZON_ADS_CREDENTIALS_FILE='${output}'\n`,
    );
    expect(lines).not.toContain(emulator.clientSecret);
    for (const secret of emulator.admin.secrets()) expect(lines).not.toContain(secret);
    const { stdout } = await promisify(execFile)("/bin/sh", [
      "-c",
      `${lines}printf '%s' "$AMAZON_ADS_CREDENTIALS_FILE"`,
    ]);
    expect(stdout).toBe(output);
  });

  it("exits 1 with Amazon's refusal in one line when the user chooses Deny", async () => {
    const { code, io, output } = await login(["--print-env"], "deny");
    expect(code).toBe(1);
    expect(io.stdout).toEqual([]);
    const last = io.stderr.at(-1)!;
    expect(last).toMatch(
      /^cdktf-amazon-ads: Login with Amazon refused the consent \(access_denied/,
    );
    expect(last.trimEnd().split("\n")).toHaveLength(1);
    expect(io.all()).not.toMatch(/\n\s+at /);
    await expect(stat(output)).rejects.toThrow();
  });

  it("exits 2 naming the variable when the client secret is missing", async () => {
    const io = captureIo({ AMAZON_ADS_CLIENT_ID: emulator.clientId });
    expect(await main(["node", "cdktf-amazon-ads", "login"], { io })).toBe(2);
    expect(io.stderr.join("")).toBe(
      "cdktf-amazon-ads login: No client secret. Set AMAZON_ADS_CLIENT_SECRET to your LwA " +
        "app's client secret (preferred: command lines are visible to other users in ps), or " +
        "pass --client-secret.\n(see cdktf-amazon-ads login --help)\n",
    );
  });

  it("exits 2 for a bad --timeout or --region", async () => {
    for (const args of [
      ["--timeout", "0"],
      ["--timeout", "soon"],
      ["--region", "APAC"],
    ]) {
      const io = captureIo(emulatorEnv(emulator));
      expect(await main(["node", "cdktf-amazon-ads", "login", ...args], { io })).toBe(2);
      expect(io.stderr.join("")).toContain(`error: option '${args[0]}`);
    }
  });
});
