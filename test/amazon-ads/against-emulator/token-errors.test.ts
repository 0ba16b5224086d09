import {
  LwaClient,
  Transport,
  type AmazonAdsError,
  type HttpResponse,
} from "../../../src/amazon-ads/index.js";
import { readBody } from "../../../src/amazon-ads/responses.js";
import { tokenErrorSchema } from "../../../src/amazon-ads/schemas.js";
import { tokenError } from "../../../src/amazon-ads/token-errors.js";
import { startHarness, type Harness } from "./support.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.finish());

const OTHER_CLIENT_ID = "amzn1.application-oa2-client.00000000000000000000000000000000";

describe("refresh-token errors, client against emulator (fake clock and sleep)", () => {
  it("reports a revoked refresh token as REVOKED_GRANT", async () => {
    const { refreshToken } = h.grant();
    expect(h.emulator.admin.revokeGrant(refreshToken)).toBe(true);
    const error = await h.caught(h.client.refreshAccessToken(refreshToken));
    expect(error).toMatchObject({ code: "REVOKED_GRANT", status: 400, attempts: 1 });
    expect(error.amazonDescription).toContain("User may have revoked");
    expect(error.message).toContain("cdktf-amazon-ads login");
  });

  it("reports REVOKED_GRANT even while the client holds a cached access token", async () => {
    const { refreshToken } = h.grant();
    await h.client.listProfiles(refreshToken);
    h.emulator.admin.revokeGrant(refreshToken);
    // The cached token is refused (401), the client renews once, and LwA refuses the grant.
    const error = await h.caught(h.client.listProfiles(refreshToken));
    expect(error.code).toBe("REVOKED_GRANT");
    expect(h.emulator.admin.calls("profiles")).toBe(2);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(2);
    // A refused grant keeps no token: the next call asks LwA again instead of using it.
    await h.caught(h.client.accessToken(refreshToken));
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(3);
  });

  it("reports a refresh token LwA never issued as REVOKED_GRANT", async () => {
    const error = await h.caught(h.client.accessToken("Atzr|IwEBnever-issued-by-this-emulator"));
    expect(error).toMatchObject({ code: "REVOKED_GRANT", amazonError: "invalid_grant" });
  });

  it.each([
    ["client id", { clientId: OTHER_CLIENT_ID }],
    ["client secret", { clientSecret: "amzn1.oa2-cs.v1.not-the-secret" }],
  ])("reports a wrong %s as INVALID_CLIENT", async (_what, settings) => {
    const { refreshToken } = h.grant();
    const error = await h.caught(h.clientFor(settings).accessToken(refreshToken));
    expect(error).toMatchObject({ code: "INVALID_CLIENT", status: 401, attempts: 1 });
    expect(error.amazonDescription).toBe("Client authentication failed");
  });

  it.each([
    ["refresh_token", () => h.client.refreshAccessToken("")],
    ["client_secret", () => h.clientFor({ clientSecret: "" }).refreshAccessToken("Atzr|x")],
    ["code", () => h.client.redeemAuthorizationCode({ code: "", redirectUri: "https://x" })],
    [
      "redirect_uri",
      () =>
        h.client.redeemAuthorizationCode({ code: h.emulator.admin.issueCode(), redirectUri: "" }),
    ],
  ])("reports a missing %s as INVALID_REQUEST naming it", async (field, call) => {
    const error = await h.caught(call());
    expect(error).toMatchObject({ code: "INVALID_REQUEST", status: 400 });
    expect(error.amazonDescription).toBe(`The request is missing a required parameter : ${field}`);
  });

  it.each([500, 502, 503, 504] as const)(
    "retries %i with backoff, then reports AMAZON_UNAVAILABLE",
    async (status) => {
      const { refreshToken } = h.grant();
      h.emulator.admin.injectFault({ kind: "server-error", endpoint: "token", status });
      const error = await h.caught(h.client.accessToken(refreshToken));
      expect(error).toMatchObject({ code: "AMAZON_UNAVAILABLE", status, attempts: 5 });
      expect(error.amazonError).toBe(status === 503 ? "temporarily_unavailable" : "server_error");
      expect(h.emulator.admin.calls("token", "refresh_token")).toBe(5);
      expect(h.sleeps).toEqual([2000, 4000, 8000, 16000]);
    },
  );
});

describe("credential check, client against emulator (fake clock and sleep)", () => {
  it("resolves for the app's real credentials, with one token call and no grant", async () => {
    await expect(h.client.verifyClientCredentials()).resolves.toBeUndefined();
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(1);
  });

  it.each([
    ["secret", { clientSecret: "amzn1.oa2-cs.v1.not-the-secret" }],
    ["client id", { clientId: OTHER_CLIENT_ID }],
  ])("rejects a wrong %s with INVALID_CLIENT", async (_what, settings) => {
    const error = await h.caught(h.clientFor(settings).verifyClientCredentials());
    expect(error).toMatchObject({ code: "INVALID_CLIENT", status: 401 });
    expect(error.message).toContain("Amazon Developer console");
  });
});

describe("token requests only the lower layers can send, mapped by the client (real clock)", () => {
  /** Sends a token request through the client's Transport and maps the answer as LwaClient does. */
  async function tokenAnswer(request: {
    form?: Record<string, string>;
    json?: unknown;
  }): Promise<AmazonAdsError> {
    const transport = new Transport({ logger: h.logger });
    const response: HttpResponse = await transport.send({
      service: "Login with Amazon",
      method: "POST",
      url: h.emulator.regions.NA.tokenUrl,
      ...request,
    });
    const body = readBody(response, "Login with Amazon", tokenErrorSchema);
    return h.caught(Promise.reject(tokenError(response, "refresh_token", body)));
  }

  const credentials = (): Record<string, string> => ({
    client_id: h.emulator.clientId,
    client_secret: h.emulator.clientSecret,
  });

  it("maps a body that is not a form to INVALID_REQUEST 'Malformed request'", async () => {
    const error = await tokenAnswer({ json: { grant_type: "refresh_token", ...credentials() } });
    expect(error).toMatchObject({ code: "INVALID_REQUEST", status: 400 });
    expect(error.amazonDescription).toBe("Malformed request");
  });

  it("maps an unknown grant_type to UNSUPPORTED_GRANT_TYPE", async () => {
    const error = await tokenAnswer({ form: { grant_type: "password", ...credentials() } });
    expect(error).toMatchObject({ code: "UNSUPPORTED_GRANT_TYPE", status: 400 });
    expect(error.amazonError).toBe("unsupported_grant_type");
  });

  it("maps a missing grant_type to INVALID_REQUEST naming it", async () => {
    const error = await tokenAnswer({ form: credentials() });
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.amazonDescription).toContain("parameter : grant_type");
  });

  it("lets LwaClient on its own transport refresh a grant", async () => {
    const { refreshToken } = h.grant();
    const lwa = new LwaClient({
      clientId: h.emulator.clientId,
      clientSecret: h.emulator.clientSecret,
      tokenUrl: h.emulator.regions.EU.tokenUrl,
    });
    const tokens = await lwa.refreshAccessToken(refreshToken);
    expect(tokens.refreshToken).toBe(refreshToken);
    expect(h.emulatorLog.at(-1)).toMatchObject({ region: "EU", endpoint: "token", status: 200 });
  });
});
