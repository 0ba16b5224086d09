import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { DEFAULT_SEED } from "../../src/emulator/index.js";
import { callApi, postToken, redeem, refresh } from "./support.js";

// RFC 7636, appendix B.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const S256_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const REVOKED =
  "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.";

const OTHER_APP = {
  name: "Other",
  clientId: "amzn1.application-oa2-client.ffffffffffffffffffffffffffffffff",
  clientSecret: "amzn1.oa2-cs.v1.other",
  redirectUris: ["http://localhost:8765/callback"],
};

describe("the token endpoint (POST /auth/o2/token)", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: { apps: [...DEFAULT_SEED.apps, OTHER_APP] } });
  });
  afterEach(() => emulator.close());

  it("exchanges a code for an Atza access token and an Atzr refresh token", async () => {
    const answer = await redeem(emulator, emulator.admin.issueCode());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^Atza\|/),
      refresh_token: expect.stringMatching(/^Atzr\|/),
      token_type: "bearer",
      expires_in: 3600,
    });
    expect((answer.body.access_token as string).length).toBeLessThanOrEqual(2048);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("redeems the code once and never again", async () => {
    const code = emulator.admin.issueCode();
    expect((await redeem(emulator, code)).status).toBe(200);
    const again = await redeem(emulator, code);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : code",
    });
  });

  it("accepts a code until it is 5 minutes old, and not after", async () => {
    const young = emulator.admin.issueCode();
    const old = emulator.admin.issueCode();
    emulator.admin.advanceClock(299);
    expect((await redeem(emulator, young)).status).toBe(200);
    emulator.admin.advanceClock(1);
    const late = await redeem(emulator, old);
    expect(late.status).toBe(400);
    expect(late.body.error_description).toBe("The request has an invalid grant parameter : code");
  });

  it("refuses a redirect_uri other than the consent's", async () => {
    const code = emulator.admin.issueCode({ redirectUri: "https://amazon.com" });
    const answer = await redeem(emulator, code);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : redirect_uri",
    });
  });

  it("refuses a code issued to another client", async () => {
    const code = emulator.admin.issueCode({ clientId: OTHER_APP.clientId });
    const answer = await redeem(emulator, code);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_grant");
  });

  it("accepts the right S256 verifier", async () => {
    const code = emulator.admin.issueCode({
      codeChallenge: S256_CHALLENGE,
      codeChallengeMethod: "S256",
    });
    expect((await redeem(emulator, code, { code_verifier: VERIFIER })).status).toBe(200);
  });

  it("refuses a wrong S256 verifier and keeps the code for the right one", async () => {
    const code = emulator.admin.issueCode({
      codeChallenge: S256_CHALLENGE,
      codeChallengeMethod: "S256",
    });
    const wrong = await redeem(emulator, code, { code_verifier: `${VERIFIER.slice(1)}x` });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : code_verifier",
    });
    expect((await redeem(emulator, code, { code_verifier: VERIFIER })).status).toBe(200);
  });

  it("asks for the verifier when the consent had a challenge", async () => {
    const code = emulator.admin.issueCode({ codeChallenge: S256_CHALLENGE });
    const answer = await redeem(emulator, code);
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toBe(
      "The request is missing a required parameter : code_verifier",
    );
  });

  it("treats a challenge without method as plain", async () => {
    const code = emulator.admin.issueCode({ codeChallenge: VERIFIER });
    expect((await redeem(emulator, code, { code_verifier: VERIFIER })).status).toBe(200);
  });

  it("refuses a verifier for a consent that had no challenge", async () => {
    const answer = await redeem(emulator, emulator.admin.issueCode(), { code_verifier: VERIFIER });
    expect(answer.body.error).toBe("invalid_grant");
  });

  it.each([
    ["authorization_code", "code"],
    ["authorization_code", "redirect_uri"],
    ["authorization_code", "client_id"],
    ["authorization_code", "client_secret"],
    ["refresh_token", "refresh_token"],
    ["refresh_token", "client_id"],
    ["refresh_token", "client_secret"],
  ])("names the missing %s parameter %s", async (grantType, name) => {
    const fields: Record<string, string> = {
      grant_type: grantType,
      code: "ANabcdefghijklmnopqr",
      refresh_token: "Atzr|dummy",
      redirect_uri: emulator.redirectUri,
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
    };
    delete fields[name];
    const answer = await postToken(emulator.tokenUrl, fields);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: "invalid_request",
      error_description: `The request is missing a required parameter : ${name}`,
    });
  });

  it("names a missing grant_type", async () => {
    const answer = await postToken(emulator.tokenUrl, { client_id: emulator.clientId });
    expect(answer.body.error_description).toBe(
      "The request is missing a required parameter : grant_type",
    );
  });

  it("answers an unknown grant_type with unsupported_grant_type", async () => {
    const answer = await postToken(emulator.tokenUrl, {
      grant_type: "client_credentials",
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("unsupported_grant_type");
  });

  it.each([
    ["a JSON body", "application/json", '{"grant_type":"refresh_token"}'],
    ["a broken form", "application/x-www-form-urlencoded", "grant_type=refresh_token&x=%zz"],
    ["no content type", "", "grant_type=refresh_token"],
  ])("answers %s with invalid_request Malformed request", async (_, type, body) => {
    const response = await fetch(emulator.tokenUrl, {
      method: "POST",
      body: Buffer.from(body),
      headers: type ? { "content-type": type } : {},
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "Malformed request",
    });
  });

  it("answers a wrong secret or an unknown client with 401 invalid_client", async () => {
    const code = emulator.admin.issueCode();
    const wrongSecret = await redeem(emulator, code, { client_secret: "nope" });
    const unknownClient = await redeem(emulator, code, {
      client_id: "amzn1.application-oa2-client.00000000000000000000000000000000",
    });
    for (const answer of [wrongSecret, unknownClient]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: "invalid_client",
        error_description: "Client authentication failed",
      });
    }
    // Failed client authentication leaves the code redeemable.
    expect((await redeem(emulator, code)).status).toBe(200);
  });

  it("never rotates the refresh token, but issues a new access token", async () => {
    const first = await redeem(emulator, emulator.admin.issueCode());
    const renewed = await refresh(emulator, first.body.refresh_token as string);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).toBe(first.body.refresh_token);
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    expect(renewed.body.expires_in).toBe(3600);
  });

  it("refuses a revoked refresh token with LwA's long message", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    expect(emulator.admin.revokeGrant(refreshToken)).toBe(true);
    const answer = await refresh(emulator, refreshToken);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: "invalid_grant", error_description: REVOKED });
  });

  it("revokes every grant of a user at once", async () => {
    const a = emulator.admin.issueRefreshToken();
    const b = emulator.admin.issueRefreshToken();
    expect(emulator.admin.revokeUserGrants("amzn1.account.AEMULATORDEMOADVERTISER00001")).toBe(2);
    expect((await refresh(emulator, a.refreshToken)).status).toBe(400);
    expect((await refresh(emulator, b.refreshToken)).status).toBe(400);
  });

  it("refuses a refresh token with another client's credentials", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const answer = await refresh(emulator, refreshToken, {
      client_id: OTHER_APP.clientId,
      client_secret: OTHER_APP.clientSecret,
    });
    expect(answer.body).toEqual({ error: "invalid_grant", error_description: REVOKED });
  });

  it("checks credentials with a dummy refresh token: invalid_grant if good, invalid_client if bad", async () => {
    const good = await refresh(emulator, "Atzr|dummy");
    expect([good.status, good.body.error]).toEqual([400, "invalid_grant"]);
    const bad = await refresh(emulator, "Atzr|dummy", { client_secret: "wrong" });
    expect([bad.status, bad.body.error]).toEqual([401, "invalid_client"]);
  });

  it("lets an access token work for 3600 seconds and not a second more", async () => {
    const { accessToken } = emulator.admin.issueRefreshToken();
    const profiles = `${emulator.apiUrl}/v2/profiles`;
    emulator.admin.advanceClock(3599);
    expect((await callApi(emulator, profiles, accessToken)).status).toBe(200);
    emulator.admin.advanceClock(1);
    const expired = await callApi(emulator, profiles, accessToken);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("kills a revoked grant's access tokens too", async () => {
    const { accessToken, refreshToken } = emulator.admin.issueRefreshToken();
    emulator.admin.revokeGrant(refreshToken);
    expect((await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, accessToken)).status).toBe(
      401,
    );
  });

  it("serves the same grants from every region's token endpoint", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const eu = await postToken(emulator.regions.EU.tokenUrl, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
    });
    expect(eu.status).toBe(200);
  });
});
