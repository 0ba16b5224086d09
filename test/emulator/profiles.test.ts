import {
  DEMO_USER_ID,
  EMPTY_USER_ID,
  type Emulator,
  startEmulator,
} from "../../src/emulator/index.js";
import { callApi } from "./support.js";

interface ProfileShape {
  countryCode: string;
  accountInfo: { type: string; id: string; validPaymentMethod?: boolean };
}

describe("the profiles API (GET /v2/profiles)", () => {
  let emulator: Emulator;
  let token: string;
  const list = async (apiUrl: string, query = ""): Promise<ProfileShape[]> => {
    const response = await callApi(emulator, `${apiUrl}/v2/profiles${query}`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as ProfileShape[];
  };
  const countries = (profiles: ProfileShape[]): string[] => profiles.map((p) => p.countryCode);

  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterAll(() => emulator.close());

  it("lists each region's profiles on that region's host", async () => {
    expect(countries(await list(emulator.apiUrl))).toEqual(["US", "CA", "US"]);
    expect(countries(await list(emulator.regions.NA.apiUrl))).toEqual(["US", "CA", "US"]);
    expect(countries(await list(emulator.regions.EU.apiUrl))).toEqual(["UK", "DE", "FR", "IN"]);
    expect(countries(await list(emulator.regions.FE.apiUrl))).toEqual(["JP", "AU"]);
  });

  it("writes ids above 2^53 verbatim as JSON numbers", async () => {
    const response = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, token);
    const text = await response.text();
    expect(text).toContain('"profileId":34567890123456789,');
    expect(text).toContain('"profileId":3456789012345678901,');
    expect(text).toContain('"profileId":9007199254740993,');
    // What a naive client gets: the ids are rounded.
    const naive = JSON.parse(text) as { profileId: number }[];
    expect(naive.map((p) => String(p.profileId))).not.toContain("9007199254740993");
  });

  it("shows view-only profiles only with accessLevel=view", async () => {
    expect(countries(await list(emulator.apiUrl, "?accessLevel=edit"))).not.toContain("MX");
    expect(countries(await list(emulator.apiUrl, "?accessLevel=view"))).toEqual([
      "US",
      "CA",
      "MX",
      "US",
    ]);
  });

  it("filters by profile type", async () => {
    const sellersAndVendors = await list(emulator.apiUrl, "?profileTypeFilter=seller,vendor");
    expect(sellersAndVendors.map((p) => p.accountInfo.type)).toEqual(["seller", "vendor"]);
    const agencies = await list(emulator.apiUrl, "?profileTypeFilter=agency");
    expect(agencies.map((p) => p.accountInfo.type)).toEqual(["agency"]);
  });

  it("filters by valid payment method", async () => {
    const valid = await list(emulator.regions.EU.apiUrl, "?validPaymentMethodFilter=true");
    expect(countries(valid)).toEqual(["UK", "DE", "FR"]);
    const invalid = await list(emulator.regions.EU.apiUrl, "?validPaymentMethodFilter=false");
    expect(countries(invalid)).toEqual(["IN"]);
  });

  it("filters by API program (agencies have no billing)", async () => {
    const billing = await list(emulator.apiUrl, "?apiProgram=billing");
    expect(billing.map((p) => p.accountInfo.type)).toEqual(["seller", "vendor"]);
  });

  it.each([
    "?apiProgram=bogus",
    "?accessLevel=admin",
    "?profileTypeFilter=seller,robot",
    "?validPaymentMethodFilter=yes",
  ])("refuses the invalid filter %s with 400", async (query) => {
    const response = await callApi(emulator, `${emulator.apiUrl}/v2/profiles${query}`, token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers 200 [] for a user with no profiles", async () => {
    const empty = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const response = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, empty);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("[]");
  });

  it("answers 200 [] on the wrong region's host", async () => {
    emulator.admin.addUser({
      id: "amzn1.account.USONLY",
      name: "US only",
      email: "us@example.com",
      profiles: [
        {
          profileId: "111",
          countryCode: "US",
          currencyCode: "USD",
          timezone: "America/Los_Angeles",
          accountInfo: { marketplaceStringId: "ATVPDKIKX0DER", id: "A1", type: "seller" },
        },
      ],
    });
    const usOnly = emulator.admin.issueRefreshToken({ userId: "amzn1.account.USONLY" });
    const eu = await callApi(
      emulator,
      `${emulator.regions.EU.apiUrl}/v2/profiles`,
      usOnly.accessToken,
    );
    expect([eu.status, await eu.text()]).toEqual([200, "[]"]);
  });

  it("shows profiles the admin adds and hides those it removes", async () => {
    const region = emulator.admin.addProfile(
      {
        profileId: "7000000000000000001",
        countryCode: "SG",
        currencyCode: "SGD",
        timezone: "Asia/Singapore",
        accountInfo: { marketplaceStringId: "A19VAU5U5O7RUS", id: "A9SG", type: "seller" },
      },
      DEMO_USER_ID,
    );
    expect(region).toBe("FE");
    expect(countries(await list(emulator.regions.FE.apiUrl))).toEqual(["JP", "AU", "SG"]);
    expect(emulator.admin.removeProfile("7000000000000000001")).toBe(true);
    expect(countries(await list(emulator.regions.FE.apiUrl))).toEqual(["JP", "AU"]);
  });
});

