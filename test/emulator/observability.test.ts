import { type Emulator, type EmulatorLogEntry, startEmulator } from "../../src/emulator/index.js";
import { callApi, eventually, openConsent, redeem, redirectParams, refresh } from "./support.js";

const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

describe("what tests can observe", () => {
  let emulator: Emulator;
  let log: EmulatorLogEntry[];
  beforeEach(async () => {
    log = [];
    emulator = await startEmulator({ autoApprove: true, log: (entry) => log.push(entry) });
  });
  afterEach(() => emulator.close());

  /**
   * Sends `count` refreshes that the emulator holds (a hang or delay fault), waits until all are
   * in flight at once, then abandons them and waits until none is.
   */
  async function refreshesLeftWaiting(refreshToken: string, count: number): Promise<void> {
    const abort = new AbortController();
    const pending = Array.from({ length: count }, () =>
      fetch(emulator.tokenUrl, {
        method: "POST",
        signal: abort.signal,
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: refreshToken,
          client_id: emulator.clientId,
          client_secret: emulator.clientSecret,
        }),
      }).catch(() => "aborted"),
    );
    await eventually(() => emulator.admin.inFlight("token") === count);
    abort.abort();
    expect(await Promise.all(pending)).toEqual(Array(count).fill("aborted"));
    await eventually(() => emulator.admin.inFlight("token") === 0);
  }

  it("counts calls per endpoint and token calls per grant_type", async () => {
    const { refreshToken, accessToken } = emulator.admin.issueRefreshToken();
    await redeem(emulator, emulator.admin.issueCode());
    await refresh(emulator, refreshToken);
    await refresh(emulator, refreshToken);
    await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, accessToken);
    await callApi(emulator, `${emulator.apiUrl}/v2/profiles/34567890123456789`, accessToken);
    expect(emulator.admin.calls("token")).toBe(3);
    expect(emulator.admin.calls("token", "refresh_token")).toBe(2);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(emulator.admin.calls("profiles")).toBe(1);
    expect(emulator.admin.calls("profile")).toBe(1);
    expect(emulator.admin.calls("consent")).toBe(0);
    emulator.admin.resetCounters();
    expect(emulator.admin.calls("token")).toBe(0);
    expect(emulator.admin.traffic().token).toEqual({
      calls: 0,
      byGrantType: {},
      inFlight: 0,
      peakConcurrency: 0,
    });
  });

  it("counts faulted requests too", async () => {
    emulator.admin.injectFault({ kind: "server-error", endpoint: "token", times: 2 });
    const { refreshToken } = emulator.admin.issueRefreshToken();
    await refresh(emulator, refreshToken);
    await refresh(emulator, refreshToken);
    await refresh(emulator, refreshToken);
    expect(emulator.admin.calls("token", "refresh_token")).toBe(3);
  });

  it("records the peak number of requests in flight at once", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    emulator.admin.injectFault({ kind: "hang", endpoint: "token" });
    await refreshesLeftWaiting(refreshToken, 4);
    expect(emulator.admin.peakConcurrency("token")).toBe(4);
    emulator.admin.clearFaults();
    emulator.admin.resetCounters();
    await refresh(emulator, refreshToken);
    expect(emulator.admin.peakConcurrency("token")).toBe(1);
  });

  it("counts requests waiting out a delay fault as in flight", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    // Long enough that the requests are still waiting when the test looks, then sends them away.
    emulator.admin.injectFault({ kind: "delay", endpoint: "token", ms: 60_000 });
    await refreshesLeftWaiting(refreshToken, 3);
    expect(emulator.admin.peakConcurrency("token")).toBe(3);
    await eventually(() => log.length === 3);
    expect(log.map((e) => [e.outcome, e.fault])).toEqual(Array(3).fill(["abandoned", "delay"]));
  });

  it("logs when each request arrived, on the emulator's clock (advanceClock included)", async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const entries: EmulatorLogEntry[] = [];
    const clocked = await startEmulator({ now: () => now, log: (entry) => entries.push(entry) });
    try {
      const { accessToken } = clocked.admin.issueRefreshToken();
      await callApi(clocked, `${clocked.apiUrl}/v2/profiles`, accessToken);
      now += 1500;
      clocked.admin.advanceClock(60);
      await callApi(clocked, `${clocked.apiUrl}/v2/profiles`, accessToken);
      expect(entries.map((e) => e.receivedAt)).toEqual([
        Date.UTC(2026, 0, 1, 12, 0, 0),
        Date.UTC(2026, 0, 1, 12, 1, 1, 500),
      ]);
    } finally {
      await clocked.close();
    }
  });

  it("logs every request with the request id it sent, and no secrets", async () => {
    const consent = await openConsent(emulator, {
      code_challenge: VERIFIER,
      code_challenge_method: "plain",
    });
    const code = redirectParams(consent).get("code")!;
    const tokens = await redeem(emulator, code, { code_verifier: VERIFIER });
    await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, tokens.body.access_token as string);
    expect(log.map((e) => [e.endpoint, e.status])).toEqual([
      ["consent", 302],
      ["token", 200],
      ["profiles", 200],
    ]);
    expect(log[0]!.requestId).toBe(consent.headers.get("x-amzn-requestid"));
    expect(log[0]!.requestId).toMatch(/^[A-Z0-9]{20}$/);
    const written = JSON.stringify(log);
    for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
  });

  it("gives the reason for a refusal in the log", async () => {
    await refresh(emulator, "Atzr|dummy");
    expect(log.at(-1)).toMatchObject({
      endpoint: "token",
      status: 400,
      reason: expect.stringContaining("refresh token"),
    });
  });

  it("lists every secret it issued or accepted", async () => {
    const code = redirectParams(
      await openConsent(emulator, { code_challenge: VERIFIER, code_challenge_method: "plain" }),
    ).get("code")!;
    const tokens = await redeem(emulator, code, { code_verifier: VERIFIER });
    const renewed = await refresh(emulator, tokens.body.refresh_token as string);
    expect(emulator.admin.secrets()).toEqual(
      expect.arrayContaining([
        emulator.clientSecret,
        code,
        VERIFIER,
        tokens.body.access_token,
        tokens.body.refresh_token,
        renewed.body.access_token,
      ]),
    );
  });

  it("keeps working when the log hook throws", async () => {
    const noisy = await startEmulator({
      log: () => {
        throw new Error("log sink down");
      },
    });
    try {
      const { accessToken } = noisy.admin.issueRefreshToken();
      expect((await callApi(noisy, `${noisy.apiUrl}/v2/profiles`, accessToken)).status).toBe(200);
    } finally {
      await noisy.close();
    }
  });

  it("answers unknown paths with 404 and counts them under no endpoint", async () => {
    const response = await fetch(`${emulator.apiUrl}/v3/campaigns`);
    expect(response.status).toBe(404);
    expect(log.at(-1)!.endpoint).toBeUndefined();
  });

  it("answers a wrong method with 405 and the allowed ones", async () => {
    const response = await fetch(emulator.tokenUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
