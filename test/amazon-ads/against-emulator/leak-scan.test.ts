import { AmazonAdsError, parseConsentRedirect } from "../../../src/amazon-ads/index.js";
import { locationOf, startHarness } from "./support.js";

// Every other file here runs this scan after each test; these tests show it is not vacuous.
describe("the secret scan run after every client-against-emulator test", () => {
  it("passes after a full login, refresh and profile listing with debug logging on", async () => {
    const h = await startHarness();
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const response = await fetch(request.url, { redirect: "manual" });
    const { code } = parseConsentRedirect(locationOf(response), request.state);
    const tokens = await h.client.redeemAuthorizationCode({
      code,
      redirectUri: request.redirectUri,
      codeVerifier: request.codeVerifier!,
    });
    await h.client.refreshAccessToken(tokens.refreshToken);
    await h.client.listProfiles(tokens.refreshToken);
    await h.caught(h.clientFor({ clientSecret: "wrong" }).refreshAccessToken(tokens.refreshToken));
    // The scan had something to look at: the emulator knows these secrets, and both logs have lines.
    const secrets = h.emulator.admin.secrets();
    expect(secrets).toEqual(
      expect.arrayContaining([
        h.emulator.clientSecret,
        code,
        request.codeVerifier,
        tokens.refreshToken,
        tokens.accessToken,
      ]),
    );
    expect(h.clientLog.some((line) => line.includes("[REDACTED]"))).toBe(true);
    expect(h.emulatorLog).toHaveLength(5);
    await expect(h.finish()).resolves.toBeUndefined();
  });

  it("fails when a client log line carries a token the emulator issued", async () => {
    const h = await startHarness();
    h.clientLog.push(`refreshed ${h.grant().accessToken}`);
    await expect(h.finish()).rejects.toThrow("refreshed <SECRET>");
  });

  it("fails when an error's message carries the client secret", async () => {
    const h = await startHarness();
    await h.caught(
      Promise.reject(new AmazonAdsError("NETWORK", `failed with ${h.emulator.clientSecret}`)),
    );
    await expect(h.finish()).rejects.toThrow("failed with <SECRET>");
  });

  it("fails when an emulator log entry carries a refresh token", async () => {
    const h = await startHarness();
    const { refreshToken } = h.grant();
    await h.client.accessToken(refreshToken);
    h.emulatorLog.push({ ...h.emulatorLog[0]!, reason: `bad grant ${refreshToken}` });
    await expect(h.finish()).rejects.toThrow("bad grant <SECRET>");
  });

  it("fails on a secret only the test knows, such as a verifier the emulator rejected", async () => {
    const h = await startHarness();
    h.rememberSecret("a-verifier-the-emulator-never-accepted-0123456789");
    h.clientLog.push("sent a-verifier-the-emulator-never-accepted-0123456789");
    await expect(h.finish()).rejects.toThrow("sent <SECRET>");
  });
});
