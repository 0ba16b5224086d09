import {
  EXPIRING_GRANTS_FROM,
  grantAttributes,
  grantId,
  refreshTokenExpiry,
} from "../../../src/provider/resource-authorization/grant.js";

describe("what a grant records", () => {
  it("names a grant by 16 hex digits of a digest of client id and refresh token", () => {
    const id = grantId("amzn1.application-oa2-client.a", "Atzr|token");
    expect(id).toMatch(/^grant-[0-9a-f]{16}$/);
    expect(grantId("amzn1.application-oa2-client.a", "Atzr|token")).toBe(id);
    expect(grantId("amzn1.application-oa2-client.b", "Atzr|token")).not.toBe(id);
    expect(grantId("amzn1.application-oa2-client.a", "Atzr|other")).not.toBe(id);
  });

  it("estimates no refresh-token expiry for consents before 2026-07-01", () => {
    expect(refreshTokenExpiry(EXPIRING_GRANTS_FROM - 1000)).toBeNull();
  });

  it("estimates 365 days for consents from 2026-07-01", () => {
    expect(refreshTokenExpiry(EXPIRING_GRANTS_FROM)).toBe("2027-07-01T00:00:00Z");
    expect(refreshTokenExpiry(Date.UTC(2026, 9, 2, 8, 30))).toBe("2027-10-02T08:30:00Z");
  });

  it("computes every attribute from the tokens, none of them holding the code", () => {
    const attributes = grantAttributes(
      "amzn1.application-oa2-client.a",
      {
        refreshToken: "Atzr|r",
        accessToken: "Atza|a",
        expiresAt: new Date(Date.UTC(2026, 6, 2, 13, 0, 0, 250)),
      },
      Date.UTC(2026, 6, 2, 12, 0, 0),
    );
    expect(attributes).toEqual({
      id: grantId("amzn1.application-oa2-client.a", "Atzr|r"),
      client_id: "amzn1.application-oa2-client.a",
      refresh_token: "Atzr|r",
      access_token: "Atza|a",
      access_token_expires_at: "2026-07-02T13:00:00Z",
      granted_at: "2026-07-02T12:00:00Z",
      refresh_token_expires_at: "2027-07-02T12:00:00Z",
    });
  });
});
