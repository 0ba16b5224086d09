/** `cdktf-amazon-ads token` through `main`, in-process against the emulator. */
import { main } from "../../../src/cli/main.js";
import { type Emulator, startEmulator } from "../../../src/emulator/index.js";
import { captureIo, emulatorEnv, storedGrant } from "../support.js";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(() => emulator.close());

const grantFile = () => storedGrant(emulator);

describe("cdktf-amazon-ads token", () => {
  it("prints a fresh access token that the Ads API accepts, and nothing else", async () => {
    const { path } = await grantFile();
    const io = captureIo(emulatorEnv(emulator, { AMAZON_ADS_CREDENTIALS_FILE: path }));
    expect(await main(["node", "cdktf-amazon-ads", "token"], { io })).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const token = io.stdout[0]!;
    expect(token).toMatch(/^Atza\|\S+\n$/);
    // The expiry goes to stderr, so that $(cdktf-amazon-ads token) captures the token alone.
    expect(io.stderr.join("")).toMatch(
      new RegExp(`^The grant in ${path} expires on \\d{4}-\\d\\d-\\d\\d \\(in 365 days\\)\\.\\n$`),
    );
    const profiles = await fetch(`${emulator.apiUrl}/v2/profiles`, {
      headers: {
        authorization: `Bearer ${token.trim()}`,
        "amazon-advertising-api-clientid": emulator.clientId,
      },
    });
    expect(profiles.status).toBe(200);
  });

  it("tells the user to run login again when the grant was revoked, printing no token", async () => {
    const { path, refreshToken } = await grantFile();
    emulator.admin.revokeGrant(refreshToken);
    const io = captureIo(emulatorEnv(emulator));
    expect(await main(["node", "cdktf-amazon-ads", "token", "--credentials", path], { io })).toBe(
      1,
    );
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join("")).toContain("Run `cdktf-amazon-ads login` again.");
    expect(io.stderr.join("")).not.toContain(refreshToken);
  });
});
