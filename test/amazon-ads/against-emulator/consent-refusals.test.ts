import { parseConsentRedirect, type ConsentRequest } from "../../../src/amazon-ads/index.js";
import { locationOf, startHarness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => h.finish());

/** Opens `url` on the emulator and reads the redirect the way the login callback does. */
async function refusalAt(url: string, request: ConsentRequest) {
  h.rememberSecret(request.codeVerifier!);
  const response = await fetch(url, { redirect: "manual" });
  const location = locationOf(response);
  return h.caught(Promise.resolve().then(() => parseConsentRedirect(location, request.state)));
}

describe("consent refusals, client against emulator (fake clock and sleep)", () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it.each([
    ["server_error", "Try again in a few minutes"],
    ["temporarily_unavailable", "Try again shortly"],
    ["unauthorized_client", "Check the app's settings"],
    ["invalid_scope", "approved for the Amazon Ads API"],
  ] as const)(
    "reads an injected %s as CONSENT_REFUSED with Amazon's description and advice",
    async (error, advice) => {
      h.emulator.admin.injectFault({ kind: "consent-refusal", endpoint: "consent", error });
      const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
      const refused = await refusalAt(request.url, request);
      expect(refused).toMatchObject({ code: "CONSENT_REFUSED", amazonError: error });
      expect(refused.amazonDescription).toMatch(/\w+/);
      expect(refused.message).toContain(error);
      expect(refused.message).toContain(advice);
    },
  );

  it("carries the description the consent page sent", async () => {
    h.emulator.admin.injectFault({
      kind: "consent-refusal",
      error: "temporarily_unavailable",
      description: "Down for maintenance",
    });
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const refused = await refusalAt(request.url, request);
    expect(refused.amazonDescription).toBe("Down for maintenance");
    expect(refused.message).toContain("(temporarily_unavailable: Down for maintenance)");
  });

  it("reads a consent URL with another response_type as invalid_request naming the parameter", async () => {
    const request = h.client.consentUrl({ redirectUri: h.emulator.redirectUri });
    const tampered = new URL(request.url);
    tampered.searchParams.set("response_type", "token");
    const refused = await refusalAt(tampered.href, request);
    expect(refused).toMatchObject({ code: "CONSENT_REFUSED", amazonError: "invalid_request" });
    expect(refused.amazonDescription).toContain("response_type");
    expect(refused.message).toContain("Build the URL again");
  });
});
