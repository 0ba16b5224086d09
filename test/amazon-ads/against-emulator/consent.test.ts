import { parseConsentRedirect, type ConsentRequest } from "../../../src/amazon-ads/index.js";
import { START, locationOf, startHarness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => h.finish());

/** Opens the client's consent URL on the emulator (auto-approving) and reads the redirect. */
async function consent(request: ConsentRequest): Promise<string> {
  if (request.codeVerifier) h.rememberSecret(request.codeVerifier);
  const response = await fetch(request.url, { redirect: "manual" });
  return parseConsentRedirect(locationOf(response), request.state).code;
}

describe("consent and code exchange, client against emulator (fake clock and sleep)", () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it("follows the consent redirect and redeems the code with the S256 verifier", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    expect(request.codeChallengeMethod).toBe("S256");
    const response = await fetch(request.url, { redirect: "manual" });
    const granted = parseConsentRedirect(locationOf(response), request.state);
    expect(granted).toMatchObject({
      state: request.state,
      scope: "advertising::campaign_management",
    });
    const tokens = await h.client.redeemAuthorizationCode({
      code: granted.code,
      redirectUri: request.redirectUri,
      codeVerifier: request.codeVerifier!,
    });
    expect(tokens).toMatchObject({ tokenType: "bearer", expiresIn: 3600 });
    expect(tokens.accessToken).toMatch(/^Atza\|/);
    expect(tokens.refreshToken).toMatch(/^Atzr\|/);
    expect(tokens.expiresAt.getTime()).toBe(START + 3600_000);
    // The redemption seeded the cache: listing profiles needs no refresh.
    expect(await h.client.listProfiles(tokens.refreshToken)).toHaveLength(3);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(0);
  });

  it("asks Login with Amazon whether a consent URL would work, without following its redirect", async () => {
    const ok = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    expect(await h.client.checkConsentUrl(ok.url)).toEqual({ refused: false, status: 302 });
    const unregistered = h.client.consentUrl({ redirectUri: "http://localhost:1/elsewhere" });
    expect(await h.client.checkConsentUrl(unregistered.url)).toEqual({
      refused: true,
      status: 400,
      blames: "redirect_uri",
    });
    const scope = h.client.consentUrl({
      redirectUri: h.emulator.redirectUri,
      scopes: ["advertising::made_up"],
    });
    expect(await h.client.checkConsentUrl(scope.url)).toMatchObject({ blames: "scope" });
  });

  it("redeems a plain PKCE challenge and a consent without PKCE", async () => {
    for (const pkce of ["plain", false] as const) {
      const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri, pkce });
      const code = await consent(request);
      const redemption = {
        code,
        redirectUri: request.redirectUri,
        ...(request.codeVerifier ? { codeVerifier: request.codeVerifier } : {}),
      };
      await expect(h.client.redeemAuthorizationCode(redemption)).resolves.toBeDefined();
    }
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("redeems a code from the FE consent page at the NA token endpoint", async () => {
    const request = h
      .clientFor({ region: "FE" })
      .consentUrl({ redirectUri: h.emulator.redirectUri });
    expect(request.url.startsWith(h.emulator.regions.FE.authorizationUrl)).toBe(true);
    const code = await consent(request);
    await expect(
      h.client.redeemAuthorizationCode({
        code,
        redirectUri: request.redirectUri,
        codeVerifier: request.codeVerifier!,
      }),
    ).resolves.toMatchObject({ expiresIn: 3600 });
    expect(h.emulatorLog.map((entry) => entry.region)).toEqual(["FE", "NA"]);
  });

  it("refuses a wrong S256 verifier with PKCE_MISMATCH", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const code = await consent(request);
    const other = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    h.rememberSecret(other.codeVerifier!);
    const error = await h.caught(
      h.client.redeemAuthorizationCode({
        code,
        redirectUri: request.redirectUri,
        codeVerifier: other.codeVerifier!,
      }),
    );
    expect(error).toMatchObject({ code: "PKCE_MISMATCH", status: 400 });
    expect(error.amazonError).toBe("invalid_grant");
  });

  it("refuses a missing verifier with PKCE_MISMATCH", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const code = await consent(request);
    const error = await h.caught(
      h.client.redeemAuthorizationCode({ code, redirectUri: request.redirectUri }),
    );
    expect(error).toMatchObject({ code: "PKCE_MISMATCH", status: 400 });
    expect(error.message).toContain("verifier is missing");
  });

  it("refuses a verifier for a consent that had no challenge with PKCE_MISMATCH", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri, pkce: false });
    const code = await consent(request);
    const stray = h.client.consentUrl({ redirectUri: h.emulator.redirectUri }).codeVerifier!;
    h.rememberSecret(stray);
    const error = await h.caught(
      h.client.redeemAuthorizationCode({
        code,
        redirectUri: request.redirectUri,
        codeVerifier: stray,
      }),
    );
    expect(error.code).toBe("PKCE_MISMATCH");
  });

  it("reports a redirect carrying another state as STATE_MISMATCH", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    h.rememberSecret(request.codeVerifier!);
    const response = await fetch(request.url, { redirect: "manual" });
    const location = locationOf(response);
    const error = await h.caught(
      Promise.resolve().then(() => parseConsentRedirect(location, "a-state-never-sent")),
    );
    expect(error.code).toBe("STATE_MISMATCH");
  });

  it("accepts a code until 5 minutes have passed, then reports CODE_EXPIRED_OR_USED", async () => {
    const redirectUri = h.emulator.redirectUri;
    const early = await consent(h.client.consentUrl({ redirectUri, pkce: false }));
    const late = await consent(h.client.consentUrl({ redirectUri, pkce: false }));
    h.advance(299);
    await expect(h.client.redeemAuthorizationCode({ code: early, redirectUri })).resolves.toEqual(
      expect.objectContaining({ expiresIn: 3600 }),
    );
    h.advance(1);
    const error = await h.caught(h.client.redeemAuthorizationCode({ code: late, redirectUri }));
    expect(error).toMatchObject({ code: "CODE_EXPIRED_OR_USED", status: 400, attempts: 1 });
  });

  it("redeems a code once and reports the second redemption as CODE_EXPIRED_OR_USED", async () => {
    const redirectUri = h.emulator.redirectUri;
    const code = await consent(h.client.consentUrl({ redirectUri, pkce: false }));
    await h.client.redeemAuthorizationCode({ code, redirectUri });
    const error = await h.caught(h.client.redeemAuthorizationCode({ code, redirectUri }));
    expect(error).toMatchObject({ code: "CODE_EXPIRED_OR_USED", amazonError: "invalid_grant" });
    expect(error.amazonDescription).toBe("The request has an invalid grant parameter : code");
  });

  it("reports another allowed redirect URI than the consent's as REDIRECT_URI_MISMATCH", async () => {
    const [consented, other] = h.emulator.redirectUris;
    const code = await consent(h.client.consentUrl({ redirectUri: consented!, pkce: false }));
    const error = await h.caught(h.client.redeemAuthorizationCode({ code, redirectUri: other! }));
    expect(error).toMatchObject({ code: "REDIRECT_URI_MISMATCH", status: 400 });
    expect(error.message).toContain("Allowed Return URLs");
  });

  it("reports a wrong client secret at redemption as INVALID_CLIENT", async () => {
    const redirectUri = h.emulator.redirectUri;
    const code = await consent(h.client.consentUrl({ redirectUri, pkce: false }));
    const stranger = h.clientFor({ clientSecret: "amzn1.oa2-cs.v1.not-the-secret" });
    const error = await h.caught(stranger.redeemAuthorizationCode({ code, redirectUri }));
    expect(error).toMatchObject({ code: "INVALID_CLIENT", status: 401 });
  });
});

