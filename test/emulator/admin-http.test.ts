import { EMPTY_USER_ID, type Emulator, startEmulator } from "../../src/emulator/index.js";
import { adminCall, callApi, redeem, refresh } from "./support.js";

describe("the admin API over HTTP (/_emulator)", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it("describes the emulator: URLs per region and the demo credentials", async () => {
    const { status, json } = await adminCall(emulator, "GET", "");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      url: emulator.url,
      authorizationUrl: emulator.authorizationUrl,
      tokenUrl: emulator.tokenUrl,
      apiUrl: emulator.apiUrl,
      regions: { EU: { apiUrl: `${emulator.url}/eu` } },
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      redirectUri: "http://localhost:8765/callback",
      signedInUserId: "amzn1.account.AEMULATORDEMOADVERTISER00001",
    });
  });

  it("issues a code the token endpoint redeems", async () => {
    const { json } = await adminCall(emulator, "POST", "/codes", {
      redirectUri: "https://amazon.com",
    });
    const answer = await redeem(emulator, json.code as string, {
      redirect_uri: "https://amazon.com",
    });
    expect(answer.status).toBe(200);
  });

  it("issues a grant, revokes it by refresh token or by user", async () => {
    const first = await adminCall(emulator, "POST", "/refresh-tokens", {});
    expect(first.json).toMatchObject({ expiresIn: 3600 });
    const token = first.json.accessToken as string;
    expect((await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, token)).status).toBe(200);

    const revoked = await adminCall(emulator, "POST", "/grants/revoke", {
      refreshToken: first.json.refreshToken,
    });
    expect(revoked.json).toEqual({ revoked: 1 });
    expect((await refresh(emulator, first.json.refreshToken as string)).status).toBe(400);

    await adminCall(emulator, "POST", "/refresh-tokens", { userId: EMPTY_USER_ID });
    const byUser = await adminCall(emulator, "POST", "/grants/revoke", { userId: EMPTY_USER_ID });
    expect(byUser.json).toEqual({ revoked: 1 });
  });

  it("advances the clock", async () => {
    const before = (await adminCall(emulator, "GET", "/clock")).json.now as number;
    const after = await adminCall(emulator, "POST", "/clock/advance", { seconds: 3600 });
    expect((after.json.now as number) - before).toBeGreaterThanOrEqual(3_600_000);
  });

  it("injects, lists and clears faults", async () => {
    const injected = await adminCall(emulator, "POST", "/faults", {
      kind: "throttle",
      endpoint: "profiles",
      retryAfterSeconds: 2,
    });
    const id = injected.json.id as string;
    const { accessToken } = emulator.admin.issueRefreshToken();
    expect((await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, accessToken)).status).toBe(
      429,
    );
    expect((await adminCall(emulator, "GET", "/faults")).json.faults).toEqual([
      {
        id,
        fault: {
          kind: "throttle",
          endpoint: "profiles",
          retryAfterSeconds: 2,
          retryAfterFormat: "seconds",
        },
      },
    ]);
    expect((await adminCall(emulator, "DELETE", `/faults/${id}`)).json).toEqual({ cleared: 1 });
    await adminCall(emulator, "POST", "/faults", { kind: "reset" });
    expect((await adminCall(emulator, "DELETE", "/faults")).json).toEqual({ cleared: 1 });
  });

  it("explains an invalid fault with 400", async () => {
    const { status, json } = await adminCall(emulator, "POST", "/faults", { kind: "meteor" });
    expect(status).toBe(400);
    expect(json.error).toMatch(/Invalid fault/);
  });

  it("adds users, signs them in, adds and removes profiles", async () => {
    expect(
      (
        await adminCall(emulator, "POST", "/users", {
          id: "amzn1.account.NEW",
          name: "New Person",
          email: "new@example.com",
        })
      ).status,
    ).toBe(200);
    expect(
      (await adminCall(emulator, "POST", "/sign-in", { userId: "amzn1.account.NEW" })).status,
    ).toBe(200);
    expect((await adminCall(emulator, "GET", "")).json.signedInUserId).toBe("amzn1.account.NEW");
    const added = await adminCall(emulator, "POST", "/profiles", {
      profile: {
        profileId: "9223372036854775807",
        countryCode: "BR",
        currencyCode: "BRL",
        timezone: "America/Sao_Paulo",
        accountInfo: { marketplaceStringId: "A2Q3Y263D00KWC", id: "A1BR", type: "seller" },
      },
    });
    expect(added.json).toEqual({ region: "NA" });
    const { accessToken } = emulator.admin.issueRefreshToken();
    const listed = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, accessToken);
    expect(await listed.text()).toContain('"profileId":9223372036854775807,');
    expect((await adminCall(emulator, "DELETE", "/profiles/9223372036854775807")).json).toEqual({
      removed: true,
    });
  });

  it("refuses a profile id that is not a digit string", async () => {
    const { status, json } = await adminCall(emulator, "POST", "/profiles", {
      profile: {
        profileId: 123,
        countryCode: "US",
        currencyCode: "USD",
        timezone: "America/Los_Angeles",
        accountInfo: { marketplaceStringId: "ATVPDKIKX0DER", id: "A1", type: "seller" },
      },
    });
    expect(status).toBe(400);
    expect(json.error).toMatch(/profile\.profileId/);
  });

  it("reports and resets traffic", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    await refresh(emulator, refreshToken);
    const traffic = await adminCall(emulator, "GET", "/traffic");
    expect(traffic.json.token).toEqual({
      calls: 1,
      byGrantType: { refresh_token: 1 },
      inFlight: 0,
      peakConcurrency: 1,
    });
    await adminCall(emulator, "POST", "/traffic/reset");
    expect(emulator.admin.calls("token")).toBe(0);
  });

  it("lists the secrets", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const { json } = await adminCall(emulator, "GET", "/secrets");
    expect(json.secrets).toEqual(expect.arrayContaining([emulator.clientSecret, refreshToken]));
  });

  it("answers bad JSON with 400 and unknown routes with 404", async () => {
    const bad = await fetch(`${emulator.url}/_emulator/codes`, { method: "POST", body: "{" });
    expect(bad.status).toBe(400);
    expect((await adminCall(emulator, "GET", "/nothing")).status).toBe(404);
  });

  it("is not counted as Amazon traffic", async () => {
    await adminCall(emulator, "GET", "/traffic");
    expect(Object.values(emulator.admin.traffic()).every((t) => t.calls === 0)).toBe(true);
  });
});
