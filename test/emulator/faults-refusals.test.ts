import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { callApi, openConsent, redeem, redirectParams } from "./support.js";

describe("injected consent refusals (consent-refusal faults)", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it.each([
    "server_error",
    "temporarily_unavailable",
    "unauthorized_client",
    "invalid_scope",
  ] as const)(
    "redirects the consent page with %s, a description and the request's state",
    async (error) => {
      emulator.admin.injectFault({ kind: "consent-refusal", endpoint: "consent", error });
      const response = await openConsent(emulator);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^http:\/\/localhost:8765\/callback\?/);
      const params = redirectParams(response);
      expect(params.get("error")).toBe(error);
      expect(params.get("error_description")).toMatch(/\w+/);
      expect(params.get("state")).toBe("state-123");
      expect(params.has("code")).toBe(false);
    },
  );

  it("sends the description the fault gives, and no state when the request had none", async () => {
    emulator.admin.injectFault({
      kind: "consent-refusal",
      error: "temporarily_unavailable",
      description: "Down for maintenance",
    });
    const params = redirectParams(await openConsent(emulator, { state: undefined }));
    expect(params.get("error")).toBe("temporarily_unavailable");
    expect(params.get("error_description")).toBe("Down for maintenance");
    expect(params.has("state")).toBe(false);
  });

  it("still answers a redirect URI off the allow-list with the 400 page, not a redirect", async () => {
    emulator.admin.injectFault({ kind: "consent-refusal", error: "server_error" });
    const response = await openConsent(emulator, { redirect_uri: "http://localhost:1/elsewhere" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("has not been whitelisted");
  });

  it("still answers an unknown client id with the 400 page", async () => {
    emulator.admin.injectFault({ kind: "consent-refusal", error: "unauthorized_client" });
    const response = await openConsent(emulator, { client_id: "amzn1.application-oa2-client.0" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it("refuses an Allow click on an open page, to that page's redirect URI and state", async () => {
    const page = await (await openConsent(emulator)).text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1] ?? "";
    emulator.admin.injectFault({ kind: "consent-refusal", error: "server_error", times: 1 });
    const response = await fetch(emulator.authorizationUrl, {
      method: "POST",
      body: new URLSearchParams({ consent_id: consentId, decision: "allow" }),
      redirect: "manual",
    });
    const params = redirectParams(response);
    expect([params.get("error"), params.get("state")]).toEqual(["server_error", "state-123"]);
    // The page was answered: clicking again gets the expired-page 400.
    const again = await fetch(emulator.authorizationUrl, {
      method: "POST",
      body: new URLSearchParams({ consent_id: consentId, decision: "allow" }),
      redirect: "manual",
    });
    expect(again.status).toBe(400);
  });

  it("leaves the token endpoint alone when no endpoint is named", async () => {
    emulator.admin.injectFault({ kind: "consent-refusal", error: "server_error" });
    expect((await redeem(emulator, emulator.admin.issueCode())).status).toBe(200);
  });

  it("is refused on another endpoint, and with an error LwA does not send", () => {
    expect(() =>
      emulator.admin.injectFault({
        kind: "consent-refusal",
        endpoint: "token",
        error: "server_error",
      }),
    ).toThrow(/consent-refusal fault is a redirect from the consent page/);
    expect(() =>
      emulator.admin.injectFault({
        kind: "consent-refusal",
        error: "unsupported_response_type" as "server_error",
      }),
    ).toThrow(/Invalid fault at 'error'/);
  });
});

describe("injected 403s (forbidden faults)", () => {
  let emulator: Emulator;
  let token: string;
  beforeEach(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterEach(() => emulator.close());

  it("answers GET /v2/profiles/{id} with 403 Not authorized to access scope <id>", async () => {
    emulator.admin.injectFault({ kind: "forbidden", endpoint: "profile" });
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/v2/profiles/3456789012345678901`,
      token,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      code: "UNAUTHORIZED",
      details: "Not authorized to access scope 3456789012345678901",
      requestId: response.headers.get("x-amzn-requestid"),
    });
  });

  it("answers the list calls with 403 in the same shape, naming no profile", async () => {
    emulator.admin.injectFault({ kind: "forbidden" });
    for (const path of ["/v2/profiles", "/testAccounts?requestId=X"]) {
      const response = await callApi(emulator, `${emulator.apiUrl}${path}`, token);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        code: "UNAUTHORIZED",
        details: "Not authorized to access scope",
      });
    }
  });

  it("leaves the consent page and the token endpoint alone when no endpoint is named", async () => {
    emulator.admin.injectFault({ kind: "forbidden" });
    expect((await openConsent(emulator)).status).toBe(200);
    expect((await redeem(emulator, emulator.admin.issueCode())).status).toBe(200);
  });

  it("is refused on the consent page and the token endpoint", () => {
    for (const endpoint of ["consent", "token"] as const) {
      expect(() => emulator.admin.injectFault({ kind: "forbidden", endpoint })).toThrow(
        /forbidden fault is an Ads API 403/,
      );
    }
  });
});