describe("one profile (GET /v2/profiles/{profileId})", () => {
  let emulator: Emulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterAll(() => emulator.close());

  it("returns the user's profile with its exact id", async () => {
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/v2/profiles/3456789012345678901`,
      token,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^\{"profileId":3456789012345678901,"countryCode":"US",/);
  });

  it("reads a view-only profile by id with 200, never 403 (the provider selects view-level profiles)", async () => {
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/v2/profiles/2814749767106561`,
      token,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^\{"profileId":2814749767106561,"countryCode":"MX",/);
  });

  it("answers 404 for an unknown profile", async () => {
    const response = await callApi(emulator, `${emulator.apiUrl}/v2/profiles/123`, token);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers 401 Not authorized to access scope for another user's profile", async () => {
    const stranger = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/v2/profiles/34567890123456789`,
      stranger,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: "UNAUTHORIZED",
      details: "Not authorized to access scope 34567890123456789",
      requestId: response.headers.get("x-amzn-requestid"),
    });
  });

  it("answers 401 No matching advertiser found for scope on the wrong region's host", async () => {
    const response = await callApi(
      emulator,
      `${emulator.regions.EU.apiUrl}/v2/profiles/34567890123456789`,
      token,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      details: "No matching advertiser found for scope",
    });
  });
});

describe("Ads API authentication", () => {
  let emulator: Emulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterAll(() => emulator.close());

  it.each([
    "no Authorization header",
    "an unknown bearer token",
    "no client id header",
    "a client id in another case",
  ])("answers %s with 401 UNAUTHORIZED", async (situation) => {
    const bearer = { authorization: `Bearer ${token}` };
    const clientId = { "amazon-advertising-api-clientid": emulator.clientId };
    const headers: Record<string, Record<string, string>> = {
      "no Authorization header": clientId,
      "an unknown bearer token": { ...clientId, authorization: "Bearer Atza|forged" },
      "no client id header": bearer,
      "a client id in another case": {
        ...bearer,
        "amazon-advertising-api-clientid": emulator.clientId.toUpperCase(),
      },
    };
    const response = await fetch(`${emulator.apiUrl}/v2/profiles`, {
      headers: headers[situation],
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { code: string; requestId: string };
    expect(body.code).toBe("UNAUTHORIZED");
    expect(body.requestId).toBe(response.headers.get("x-amzn-requestid"));
  });

  it("refuses a grant without a campaign-management scope", async () => {
    const audiences = emulator.admin.issueRefreshToken({ scopes: ["advertising::audiences"] });
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/v2/profiles`,
      audiences.accessToken,
    );
    expect(response.status).toBe(401);
  });

  it("accepts the legacy cpc_advertising scope", async () => {
    const legacy = emulator.admin.issueRefreshToken({
      scopes: ["cpc_advertising:campaign_management"],
    });
    const response = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, legacy.accessToken);
    expect(response.status).toBe(200);
  });
});
