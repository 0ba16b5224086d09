import { chmod, mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CredentialsFileError,
  defaultCredentialsPath,
  readCredentialsFile,
  writeCredentialsFile,
  type StoredGrant,
} from "../../src/amazon-ads/credentials-file.js";

const grant: StoredGrant = {
  clientId: "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
  region: "EU",
  scopes: ["advertising::campaign_management"],
  refreshToken: "Atzr|secret-refresh-token-value",
  grantedAt: "2026-11-29T00:00:00.000Z",
  redirectUri: "http://localhost:8765/callback",
};

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), "credentials-file-"));
}

describe("credentials file", () => {
  it("round-trips a grant through a file only its owner can read", async () => {
    const path = join(await scratch(), "nested", "credentials.json");
    await writeCredentialsFile(path, grant);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(path, ".."))).mode & 0o777).toBe(0o700);
    const read = await readCredentialsFile(path);
    expect(read.grant).toEqual(grant);
    expect(read.permissionsTooOpen).toBe(false);
  });

  it("replaces an existing file without leaving temporary files behind", async () => {
    const dir = await scratch();
    const path = join(dir, "credentials.json");
    await writeCredentialsFile(path, grant);
    await writeCredentialsFile(path, { ...grant, region: "FE" });
    expect((await readCredentialsFile(path)).grant.region).toBe("FE");
    expect(await readdir(dir)).toEqual(["credentials.json"]);
  });

  it("flags a file that group or others can read", async () => {
    const path = join(await scratch(), "credentials.json");
    await writeCredentialsFile(path, grant);
    await chmod(path, 0o644);
    expect((await readCredentialsFile(path)).permissionsTooOpen).toBe(true);
  });

  it("says how to create a missing file", async () => {
    const path = join(await scratch(), "absent.json");
    await expect(readCredentialsFile(path)).rejects.toMatchObject({
      problem: "NOT_FOUND",
      message: expect.stringContaining("cdktf-amazon-ads login"),
    });
  });

  it("names the bad fields of a malformed file but never quotes its secret", async () => {
    const path = join(await scratch(), "credentials.json");
    await writeFile(
      path,
      JSON.stringify({ version: 1, refresh_token: "Atzr|leak-me", region: "GB" }),
    );
    const error = await readCredentialsFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsFileError);
    expect((error as Error).message).toContain("region");
    expect((error as Error).message).not.toContain("leak-me");
    expect(await readFile(path, "utf8")).toContain("leak-me");
  });

  it("defaults to the XDG configuration directory, or the explicit variable", () => {
    expect(defaultCredentialsPath({}, "linux", "/home/ada")).toBe(
      "/home/ada/.config/cdktf-amazon-ads/credentials.json",
    );
    expect(defaultCredentialsPath({ XDG_CONFIG_HOME: "/cfg" }, "linux", "/home/ada")).toBe(
      "/cfg/cdktf-amazon-ads/credentials.json",
    );
    expect(defaultCredentialsPath({ AMAZON_ADS_CREDENTIALS_FILE: "/x.json" }, "linux", "/h")).toBe(
      "/x.json",
    );
  });
});
