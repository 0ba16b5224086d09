import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { adminCall, redeem, refresh } from "./support.js";

const DAY_S = 24 * 60 * 60;
const YEAR_MS = 365 * DAY_S * 1000;
// LwA's answer for a refresh token that no longer works, revoked or expired alike.
const REFUSED = {
  error: "invalid_grant",
  error_description:
    "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
};
const AUGUST_2026 = Date.UTC(2026, 7, 1, 12);
const DECEMBER_2027 = Date.UTC(2027, 11, 1, 12);

describe("expiring grants in the emulator", () => {
  let emulator: Emulator | undefined;
  afterEach(() => emulator?.close());

  it("ends a refresh token from a consent after mid-2026 365 days later, with invalid_grant", async () => {
    emulator = await startEmulator({ now: () => AUGUST_2026 });
    const answer = await redeem(emulator, emulator.admin.issueCode());
    const refreshToken = answer.body.refresh_token as string;
    emulator.admin.advanceClock(365 * DAY_S - 1);
    expect((await refresh(emulator, refreshToken)).status).toBe(200);
    emulator.admin.advanceClock(1);
    const late = await refresh(emulator, refreshToken);
    expect([late.status, late.body]).toEqual([400, REFUSED]);
  });

  it("keeps a refresh token from a consent before mid-2026 until it is revoked", async () => {
    emulator = await startEmulator({ now: () => Date.UTC(2026, 5, 30, 23) });
    const { refreshToken, refreshTokenExpiresAt } = emulator.admin.issueRefreshToken();
    expect(refreshTokenExpiresAt).toBeNull();
    emulator.admin.advanceClock(5 * 365 * DAY_S);
    expect((await refresh(emulator, refreshToken)).status).toBe(200);
  });

  it("makes no grant expire when told expiringConsentsFrom: null", async () => {
    emulator = await startEmulator({ now: () => AUGUST_2026, expiringConsentsFrom: null });
    const { refreshToken } = emulator.admin.issueRefreshToken();
    emulator.admin.advanceClock(2 * 365 * DAY_S);
    expect((await refresh(emulator, refreshToken)).status).toBe(200);
  });

  it("issues a grant consented in the past through the admin API, and refuses it once expired", async () => {
    emulator = await startEmulator({ now: () => DECEMBER_2027 });
    const soon = emulator.admin.issueRefreshToken({
      consentedAt: DECEMBER_2027 - YEAR_MS + 60_000,
    });
    expect(soon.refreshTokenExpiresAt).toBe(DECEMBER_2027 + 60_000);
    expect(soon.accessToken).toMatch(/^Atza\|/);
    expect((await refresh(emulator, soon.refreshToken)).status).toBe(200);

    const consentedAt = DECEMBER_2027 - YEAR_MS - 1000;
    const expired = await adminCall(emulator, "POST", "/refresh-tokens", { consentedAt });
    expect(expired.status).toBe(200);
    expect(expired.json).toMatchObject({
      consentedAt,
      refreshTokenExpiresAt: DECEMBER_2027 - 1000,
      accessToken: "",
    });
    const refused = await refresh(
      emulator,
      (expired.json as { refreshToken: string }).refreshToken,
    );
    expect([refused.status, refused.body]).toEqual([400, REFUSED]);
  });

  it("refuses a consent date in the future", async () => {
    emulator = await startEmulator({ now: () => AUGUST_2026 });
    expect(() => emulator!.admin.issueRefreshToken({ consentedAt: AUGUST_2026 + 1 })).toThrow(
      /not after the emulator's now/,
    );
    const answer = await adminCall(emulator, "POST", "/refresh-tokens", { consentedAt: -1 });
    expect(answer.status).toBe(400);
  });
});
