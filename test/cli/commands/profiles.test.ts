/** `cdktf-amazon-ads profiles` through `main`, in-process against the emulator. */
import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import { DEFAULT_SEED, type Emulator, startEmulator } from "../../../src/emulator/index.js";
import { captureIo, emulatorEnv, scratchDir, storedGrant, type CapturedIo } from "../support.js";

let emulator: Emulator;
const outputs: CapturedIo[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  const written = outputs.map((io) => io.all()).join("\n");
  for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
  await emulator.close();
});

/** A credentials file holding a grant of the demo (or another) user, consented now. */
const grantFile = (userId?: string) => storedGrant(emulator, userId ? { userId } : {});

async function profiles(args: string[], env: NodeJS.ProcessEnv) {
  const io = captureIo(emulatorEnv(emulator, env));
  outputs.push(io);
  const code = await main(["node", "cdktf-amazon-ads", "profiles", ...args], { io });
  return { code, io, stdout: io.stdout.join(""), stderr: io.stderr.join("") };
}

// The demo user's profiles with edit access, in the seed's order (NA, EU, FE).
const editable = DEFAULT_SEED.users[0]!.profiles!.filter((p) => p.accessLevel !== "view");

describe("cdktf-amazon-ads profiles", () => {
  it("prints a table of every region's profiles, with exact big ids, from one token refresh", async () => {
    const { path } = await grantFile();
    const refreshes = emulator.admin.calls("token", "refresh_token");
    const { code, stdout, stderr } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(0);
    expect(stderr).toMatch(
      new RegExp(`^The grant in ${path} expires on \\d{4}-\\d\\d-\\d\\d \\(in 365 days\\)\\.\\n$`),
    );
    expect(emulator.admin.calls("token", "refresh_token")).toBe(refreshes + 1);
    const [header, ...rows] = stdout.trimEnd().split("\n");
    expect(header).toMatch(/^PROFILE ID\s+COUNTRY\s+TYPE\s+NAME\s+MARKETPLACE\s+REGION$/);
    expect(rows).toHaveLength(editable.length);
    expect(rows[0]).toMatch(
      /^34567890123456789\s+US\s+seller\s+Acme Outdoor US\s+ATVPDKIKX0DER\s+NA$/,
    );
    expect(stdout).toContain("3456789012345678901");
    expect(stdout).toMatch(/67890123456789012\s+JP\s+seller\s+Acme Outdoor Japan\s+\S+\s+FE/);
  });

  it("--json prints only a JSON array with profile ids as exact strings", async () => {
    const { path } = await grantFile();
    const { code, stdout } = await profiles(["--json", "--credentials", path], {});
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as Record<string, unknown>[];
    expect(records.map((r) => r.profile_id)).toEqual(editable.map((p) => p.profileId));
    expect(records[0]).toEqual({
      profile_id: "34567890123456789",
      country_code: "US",
      currency_code: "USD",
      timezone: "America/Los_Angeles",
      marketplace_id: "ATVPDKIKX0DER",
      account_id: "A3EMULATRSELLNA",
      account_name: "Acme Outdoor US",
      account_type: "seller",
      region: "NA",
      api_url: emulator.regions.NA.apiUrl,
      refresh_token_expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(new Set(records.map((r) => r.region))).toEqual(new Set(["NA", "EU", "FE"]));
  });

  it("says which regions have no profiles", async () => {
    const { path } = await grantFile("amzn1.account.AEMULATORNEWCUSTOMER0000002");
    const { code, stdout } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(0);
    expect(stdout).toContain("NA: no profiles.\nEU: no profiles.\nFE: no profiles.\n");
    expect(stdout).toContain("check that the consent was given by the Amazon user");
  });

  it("asks one host once when AMAZON_ADS_API_URL has no {region}, and says so", async () => {
    const { path } = await grantFile();
    const { code, stdout, stderr } = await profiles(["--json"], {
      AMAZON_ADS_CREDENTIALS_FILE: path,
      AMAZON_ADS_API_URL: emulator.regions.NA.apiUrl,
    });
    expect(code).toBe(0);
    const regions = (JSON.parse(stdout) as { region: string }[]).map((r) => r.region);
    expect(new Set(regions)).toEqual(new Set(["NA"]));
    expect(stderr).toContain(
      "EU: not asked: AMAZON_ADS_API_URL sends EU to the same host as NA (add {region} to it",
    );
    expect(stderr).toContain("FE: not asked");
  });

  it("tells the user to run login again when the grant was revoked (exit 1)", async () => {
    const { path, refreshToken } = await grantFile();
    emulator.admin.revokeGrant(refreshToken);
    const { code, stdout, stderr } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `cdktf-amazon-ads: The grant in ${path} is no longer valid: the advertiser revoked the ` +
        "consent or it expired. Run `cdktf-amazon-ads login` again.\n",
    );
  });

  it("says the secret does not belong to the grant's app (exit 1)", async () => {
    const { path } = await grantFile();
    const { code, stderr } = await profiles(
      ["--credentials", path, "--client-secret", "wrong"],
      {},
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `Login with Amazon rejected the client secret for ${emulator.clientId}`,
    );
    expect(stderr).toContain("Set AMAZON_ADS_CLIENT_SECRET to that app's client secret.");
  });

  it("points at login when there is no credentials file (exit 1)", async () => {
    const path = join(await scratchDir(), "missing.json");
    const { code, stderr } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(1);
    expect(stderr).toContain(`No credentials file at ${path}. Run \`cdktf-amazon-ads login\``);
  });

  it("warns when the credentials file can be read by others", async () => {
    const { path } = await grantFile();
    await chmod(path, 0o644);
    const { code, stderr } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(0);
    expect(stderr).toContain(`Warning: ${path} can be read by other users`);
    expect(stderr).toContain(`chmod 600 ${path}`);
  });

  it("names the fields of a damaged credentials file, never their values (exit 1)", async () => {
    const path = join(await scratchDir(), "credentials.json");
    await writeFile(path, JSON.stringify({ version: 1, refresh_token: "Atzr|damaged-secret" }));
    const { code, stderr } = await profiles([], { AMAZON_ADS_CREDENTIALS_FILE: path });
    expect(code).toBe(1);
    expect(stderr).toContain("problem with: client_id");
    expect(stderr).not.toContain("damaged-secret");
  });

  it("exits 2 without a client secret", async () => {
    const { path } = await grantFile();
    const { code, stderr } = await profiles(["--credentials", path], {
      AMAZON_ADS_CLIENT_SECRET: "",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("cdktf-amazon-ads profiles: No client secret.");
  });
});
