import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { consentThroughEmulator } from "../../../scripts/start/consent.js";

describe("consentThroughEmulator", () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it("gets a code the token endpoint redeems once, with the PKCE verifier", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const consent = await consentThroughEmulator(emulator);
    expect(consent.redirectUri).toBe(emulator.redirectUri);
    expect(consent.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    const redeem = () =>
      fetch(emulator!.tokenUrl, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: consent.code,
          redirect_uri: consent.redirectUri,
          code_verifier: consent.codeVerifier,
          client_id: emulator!.clientId,
          client_secret: emulator!.clientSecret,
        }),
      });
    expect((await redeem()).status).toBe(200);
    expect((await redeem()).status).toBe(400);
    expect(emulator.admin.calls("consent")).toBe(1);
  });

  it("says to start the emulator with autoApprove when the consent page waits for a click", async () => {
    emulator = await startEmulator();
    await expect(consentThroughEmulator(emulator)).rejects.toThrow(
      /answered 200 without a redirect; start it with autoApprove/,
    );
  });
});
