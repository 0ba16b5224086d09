/**
 * When the stored grant expires, as `profiles` and `token` report it, and `login --renew`, through
 * `main` in-process against the emulator, with a scripted browser (a fake) clicking Allow. Both
 * clocks (the emulator's and the commands' seam) stand in October 2027, when grants consented
 * from mid-2026 on reach their 365 days.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import type { Emulator } from "../../../src/emulator/index.js";
import {
  captureIo,
  emulatorAllowing,
  emulatorEnv,
  freePort,
  scratchDir,
  scriptedBrowser,
  storedGrant,
} from "../support.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSET = Date.UTC(2027, 9, 1, 12) - Date.now();
const now = () => Date.now() + OFFSET;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let emulator: Emulator;
let port: number;
// Everything the commands wrote, except the token `token` prints on stdout by design.
const outputs: string[] = [];

beforeAll(async () => {
  port = await freePort();
  emulator = await emulatorAllowing(port, { now });
});

afterAll(async () => {
  await emulator.close();
  const written = outputs.join("\n");
  for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
});

/** A credentials file written by a login `daysAgo` days ago. */
async function grantFile(daysAgo: number, redirectUri?: string) {
  const consentedAt = now() - daysAgo * DAY_MS;
  const grant = await storedGrant(emulator, {
    consentedAt,
    ...(redirectUri ? { redirectUri } : {}),
  });
  return { ...grant, expiresOn: dateOf(consentedAt + 365 * DAY_MS) };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, browser = scriptedBrowser()) {
  const io = captureIo(emulatorEnv(emulator, env));
  const code = await main(["node", "cdktf-amazon-ads", ...args], {
    io,
    http: { now },
    login: { openBrowser: browser.open, now },
  });
  const [stdout, stderr] = [io.stdout.join(""), io.stderr.join("")];
  outputs.push(stderr, args[0] === "token" ? "" : stdout);
  return { code, stdout, stderr };
}

describe("the stored grant's expiry in profiles and token", () => {
  it("profiles warns on stderr within 30 days, with the renewal command, and --json carries the date", async () => {
    const { path, expiresOn } = await grantFile(340);
    const { code, stdout, stderr } = await run(["profiles", "--json", "--credentials", path]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `Warning: the grant in ${path} expires on ${expiresOn} (in 25 days). Renew it with ` +
        `\`cdktf-amazon-ads login --renew --output ${path}\`, then deploy.\n`,
    );
    const records = JSON.parse(stdout) as { refresh_token_expires_at: string }[];
    expect(new Set(records.map((r) => r.refresh_token_expires_at))).toEqual(
      new Set([`${expiresOn}T12:00:00Z`]),
    );
  });

  it("token prints the token alone on stdout and the expiry on stderr", async () => {
    const { path, expiresOn } = await grantFile(100);
    const { code, stdout, stderr } = await run(["token", "--credentials", path]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Atza\|\S+\n$/);
    expect(stderr).toBe(`The grant in ${path} expires on ${expiresOn} (in 265 days).\n`);
  });

  it("says an expired grant expired and how to renew it (exit 1, no token)", async () => {
    const { path, expiresOn } = await grantFile(366);
    const { code, stdout, stderr } = await run(["token", "--credentials", path]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `cdktf-amazon-ads: The grant in ${path} expired on ${expiresOn} (365 days after its ` +
        `consent), and Login with Amazon no longer accepts it. Run \`cdktf-amazon-ads login ` +
        `--renew --output ${path}\` for a new consent of the same app and region, then deploy ` +
        "to replace the grant.\n",
    );
  });

  it("says a grant consented before 2026-07-01 lasts until revoked (null in --json)", async () => {
    const { path } = await grantFile(500);
    const { code, stdout, stderr } = await run(["profiles", "--json", "--credentials", path]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `The grant in ${path} lasts until the advertiser revokes it (consent before 2026-07-01).\n`,
    );
    expect((JSON.parse(stdout) as { refresh_token_expires_at: unknown }[])[0]).toMatchObject({
      refresh_token_expires_at: null,
    });
  });
});

describe("cdktf-amazon-ads login --renew", () => {
  const redirectUri = () => `http://localhost:${port}/callback`;

  it("asks for a new consent of the file's app, region and redirect URI and writes it into the file", async () => {
    const old = await grantFile(340, redirectUri());
    const before = JSON.parse(await readFile(old.path, "utf8")) as Record<string, unknown>;
    const browser = scriptedBrowser();
    // No client id in the environment: the file says whose grant it is.
    const { code, stdout, stderr } = await run(
      ["login", "--renew", "--output", old.path],
      { AMAZON_ADS_CLIENT_ID: "" },
      browser,
    );
    expect([code, stdout]).toEqual([0, ""]);
    const consent = new URL(browser.opened[0]!);
    expect(consent.searchParams.get("client_id")).toBe(emulator.clientId);
    expect(consent.searchParams.get("redirect_uri")).toBe(redirectUri());
    const after = JSON.parse(await readFile(old.path, "utf8")) as Record<string, unknown>;
    expect(after).toEqual({
      ...before,
      refresh_token: expect.stringMatching(/^Atzr\|/),
      granted_at: expect.stringMatching(new RegExp(`^${dateOf(now())}T`)),
    });
    expect(after.refresh_token).not.toBe(old.refreshToken);
    expect(stderr).toContain(`Renewed. The grant for ${emulator.clientId} (region NA) in`);
    expect(stderr).toContain(`(the previous one ended ${old.expiresOn})`);
    expect(stderr).toContain(`works until ${dateOf(now() + 365 * DAY_MS)}`);
    expect(stderr).toContain("Next: deploy (cdktf deploy, or terraform apply)");
    // The renewed grant works; the old one too, until its own end.
    const profiles = await run(["profiles", "--credentials", old.path]);
    expect(profiles.code).toBe(0);
    expect(profiles.stderr).toContain("(in 365 days)");
  });

  it("fails (exit 1) when there is no file to renew, saying what to run instead", async () => {
    const path = join(await scratchDir(), "missing.json");
    const { code, stderr } = await run(["login", "--renew", "--output", path]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Nothing to renew: No credentials file at ${path}.`);
    expect(stderr).toContain("run `cdktf-amazon-ads login` (no --renew)");
  });

  it("is a usage error (exit 2) with another client id or region than the file's", async () => {
    const { path } = await grantFile(10, redirectUri());
    const other = "amzn1.application-oa2-client.ffffffffffffffffffffffffffffffff";
    const client = await run(["login", "--renew", "--output", path, "--client-id", other]);
    expect(client.code).toBe(2);
    expect(client.stderr).toContain(`--renew keeps the grant's app, ${emulator.clientId}`);
    const region = await run(["login", "--renew", "--output", path, "--region", "EU"]);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain("--renew keeps the grant's region, NA");
  });
});
