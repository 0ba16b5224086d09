import { errors } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_access_token";
let e: Emulated;
afterEach(() => e.finish());

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
});
