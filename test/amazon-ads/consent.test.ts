import { createHash } from "node:crypto";
import {
  buildConsentUrl,
  codeChallenge,
  createCodeVerifier,
  parseConsentRedirect,
} from "../../src/amazon-ads/consent.js";
import { AmazonAdsError } from "../../src/amazon-ads/errors.js";
import { CLIENT_ID } from "./support/secrets.js";

const base = {
  authorizationUrl: "https://www.amazon.com/ap/oa",
  clientId: CLIENT_ID,
  redirectUri: "http://localhost:8765/callback",
};

describe("consent URL", () => {
  it("carries client id, default scope, response type, redirect URI, state and an S256 challenge", () => {
    const consent = buildConsentUrl(base);
    const url = new URL(consent.url);
    expect(`${url.origin}${url.pathname}`).toBe("https://www.amazon.com/ap/oa");
    expect(url.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(url.searchParams.get("scope")).toBe("advertising::campaign_management");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("redirect_uri")).toBe(base.redirectUri);
    expect(url.searchParams.get("state")).toBe(consent.state);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const expected = createHash("sha256")
      .update(consent.codeVerifier ?? "")
      .digest("base64url");
    expect(url.searchParams.get("code_challenge")).toBe(expected);
    expect(consent.codeChallengeMethod).toBe("S256");
  });

  it("makes a fresh state and verifier each time", () => {
    const first = buildConsentUrl(base);
    const second = buildConsentUrl(base);
    expect(first.state).not.toBe(second.state);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(first.state.length).toBeGreaterThanOrEqual(22);
  });

  it("sends several scopes space-separated and keeps a given state", () => {
    const consent = buildConsentUrl({
      ...base,
      scopes: ["advertising::campaign_management", "advertising::test:create_account"],
      state: "fixed-state",
      pkce: false,
    });
    const url = new URL(consent.url);
    expect(url.searchParams.get("scope")).toBe(
      "advertising::campaign_management advertising::test:create_account",
    );
    expect(url.search).toContain("scope=advertising%3A%3Acampaign_management+advertising");
    expect(url.searchParams.get("state")).toBe("fixed-state");
    expect(url.searchParams.has("code_challenge")).toBe(false);
    expect(consent.codeVerifier).toBeUndefined();
  });

  it("supports the plain method and an explicit verifier", () => {
    const verifier = "a".repeat(43);
    const consent = buildConsentUrl({ ...base, pkce: { method: "plain", codeVerifier: verifier } });
    const url = new URL(consent.url);
    expect(url.searchParams.get("code_challenge")).toBe(verifier);
    expect(url.searchParams.get("code_challenge_method")).toBe("plain");
    expect(buildConsentUrl({ ...base, pkce: "plain" }).codeChallengeMethod).toBe("plain");
  });

  it("keeps the query the consent page URL already has", () => {
    const url = new URL(
      buildConsentUrl({ ...base, authorizationUrl: "http://127.0.0.1:1/ap/oa?x=1" }).url,
    );
    expect(url.searchParams.get("x")).toBe("1");
  });
});

describe("PKCE (RFC 7636)", () => {
  it("matches the RFC's S256 example", () => {
    expect(codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "S256")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("generates verifiers of 43 to 128 unreserved characters", () => {
    for (const length of [43, 64, 100, 128]) {
      expect(createCodeVerifier(length)).toMatch(new RegExp(`^[A-Za-z0-9\\-._~]{${length}}$`));
    }
    expect(() => createCodeVerifier(42)).toThrow(AmazonAdsError);
    expect(() => createCodeVerifier(129)).toThrow(AmazonAdsError);
  });

  it("draws the verifier from the injected random source", () => {
    const zeros = (size: number) => new Uint8Array(size);
    expect(createCodeVerifier(43, zeros)).toBe("A".repeat(43));
  });

  it("refuses a verifier outside the RFC's alphabet or length", () => {
    expect(() => codeChallenge("short")).toThrow(/43 to 128 characters/);
    expect(() => codeChallenge(`${"a".repeat(43)} `)).toThrow(AmazonAdsError);
  });
});

describe("consent redirect", () => {
  it("reads the code, scope and state", () => {
    const grant = parseConsentRedirect(
      "http://localhost:8765/callback?code=the-code&scope=advertising%3A%3Acampaign_management&state=s1",
      "s1",
    );
    expect(grant).toEqual({
      code: "the-code",
      scope: "advertising::campaign_management",
      state: "s1",
    });
  });

  it("turns a refusal into CONSENT_REFUSED with Amazon's error", () => {
    let error: unknown;
    try {
      parseConsentRedirect(
        "http://localhost:8765/callback?error=access_denied&error_description=User+denied&state=s1",
        "s1",
      );
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AmazonAdsError);
    expect(error).toMatchObject({ code: "CONSENT_REFUSED", amazonError: "access_denied" });
    expect((error as Error).message).toMatch(/choose Allow/);
  });

  it("explains an invalid_request about response_type as a consent URL to build again", () => {
    const error = refusalOf(
      "error=invalid_request&error_description=The+request+has+an+invalid+parameter+%3A+response_type&state=s1",
    );
    expect(error).toMatchObject({
      code: "CONSENT_REFUSED",
      amazonError: "invalid_request",
      amazonDescription: "The request has an invalid parameter : response_type",
    });
    expect(error.message).toContain("response_type");
    expect(error.message).toContain("Build the URL again");
  });

  it.each([
    ["access_denied", "choose Allow"],
    ["invalid_request", "Build the URL again"],
    ["invalid_scope", "advertising::campaign_management"],
    ["server_error", "Try again in a few minutes"],
    ["temporarily_unavailable", "Try again shortly"],
    ["unauthorized_client", "Check the app's settings"],
  ])(
    "turns Amazon's %s into CONSENT_REFUSED with its description and advice",
    (refusal, advice) => {
      const error = refusalOf(`error=${refusal}&error_description=Amazon+says+why&state=s1`);
      expect(error).toMatchObject({
        code: "CONSENT_REFUSED",
        amazonError: refusal,
        amazonDescription: "Amazon says why",
      });
      expect(error.message).toContain(`(${refusal}: Amazon says why)`);
      expect(error.message).toContain(advice);
    },
  );

  it("rejects a redirect whose state differs", () => {
    expect(() => parseConsentRedirect("http://localhost/cb?code=c&state=other", "mine")).toThrow(
      expect.objectContaining({ code: "STATE_MISMATCH" }),
    );
  });

  it("rejects a URL with neither code nor error", () => {
    expect(() => parseConsentRedirect("http://localhost/cb?state=s")).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

/** The error `parseConsentRedirect` throws for a callback with this query. */
function refusalOf(query: string): AmazonAdsError {
  try {
    parseConsentRedirect(`http://localhost:8765/callback?${query}`, "s1");
  } catch (error) {
    if (error instanceof AmazonAdsError) return error;
    throw error;
  }
  throw new Error("expected parseConsentRedirect to throw");
}
