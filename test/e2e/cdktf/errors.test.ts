/**
 * What a user sees when a deploy of the example app cannot succeed: a code that was already
 * redeemed, and selectors that match several profiles.
 */
import { AmazonAdsClient } from "../../../src/amazon-ads/index.js";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { consentThroughEmulator } from "../../../scripts/start/consent.js";
import { ExampleProject, emulatorSettings } from "../support/cdktf.js";

describe("the example app's deploy errors, with the real cdktf CLI", () => {
  let emulator: Emulator;
  let project: ExampleProject;

  beforeEach(async () => {
    emulator = await startEmulator({ autoApprove: true });
    project = ExampleProject.create();
  });
  afterEach(async () => {
    project.remove();
    await emulator.close();
  });

  it("reports a code already redeemed as an error on authorization_code", async () => {
    const consent = await consentThroughEmulator(emulator);
    const client = new AmazonAdsClient({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      endpoints: emulator,
    });
    await client.redeemAuthorizationCode({
      code: consent.code,
      redirectUri: consent.redirectUri,
      codeVerifier: consent.codeVerifier,
    });
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorSettings(emulator),
      AMAZON_ADS_AUTHORIZATION_CODE: consent.code,
      TF_VAR_authorization_code: consent.code,
      AMAZON_ADS_CODE_VERIFIER: consent.codeVerifier,
      TF_VAR_code_verifier: consent.codeVerifier,
    });
    expect(deploy.code).not.toBe(0);
    // A diagnostic on the attribute: terraform quotes the configuration line it points at.
    expect(deploy.output).toContain("Error: The authorization code was already redeemed");
    expect(deploy.output).toMatch(/\d+: +"authorization_code": "\$\{var\.authorization_code\}"/);
    expect(deploy.output).not.toContain(consent.code);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("lists the candidates when the selectors match several profiles", async () => {
    emulator.admin.addProfile({
      profileId: "11112222333344445",
      countryCode: "US",
      currencyCode: "USD",
      timezone: "America/New_York",
      accountInfo: {
        marketplaceStringId: "ATVPDKIKX0DER",
        id: "A3SECONDSELLERUS",
        type: "seller",
        name: "Acme Second Store",
      },
    });
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorSettings(emulator),
      AMAZON_ADS_REFRESH_TOKEN: refreshToken,
      TF_VAR_refresh_token: refreshToken,
    });
    expect(deploy.code).not.toBe(0);
    expect(deploy.output).toMatch(/2 advertising profiles match; exactly one must/);
    expect(deploy.output).toContain("34567890123456789");
    expect(deploy.output).toContain("11112222333344445");
    expect(deploy.output).toContain("Acme Second Store");
    expect(deploy.output).not.toContain(refreshToken);
  });
});
