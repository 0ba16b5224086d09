import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { openConsent, redeem, redirectParams } from "./support.js";

/** Reads the consent form's action and hidden consent id from the page. */
function formOf(page: string): { action: string; consentId: string } {
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1];
  const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !consentId) throw new Error("no consent form on the page");
  return { action, consentId };
}

async function answer(
  emulator: Emulator,
  page: string,
  decision: "allow" | "deny",
): Promise<Response> {
  const { action, consentId } = formOf(page);
  return fetch(new URL(action, emulator.url), {
    method: "POST",
    body: new URLSearchParams({ consent_id: consentId, decision }),
    redirect: "manual",
  });
}

describe("the consent page (GET /ap/oa)", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it("answers an unknown client_id with a 400 page and no redirect", async () => {
    const response = await openConsent(emulator, {
      client_id: "amzn1.application-oa2-client.00000000000000000000000000000000",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("not a registered Login with Amazon client");
  });

  it("answers a redirect URI missing from the allow-list with a 400 page, not a redirect", async () => {
    const response = await openConsent(emulator, {
      redirect_uri: "http://localhost:9999/callback",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain(
      "The redirect URI you provided has not been whitelisted for your application.",
    );
  });

  it("matches redirect URIs exactly (a trailing slash is another URI)", async () => {
    const response = await openConsent(emulator, { redirect_uri: "https://amazon.com/" });
    expect(response.status).toBe(400);
  });

  it("answers an unknown scope with a 400 page", async () => {
    const response = await openConsent(emulator, {
      scope: "advertising::campaign_management profile",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("An unknown scope was requested");
  });

  it("sends a request without scope back with invalid_request and the state", async () => {
    const params = redirectParams(await openConsent(emulator, { scope: undefined }));
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("error_description")).toBe(
      "The request is missing a required parameter : scope",
    );
    expect(params.get("state")).toBe("state-123");
  });

  it("sends a response_type other than code back with invalid_request naming the parameter and the state", async () => {
    const params = redirectParams(await openConsent(emulator, { response_type: "token" }));
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("error_description")).toContain("response_type");
    expect(params.get("state")).toBe("state-123");
  });

  it("sends a request without response_type back with invalid_request naming the missing parameter", async () => {
    const params = redirectParams(await openConsent(emulator, { response_type: undefined }));
    expect(params.get("error")).toBe("invalid_request");
    expect(params.get("error_description")).toBe(
      "The request is missing a required parameter : response_type",
    );
  });

  it("refuses an unknown PKCE method", async () => {
    const params = redirectParams(
      await openConsent(emulator, {
        code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        code_challenge_method: "MD5",
      }),
    );
    expect(params.get("error")).toBe("invalid_request");
  });

  it("shows the app, the scopes and real Allow and Deny buttons", async () => {
    const response = await openConsent(emulator);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Acme Ads Connector (emulated)");
    expect(page).toContain("advertising::campaign_management");
    expect(page).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(page).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
    expect(formOf(page).action).toBe("/ap/oa");
  });

  it("redirects Allow with a code, the scopes and the echoed state", async () => {
    const page = await (await openConsent(emulator, { state: "csrf token/ä" })).text();
    const response = await answer(emulator, page, "allow");
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://localhost:8765/callback");
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z]{20}$/);
    expect(location.searchParams.get("scope")).toBe("advertising::campaign_management");
    expect(location.searchParams.get("state")).toBe("csrf token/ä");
  });

  it("redirects Deny with access_denied and the state", async () => {
    const page = await (await openConsent(emulator)).text();
    const params = redirectParams(await answer(emulator, page, "deny"));
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("error_description")).toBeTruthy();
    expect(params.get("state")).toBe("state-123");
    expect(params.get("code")).toBeNull();
  });

  it("takes one answer per page", async () => {
    const page = await (await openConsent(emulator)).text();
    expect((await answer(emulator, page, "allow")).status).toBe(302);
    expect((await answer(emulator, page, "allow")).status).toBe(400);
  });

  it("leaves state out of the redirect when the client sent none", async () => {
    const page = await (await openConsent(emulator, { state: undefined })).text();
    const params = redirectParams(await answer(emulator, page, "allow"));
    expect(params.has("state")).toBe(false);
  });

  it("posts a regional page back to its own region", async () => {
    const page = await (
      await openConsent(emulator, {}, emulator.regions.EU.authorizationUrl)
    ).text();
    expect(formOf(page).action).toBe("/eu/ap/oa");
  });

  it("lets the signed-in user be switched by the admin", async () => {
    emulator.admin.signIn("amzn1.account.AEMULATORNEWCUSTOMER0000002");
    const page = await (await openConsent(emulator)).text();
    expect(page).toContain("Noah New");
  });
});

describe("the consent page with autoApprove", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ autoApprove: true });
  });
  afterAll(() => emulator.close());

  it("redirects at once with a code and the state", async () => {
    const response = await openConsent(emulator, {
      scope: "advertising::campaign_management advertising::test:create_account",
    });
    expect(response.status).toBe(302);
    const params = redirectParams(response);
    expect(params.get("code")).toBeTruthy();
    expect(params.get("scope")).toBe(
      "advertising::campaign_management advertising::test:create_account",
    );
    expect(params.get("state")).toBe("state-123");
  });

  it("still refuses a bad redirect URI with a 400 page", async () => {
    expect((await openConsent(emulator, { redirect_uri: "https://evil.example/" })).status).toBe(
      400,
    );
  });

  it("issues codes any region's token endpoint redeems", async () => {
    const fe = redirectParams(
      await openConsent(emulator, {}, emulator.regions.FE.authorizationUrl),
    ).get("code")!;
    expect((await redeem(emulator, fe)).status).toBe(200);
  });
});
