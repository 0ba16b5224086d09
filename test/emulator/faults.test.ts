import { type Emulator, type EmulatorLogEntry, startEmulator } from "../../src/emulator/index.js";
import { callApi, eventually, redeem, refresh } from "./support.js";

const NOW = Date.UTC(2025, 8, 15, 12, 0, 0);

describe("injected faults", () => {
  let emulator: Emulator;
  let log: EmulatorLogEntry[];
  let tokens: { accessToken: string; refreshToken: string };
  const profiles = (): Promise<Response> =>
    callApi(emulator, `${emulator.apiUrl}/v2/profiles`, tokens.accessToken);

  beforeEach(async () => {
    log = [];
    emulator = await startEmulator({ now: () => NOW, log: (entry) => log.push(entry) });
    tokens = emulator.admin.issueRefreshToken();
  });
  afterEach(() => emulator.close());

  it("throttles with 429 and Retry-After in seconds, then recovers", async () => {
    emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "profiles",
      retryAfterSeconds: 7,
      times: 1,
    });
    const throttled = await profiles();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect(await throttled.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await profiles()).status).toBe(200);
  });

  it("writes Retry-After as an HTTP-date from the emulator's clock", async () => {
    emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "token",
      retryAfterSeconds: 30,
      retryAfterFormat: "http-date",
    });
    const answer = await refresh(emulator, tokens.refreshToken);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe(new Date(NOW + 30_000).toUTCString());
    expect(answer.headers.get("date")).toBe(new Date(NOW).toUTCString());
  });

  it("dates an HTTP-date Retry-After and the reply from the same instant", async () => {
    // A clock that moves a whole second each time it is read: a reply dated from a later reading
    // than its Retry-After would tell the client to wait a second less than asked.
    let now = NOW;
    const ticking = await startEmulator({ now: () => (now += 1000) });
    try {
      ticking.admin.injectFault({
        kind: "throttle",
        endpoint: "token",
        retryAfterSeconds: 2,
        retryAfterFormat: "http-date",
      });
      const answer = await refresh(ticking, ticking.admin.issueRefreshToken().refreshToken);
      expect(answer.status).toBe(429);
      const date = Date.parse(answer.headers.get("date")!);
      expect(Date.parse(answer.headers.get("retry-after")!) - date).toBe(2000);
    } finally {
      await ticking.close();
    }
  });

  it("can throttle without Retry-After", async () => {
    emulator.admin.injectFault({ kind: "throttle", retryAfterFormat: "none" });
    const throttled = await profiles();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.has("retry-after")).toBe(false);
  });

  it.each([
    [500, "server_error", "INTERNAL_ERROR"],
    [502, "server_error", "BAD_GATEWAY"],
    [503, "temporarily_unavailable", "SERVICE_UNAVAILABLE"],
    [504, "server_error", "GATEWAY_TIMEOUT"],
  ] as const)("answers %i with Amazon-like bodies", async (status, lwaError, adsCode) => {
    emulator.admin.injectFault({ kind: "server-error", status });
    const token = await refresh(emulator, tokens.refreshToken);
    expect([token.status, token.body.error]).toEqual([status, lwaError]);
    const api = await profiles();
    expect(api.status).toBe(status);
    expect(await api.json()).toMatchObject({ code: adsCode, requestId: expect.any(String) });
  });

  it("answers after a delay with the normal body", async () => {
    emulator.admin.injectFault({ kind: "delay", ms: 50, endpoint: "profiles", times: 1 });
    const response = await profiles();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"countryCode":"US"');
    expect(log.at(-1)).toMatchObject({ endpoint: "profiles", fault: "delay", outcome: "answered" });
  });

  it("gives up a delayed answer when the client goes away", async () => {
    emulator.admin.injectFault({ kind: "delay", ms: 600_000, endpoint: "profiles" });
    const abort = new AbortController();
    const pending = callApi(emulator, `${emulator.apiUrl}/v2/profiles`, tokens.accessToken, {
      signal: abort.signal,
    });
    await eventually(() => emulator.admin.inFlight("profiles") === 1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await eventually(() => emulator.admin.inFlight("profiles") === 0);
    await eventually(() => log.some((e) => e.outcome === "abandoned"));
    expect(log.find((e) => e.outcome === "abandoned")).toMatchObject({ fault: "delay" });
  });

  it("hangs until the emulator closes", async () => {
    emulator.admin.injectFault({ kind: "hang", endpoint: "token" });
    const pending = refresh(emulator, tokens.refreshToken);
    await eventually(() => emulator.admin.inFlight("token") === 1);
    await emulator.close();
    await expect(pending).rejects.toThrow();
  });

  it("resets the connection", async () => {
    emulator.admin.injectFault({ kind: "reset", endpoint: "profiles", times: 1 });
    await expect(profiles()).rejects.toThrow();
    expect(log.at(-1)).toMatchObject({ outcome: "reset", fault: "reset" });
    expect((await profiles()).status).toBe(200);
  });

  it("resets before handling by default: a code sent into a reset is still good", async () => {
    emulator.admin.injectFault({ kind: "reset", endpoint: "token", times: 1 });
    const code = emulator.admin.issueCode();
    await expect(redeem(emulator, code)).rejects.toThrow();
    expect((await redeem(emulator, code)).status).toBe(200);
  });

  it("resets after handling when asked: the code is spent and its answer lost", async () => {
    emulator.admin.injectFault({ kind: "reset", endpoint: "token", afterHandling: true, times: 1 });
    const code = emulator.admin.issueCode();
    await expect(redeem(emulator, code)).rejects.toThrow();
    expect(log.at(-1)).toMatchObject({ endpoint: "token", outcome: "reset", fault: "reset" });
    expect(log.at(-1)?.status).toBeUndefined();
    const again = await redeem(emulator, code);
    expect([again.status, again.body.error]).toEqual([400, "invalid_grant"]);
    expect(again.body.error_description).toBe("The request has an invalid grant parameter : code");
  });

  it("sends an HTML page instead of JSON", async () => {
    emulator.admin.injectFault({ kind: "html", endpoint: "token", status: 200 });
    const response = await fetch(emulator.tokenUrl, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toMatch(/^<!doctype html>/);
  });

  it("truncates the real body (the code is spent all the same)", async () => {
    emulator.admin.injectFault({ kind: "truncated-json", endpoint: "token", times: 1 });
    const code = emulator.admin.issueCode();
    const response = await fetch(emulator.tokenUrl, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: emulator.redirectUri,
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
      }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text.startsWith('{"access_token":"Atza|')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect((await redeem(emulator, code)).body.error).toBe("invalid_grant");
  });

  it("sends an empty 200", async () => {
    emulator.admin.injectFault({ kind: "empty", endpoint: "profiles" });
    const response = await profiles();
    expect([response.status, await response.text()]).toEqual([200, ""]);
  });

  it("answers as if the grant were revoked", async () => {
    emulator.admin.injectFault({ kind: "revoked", times: 2 });
    const token = await refresh(emulator, tokens.refreshToken);
    expect(token.body).toEqual({
      error: "invalid_grant",
      error_description:
        "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
    });
    expect((await profiles()).status).toBe(401);
    // Only simulated: the grant itself still works.
    expect((await refresh(emulator, tokens.refreshToken)).status).toBe(200);
  });

  it("applies only to the grant_type and region it targets", async () => {
    emulator.admin.injectFault({ kind: "server-error", grantType: "refresh_token" });
    emulator.admin.injectFault({ kind: "server-error", endpoint: "profiles", region: "EU" });
    expect((await redeem(emulator, emulator.admin.issueCode())).status).toBe(200);
    expect((await refresh(emulator, tokens.refreshToken)).status).toBe(500);
    expect((await profiles()).status).toBe(200);
    const eu = await callApi(
      emulator,
      `${emulator.regions.EU.apiUrl}/v2/profiles`,
      tokens.accessToken,
    );
    expect(eu.status).toBe(500);
  });

  it("lasts until cleared when no count is given", async () => {
    const id = emulator.admin.injectFault({ kind: "server-error", endpoint: "profiles" });
    expect((await profiles()).status).toBe(500);
    expect((await profiles()).status).toBe(500);
    expect(emulator.admin.faults().map((f) => f.id)).toEqual([id]);
    expect(emulator.admin.clearFaults(id)).toBe(1);
    expect((await profiles()).status).toBe(200);
  });

  it("counts down and disappears after its last request", async () => {
    emulator.admin.injectFault({ kind: "server-error", endpoint: "profiles", times: 2 });
    expect(emulator.admin.faults()[0]!.remaining).toBe(2);
    await profiles();
    await profiles();
    expect(emulator.admin.faults()).toEqual([]);
  });

  it("fails the consent page with an HTML error page", async () => {
    emulator.admin.injectFault({ kind: "server-error", endpoint: "consent", status: 503 });
    const response = await fetch(emulator.authorizationUrl, { redirect: "manual" });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("says what is wrong with an invalid fault", () => {
    expect(() => emulator.admin.injectFault({ kind: "server-error", status: 418 as 500 })).toThrow(
      /Invalid fault at 'status'/,
    );
    expect(() => emulator.admin.injectFault({ kind: "revoked", endpoint: "consent" })).toThrow(
      /consent page/,
    );
  });
});
