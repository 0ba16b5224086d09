import { adsAccountOfProfile } from "../../../src/amazon-ads/index.js";
import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { startHarness, type Harness } from "./support.js";

let h: Harness;
let refreshToken: string;
beforeEach(async () => {
  h = await startHarness();
  refreshToken = h.grant().refreshToken;
});
afterEach(() => h.finish());

const ACME = "amzn1.ads-account.g.emul8acme0utd00rselr0001";
const VENDOR = "amzn1.ads-account.g.emul8acme0utd00rvend0002";

describe("Ads accounts, client against emulator (fake clock and sleep)", () => {
  it("lists the grant's accounts with every field, profile ids exact as strings", async () => {
    const accounts = await h.client.listAdsAccounts(refreshToken);
    expect(accounts.map((a) => a.adsAccountId)).toEqual([
      ACME,
      VENDOR,
      "amzn1.ads-account.g.emul8n0rthw1ndbrandl0003",
    ]);
    expect(accounts[1]).toEqual({
      adsAccountId: VENDOR,
      accountName: "Acme Outdoor (Vendor)",
      status: "PARTIALLY_CREATED",
      countryCodes: ["CA", "FR", "IT", "AU"],
      alternateIds: [
        { countryCode: "CA", entityId: "ENTITY2CAVENDOR01", profileId: "9007199254740993" },
        { countryCode: "FR", entityId: "ENTITY1FRVENDOR09", profileId: "987654321098765" },
        { countryCode: "AU", entityId: "ENTITY4AUVENDOR07", profileId: "4040404040404040" },
      ],
      errors: {
        IT: [
          {
            errorCode: "EMULATOR_REGISTRATION_INCOMPLETE",
            errorId: "1001",
            errorMessage: "The vendor is not yet registered to advertise in this marketplace.",
          },
        ],
      },
    });
    expect(accounts[2]).toMatchObject({ status: "PENDING", alternateIds: [], errors: {} });
    expect(h.emulatorLog.at(-1)).toMatchObject({ path: "/na/adsAccounts/list", status: 200 });
  });

  it("finds the account of a profile, and none for the agency profile", async () => {
    const accounts = await h.client.listAdsAccounts(refreshToken);
    expect(adsAccountOfProfile(accounts, "34567890123456789")?.adsAccountId).toBe(ACME);
    expect(adsAccountOfProfile(accounts, "67890123456789012")?.adsAccountId).toBe(ACME);
    expect(adsAccountOfProfile(accounts, "9007199254740993")?.adsAccountId).toBe(VENDOR);
    // 9007199254740992 is what a double makes of the vendor's id: it must not match.
    expect(adsAccountOfProfile(accounts, "9007199254740992")).toBeUndefined();
    expect(adsAccountOfProfile(accounts, "3456789012345678901")).toBeUndefined();
  });

  it("follows nextToken through every page (one request per 100 accounts)", async () => {
    for (let i = 0; i < 150; i++) {
      h.emulator.admin.addAdsAccount(
        { adsAccountId: `amzn1.ads-account.g.bulk${String(i).padStart(3, "0")}` },
        EMPTY_USER_ID,
      );
    }
    const grant = h.grant({ userId: EMPTY_USER_ID }).refreshToken;
    h.emulator.admin.resetCounters();
    const accounts = await h.client.listAdsAccounts(grant);
    expect(accounts).toHaveLength(150);
    expect(accounts.at(-1)?.adsAccountId).toBe("amzn1.ads-account.g.bulk149");
    expect(h.emulator.admin.calls("adsAccounts")).toBe(2);
    expect(h.emulator.admin.calls("token")).toBe(1);
  });

  it("pages by maxResults when asked for one page", async () => {
    const { accessToken } = await h.client.accessToken(refreshToken);
    const first = await h.client.api.listAdsAccountsPage(accessToken, { maxResults: 2 });
    expect(first.adsAccounts).toHaveLength(2);
    const rest = await h.client.api.listAdsAccountsPage(accessToken, {
      maxResults: 2,
      nextToken: first.nextToken,
    });
    expect(rest).toEqual({ adsAccounts: [expect.objectContaining({ status: "PENDING" })] });
  });

  it("refuses maxResults outside 1–100 before sending anything", async () => {
    const { accessToken } = await h.client.accessToken(refreshToken);
    for (const maxResults of [0, 101, 2.5]) {
      const error = await h.caught(h.client.api.listAdsAccountsPage(accessToken, { maxResults }));
      expect(error.code).toBe("INVALID_ARGUMENT");
    }
    expect(h.emulator.admin.calls("adsAccounts")).toBe(0);
  });

  it("gets the same list from every region's host", async () => {
    const na = await h.client.listAdsAccounts(refreshToken);
    expect(await h.clientFor({ region: "EU" }).listAdsAccounts(refreshToken)).toEqual(na);
    expect(h.emulatorLog.at(-1)).toMatchObject({ path: "/eu/adsAccounts/list" });
  });

  it("retries a 429 after Retry-After, then answers", async () => {
    h.emulator.admin.injectFault({
      kind: "throttle",
      endpoint: "adsAccounts",
      times: 1,
      retryAfterSeconds: 3,
    });
    const accounts = await h.client.listAdsAccounts(refreshToken);
    expect(accounts).toHaveLength(3);
    expect(h.sleeps).toEqual([3000]);
    expect(h.emulator.admin.calls("adsAccounts")).toBe(2);
  });

  it("reports lasting throttling as THROTTLED with Amazon's errorCode", async () => {
    h.emulator.admin.injectFault({ kind: "throttle", endpoint: "adsAccounts" });
    const error = await h.caught(
      h.clientFor({ retry: { maxAttempts: 2 } }).listAdsAccounts(refreshToken),
    );
    expect(error).toMatchObject({ code: "THROTTLED", status: 429, amazonError: "RATE_EXCEEDED" });
  });

  it("reports a 403 as UNAUTHORIZED, naming what to check about the grant", async () => {
    h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
    const error = await h.caught(h.client.listAdsAccounts(refreshToken));
    expect(error).toMatchObject({
      code: "UNAUTHORIZED",
      status: 403,
      amazonError: "ACCESS_DENIED",
      amazonDescription: "Access denied",
    });
    expect(error.message).toContain("refused to list the Ads accounts");
    // The spec's media types both ways, no profile scope: the listing is user-wide.
    expect(error.request?.headers).toMatchObject({
      accept: "application/vnd.listaccountsresource.v1+json, application/json",
      "content-type": "application/vnd.listaccountsresource.v1+json",
    });
    expect(Object.keys(error.request?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain(
      "amazon-advertising-api-scope",
    );
    expect(error.message).toContain("advertising::campaign_management");
  });

  it("reports a revoked grant as REVOKED_GRANT", async () => {
    h.emulator.admin.revokeGrant(refreshToken);
    const error = await h.caught(h.client.listAdsAccounts(refreshToken));
    expect(error.code).toBe("REVOKED_GRANT");
    expect(h.emulator.admin.calls("adsAccounts")).toBe(0);
  });

  it.each([["html"], ["truncated-json"], ["empty"]] as const)(
    "reports a %s answer as MALFORMED_RESPONSE",
    async (kind) => {
      h.emulator.admin.injectFault({ kind, endpoint: "adsAccounts" });
      const error = await h.caught(h.client.listAdsAccounts(refreshToken));
      expect(error.code).toBe("MALFORMED_RESPONSE");
      expect(error.message).toContain("POST");
    },
  );
});

describe("manager accounts, client against emulator (fake clock and sleep)", () => {
  it("lists the manager accounts with linked accounts, profile ids as strings", async () => {
    const managers = await h.client.listManagerAccounts(refreshToken);
    expect(managers).toEqual([
      {
        managerAccountId: "amzn1.ads1.ma1.emul8acmeh0ld1ngs0001",
        managerAccountName: "Acme Holdings",
        linkedAccounts: [
          expect.objectContaining({ accountType: "SELLER", profileId: "34567890123456789" }),
          expect.objectContaining({ accountType: "VENDOR", profileId: "9007199254740993" }),
        ],
      },
    ]);
    expect(managers[0]!.linkedAccounts[0]!.dspAdvertiserId).toBeUndefined();
  });

  it("reports a 403 as UNAUTHORIZED with Amazon's code", async () => {
    h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "managerAccounts" });
    const error = await h.caught(h.client.listManagerAccounts(refreshToken));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 403, amazonError: "FORBIDDEN" });
    expect(error.message).toContain("manager accounts");
  });
});
