import {
  REDACTED,
  isSecretField,
  redact,
  redactRecord,
  redactUrl,
  urlForMessage,
} from "../../src/amazon-ads/redact.js";

describe("redaction", () => {
  it("redacts the secrets of a token request form and keeps the rest", () => {
    const form = {
      grant_type: "authorization_code",
      code: "the-code",
      redirect_uri: "http://localhost:8765/callback",
      code_verifier: "the-verifier",
      client_id: "amzn1.application-oa2-client.abc",
      client_secret: "the-secret",
    };
    expect(redactRecord(form)).toEqual({
      grant_type: "authorization_code",
      code: REDACTED,
      redirect_uri: "http://localhost:8765/callback",
      code_verifier: REDACTED,
      client_id: "amzn1.application-oa2-client.abc",
      client_secret: REDACTED,
    });
    expect(form.client_secret).toBe("the-secret");
  });

  it("matches header names whatever their case and separators", () => {
    expect(
      redact({ Authorization: "Bearer x", "amazon-advertising-api-clientid": "id", Cookie: "c" }),
    ).toEqual({
      Authorization: REDACTED,
      "amazon-advertising-api-clientid": "id",
      Cookie: REDACTED,
    });
    expect(
      ["refreshToken", "REFRESH-TOKEN", "access_token", "x-amz-access-token"].every(isSecretField),
    ).toBe(true);
    expect(["client_id", "state", "scope", "profileId"].some(isSecretField)).toBe(false);
  });

  it("walks nested objects, arrays and URLSearchParams", () => {
    const body = {
      tokens: [{ access_token: "a", refresh_token: "r", expires_in: 3600 }],
      form: new URLSearchParams({ client_secret: "s", grant_type: "refresh_token" }),
    };
    expect(redact(body)).toEqual({
      tokens: [{ access_token: REDACTED, refresh_token: REDACTED, expires_in: 3600 }],
      form: { client_secret: REDACTED, grant_type: "refresh_token" },
    });
  });

  it("survives cycles", () => {
    const looped: Record<string, unknown> = { code: "c" };
    looped.self = looped;
    expect(redact(looped)).toEqual({ code: REDACTED, self: "[Circular]" });
  });

  it("strips credentials and secret query values from a logged URL, keeping filters", () => {
    expect(
      redactUrl("https://user:pw@proxy.example/cb?code=abc&state=xyz&apiProgram=campaign"),
    ).toBe(
      `https://proxy.example/cb?code=${encodeURIComponent(REDACTED)}&state=xyz&apiProgram=campaign`,
    );
  });

  it("keeps only origin and path in a URL for a message", () => {
    expect(urlForMessage("https://user:pw@api.amazon.com/auth/o2/token?code=abc#x")).toBe(
      "https://api.amazon.com/auth/o2/token",
    );
    expect(urlForMessage("not a url")).toBe("[unparseable URL]");
  });
});