describe("the consent page's Allow and Deny buttons, client against emulator (fake clock and sleep)", () => {
  beforeEach(async () => {
    h = await startHarness({ autoApprove: false });
  });

  /** Shows the consent page, presses a button and returns where the emulator redirects. */
  async function answer(request: ConsentRequest, decision: "allow" | "deny"): Promise<string> {
    h.rememberSecret(request.codeVerifier!);
    const page = await (await fetch(request.url)).text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1];
    const response = await fetch(h.emulator.authorizationUrl, {
      method: "POST",
      body: new URLSearchParams({ consent_id: consentId!, decision }),
      redirect: "manual",
    });
    return locationOf(response);
  }

  it("reads Allow as a code the client can redeem", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const { code } = parseConsentRedirect(await answer(request, "allow"), request.state);
    const tokens = await h.client.redeemAuthorizationCode({
      code,
      redirectUri: request.redirectUri,
      codeVerifier: request.codeVerifier!,
    });
    expect(tokens.refreshToken).toMatch(/^Atzr\|/);
  });

  it("reads Deny as CONSENT_REFUSED with Amazon's access_denied", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const location = await answer(request, "deny");
    const error = await h.caught(
      Promise.resolve().then(() => parseConsentRedirect(location, request.state)),
    );
    expect(error).toMatchObject({ code: "CONSENT_REFUSED", amazonError: "access_denied" });
    expect(error.message).toContain("choose Allow");
  });
});
