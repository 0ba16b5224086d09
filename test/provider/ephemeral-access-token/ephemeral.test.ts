import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { writeTestCredentials } from "../support/credentials.js";
import { errors } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_access_token";
let e: Emulated;
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "access-token-test-"))));
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await e.finish();
});

const credentialsFile = (refreshToken: string, clientId = e.emulator.clientId) =>
  writeTestCredentials(dir, { clientId, refreshToken });

describe("ephemeral amazonads_access_token against the emulator", () => {
  it("opens a token, asks for renewal 60 s before expiry, and keeps no secret in private bytes", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const token = e.driver.ephemeral(TYPE);
    const opened = await token.open({ refresh_token: refreshToken });
    expect(opened.diagnostics).toEqual([]);
    expect(opened.result).toMatchObject({
      client_id: e.emulator.clientId,
      access_token: expect.stringMatching(/^Atza\|/),
      expires_at: "2025-09-15T13:00:00Z",
    });
    expect(opened.renewAt?.toISOString()).toBe("2025-09-15T12:59:00.000Z");
    const priv = new TextDecoder().decode(opened.private);
    expect(priv).toMatch(/^[0-9a-f]{32}$/);
    expect(e.emulator.admin.secrets().some((s) => priv.includes(s))).toBe(false);
    expect(e.emulator.admin.calls("token", "refresh_token")).toBe(1);
  });

  it("reuses the process's cached token while it is fresh", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const token = e.driver.ephemeral(TYPE);
    await token.open({ refresh_token: refreshToken });
    await token.open({ refresh_token: refreshToken });
    expect(e.emulator.admin.calls("token")).toBe(1);
  });

  it("renews at renewAt with a new token, and forgets the handle on close", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const token = e.driver.ephemeral(TYPE);
    const opened = await token.open({ refresh_token: refreshToken });
    e.advance(3540);
    const renewed = await token.renew(opened.private);
    expect(renewed.diagnostics).toEqual([]);
    expect(renewed.renewAt?.toISOString()).toBe("2025-09-15T13:58:00.000Z");
    expect(e.emulator.admin.calls("token", "refresh_token")).toBe(2);
    expect(await token.close(opened.private)).toEqual([]);
    const after = await token.renew(opened.private);
    expect(errors(after.diagnostics)[0]?.summary).toBe(
      "Cannot renew an access token this provider process did not open",
    );
  });

  it("fails renew clearly for a handle another process made", async () => {
    e = await emulated();
    const renewed = await e.driver.ephemeral(TYPE).renew(new TextEncoder().encode("f".repeat(32)));
    expect(errors(renewed.diagnostics)[0]?.detail).toMatch(/Run the Terraform command again/);
  });

  it("reports a revoked grant on refresh_token", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    e.emulator.admin.revokeGrant(refreshToken);
    const opened = await e.driver.ephemeral(TYPE).open({ refresh_token: refreshToken });
    expect(errors(opened.diagnostics).map((d) => d.attribute)).toEqual(["refresh_token"]);
  });

  it("opens a token for the grant of a login credentials file, whose secret never enters the configuration", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const path = await credentialsFile(refreshToken);
    const opened = await e.driver.ephemeral(TYPE).open({ credentials_file: path });
    expect(opened.diagnostics).toEqual([]);
    expect(opened.result).toMatchObject({
      credentials_file: path,
      refresh_token: null,
      client_id: e.emulator.clientId,
      access_token: expect.stringMatching(/^Atza\|/),
    });
    expect(e.emulator.admin.calls("token", "refresh_token")).toBe(1);
  });

  it("refuses a credentials file made for another client id, on credentials_file", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const path = await credentialsFile(
      refreshToken,
      "amzn1.application-oa2-client.00000000000000000000000000000000",
    );
    const opened = await e.driver.ephemeral(TYPE).open({ credentials_file: path });
    expect(errors(opened.diagnostics).map((d) => [d.summary, d.attribute])).toEqual([
      ["The credentials file is for another client id", "credentials_file"],
    ]);
    expect(e.emulator.admin.calls("token")).toBe(0);
  });

  it("reports a missing credentials file on credentials_file", async () => {
    e = await emulated();
    const opened = await e.driver
      .ephemeral(TYPE)
      .open({ credentials_file: join(dir, "absent.json") });
    expect(errors(opened.diagnostics).map((d) => [d.summary, d.attribute])).toEqual([
      ["Cannot use the credentials file", "credentials_file"],
    ]);
  });

  it("validates that exactly one grant source is given, skipping unknown values", async () => {
    e = await emulated();
    const token = e.driver.ephemeral(TYPE);
    const both = await token.validate({ refresh_token: "Atzr|x", credentials_file: "/c.json" });
    expect(errors(both).map((d) => [d.summary, d.attribute])).toEqual([
      ["Give only one of refresh_token and credentials_file", "credentials_file"],
    ]);
    const neither = await token.validate({});
    expect(errors(neither).map((d) => d.summary)).toEqual(["No grant to open an access token for"]);
    expect(await token.validate({ refresh_token: UNKNOWN, credentials_file: "/c.json" })).toEqual(
      [],
    );
    expect(await token.validate({ credentials_file: "/c.json" })).toEqual([]);
  });
});
