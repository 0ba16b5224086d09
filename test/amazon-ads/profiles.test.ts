import { AdsApiClient } from "../../src/amazon-ads/ads-api.js";
import { Transport } from "../../src/amazon-ads/http.js";
import { explainEmptyProfileList, profileFilterQuery } from "../../src/amazon-ads/profiles.js";
import { fakeSeams } from "./support/fakes.js";
import {
  closeServers,
  sendJson,
  sendText,
  startServer,
  type Handler,
} from "./support/local-server.js";
import {
  CLIENT_ID,
  SECRETS,
  caught,
  expectNoSecretLeaked,
  recordingLogger,
} from "./support/secrets.js";

// Raw JSON as Amazon sends it: the id is a number above 2^53, which JSON.stringify cannot produce.
const US_PROFILE = `{"profileId": 3456789012345678901, "countryCode": "US", "currencyCode": "USD",
  "dailyBudget": 0.0, "timezone": "America/Los_Angeles", "accountInfo": {"marketplaceStringId":
  "ATVPDKIKX0DER", "id": "ENTITY1ABCDEFGHIJ", "type": "seller", "name": "Acme US",
  "validPaymentMethod": true}}`;

afterEach(async () => {
  await closeServers();
  expectNoSecretLeaked();
});

async function apiAgainst(handler: Handler, basePath = "") {
  const server = await startServer(handler);
  const api = new AdsApiClient({
    clientId: CLIENT_ID,
    apiUrl: `${server.url}${basePath}`,
    transport: new Transport({ ...fakeSeams(), logger: recordingLogger() }),
  });
  return { server, api };
}

describe("listing profiles", () => {
  it("sends the client id and bearer token headers to /v2/profiles", async () => {
    const { server, api } = await apiAgainst((_, res) => sendJson(res, 200, `[${US_PROFILE}]`));
    await api.listProfiles(SECRETS.accessToken);
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe("/v2/profiles");
    expect(request?.headers["amazon-advertising-api-clientid"]).toBe(CLIENT_ID);
    expect(request?.headers.authorization).toBe(`Bearer ${SECRETS.accessToken}`);
    expect([...(request?.query.keys() ?? [])]).toEqual([]);
  });

  it("sends all four filters as query parameters", async () => {
    const { server, api } = await apiAgainst((_, res) => sendJson(res, 200, "[]"));
    await api.listProfiles(SECRETS.accessToken, {
      apiProgram: "billing",
      accessLevel: "view",
      profileTypeFilter: ["seller", "vendor"],
      validPaymentMethodFilter: false,
    });
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({
      apiProgram: "billing",
      accessLevel: "view",
      profileTypeFilter: "seller,vendor",
      validPaymentMethodFilter: "false",
    });
  });

  it("keeps profile ids above 2^53 exact, as strings", async () => {
    const small = US_PROFILE.replace("3456789012345678901", "1234");
    const { api } = await apiAgainst((_, res) => sendJson(res, 200, `[${US_PROFILE}, ${small}]`));
    const profiles = await api.listProfiles(SECRETS.accessToken);
    expect(profiles.map((profile) => profile.profileId)).toEqual(["3456789012345678901", "1234"]);
    expect(profiles[0]).toEqual({
      profileId: "3456789012345678901",
      countryCode: "US",
      currencyCode: "USD",
      dailyBudget: 0,
      timezone: "America/Los_Angeles",
      accountInfo: {
        marketplaceStringId: "ATVPDKIKX0DER",
        id: "ENTITY1ABCDEFGHIJ",
        type: "seller",
        name: "Acme US",
        validPaymentMethod: true,
      },
    });
  });

  it("passes unknown countries, time zones, account types and subtypes through", async () => {
    const novel = {
      profileId: 42,
      countryCode: "XZ",
      currencyCode: "XZD",
      timezone: "Atlantis/Poseidonia",
      accountInfo: {
        marketplaceStringId: "A0NEWMARKET",
        id: "ENTITYNEW",
        type: "influencer",
        subType: "SOMETHING_NEW",
        name: null,
        brandNewField: { nested: true },
      },
      anotherNewField: 1,
    };
    const { api } = await apiAgainst((_, res) => sendJson(res, 200, [novel]));
    const [profile] = await api.listProfiles(SECRETS.accessToken);
    expect(profile).toEqual({
      profileId: "42",
      countryCode: "XZ",
      currencyCode: "XZD",
      timezone: "Atlantis/Poseidonia",
      accountInfo: {
        marketplaceStringId: "A0NEWMARKET",
        id: "ENTITYNEW",
        type: "influencer",
        subType: "SOMETHING_NEW",
      },
    });
  });

  it("answers the wrong region's empty list with an empty list, and explains it", async () => {
    const { api } = await apiAgainst((_, res) => sendJson(res, 200, "[]"));
    expect(await api.listProfiles(SECRETS.accessToken)).toEqual([]);
    const forUs = explainEmptyProfileList({ region: "EU", countryCode: "US" });
    expect(forUs.expectedRegion).toBe("NA");
    expect(forUs.hint).toContain("US profiles are served by the NA host");
    const unknown = explainEmptyProfileList({ region: "NA", filters: {} });
    expect(unknown.otherRegions).toEqual(["EU", "FE"]);
    expect(unknown.hint).toMatch(/set the region to EU or FE/);
    expect(unknown.hint).toContain("accessLevel=view");
    expect(
      explainEmptyProfileList({ region: "NA", filters: { accessLevel: "view" } }).hint,
    ).not.toContain("accessLevel=view");
  });

  it("follows a base URL's path (a proxy in front of Amazon)", async () => {
    const { server, api } = await apiAgainst((_, res) => sendJson(res, 200, "[]"), "/amazon/eu");
    await api.listProfiles(SECRETS.accessToken, { accessLevel: "edit" });
    expect(server.requests[0]?.path).toBe("/amazon/eu/v2/profiles");
    expect(server.requests[0]?.query.get("accessLevel")).toBe("edit");
  });

  it("maps a 401 to UNAUTHORIZED with Amazon's code and request id", async () => {
    const { api } = await apiAgainst((_, res) =>
      sendJson(res, 401, { code: "UNAUTHORIZED", details: "Unauthorized", requestId: "R-401" }),
    );
    const error = await caught(api.listProfiles(SECRETS.accessToken));
    expect(error).toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
      amazonError: "UNAUTHORIZED",
      requestId: "R-401",
    });
    expect(error.message).toContain("Amazon-Advertising-API-ClientId");
  });

  it.each([
    ["an HTML page", "<!DOCTYPE html><html><body>Gateway</body></html>", "text/html"],
    ["truncated JSON", `[${US_PROFILE.slice(0, 60)}`, "application/json"],
    ["an object instead of an array", US_PROFILE, "application/json"],
    [
      "a profile without a country",
      `[${US_PROFILE.replace('"countryCode": "US",', "")}]`,
      "application/json",
    ],
  ])("reports %s as MALFORMED_RESPONSE", async (_what, text, type) => {
    const { api } = await apiAgainst((_, res) => sendText(res, 200, text, type));
    const error = await caught(api.listProfiles(SECRETS.accessToken));
    expect(error.code).toBe("MALFORMED_RESPONSE");
    expect(error.message).toContain(type);
  });

  it("names the offending field of a body with the wrong shape", async () => {
    const { api } = await apiAgainst((_, res) =>
      sendJson(res, 200, `[${US_PROFILE.replace('"id": "ENTITY1ABCDEFGHIJ",', "")}]`),
    );
    const error = await caught(api.listProfiles(SECRETS.accessToken));
    expect(error.message).toContain("0.accountInfo.id");
  });
});

describe("getting one profile", () => {
  it("reads the profile by id", async () => {
    const { server, api } = await apiAgainst((_, res) => sendJson(res, 200, US_PROFILE));
    const profile = await api.getProfile(SECRETS.accessToken, "3456789012345678901");
    expect(server.requests[0]?.path).toBe("/v2/profiles/3456789012345678901");
    expect(profile.profileId).toBe("3456789012345678901");
  });

  it("maps 404 to PROFILE_NOT_FOUND", async () => {
    const { api } = await apiAgainst((_, res) =>
      sendJson(res, 404, { code: "NOT_FOUND", details: "Profile not found" }),
    );
    const error = await caught(api.getProfile(SECRETS.accessToken, "123"));
    expect(error.code).toBe("PROFILE_NOT_FOUND");
    expect(error.message).toContain("profile 123");
  });

  it.each([401, 403])(
    "maps %i 'Not authorized to access scope' to PROFILE_NOT_ACCESSIBLE",
    async (status) => {
      const { server, api } = await apiAgainst((_, res) =>
        sendJson(res, status, {
          code: "UNAUTHORIZED",
          details: "Not authorized to access scope 123",
        }),
      );
      const error = await caught(api.getProfile(SECRETS.accessToken, "123"));
      expect(error).toMatchObject({
        code: "PROFILE_NOT_ACCESSIBLE",
        status,
        amazonError: "UNAUTHORIZED",
      });
      expect(server.requests).toHaveLength(1);
    },
  );

  it("refuses an id that is not a number without asking Amazon", async () => {
    const { server, api } = await apiAgainst((_, res) => sendJson(res, 200, US_PROFILE));
    const error = await caught(api.getProfile(SECRETS.accessToken, "../testAccounts"));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(server.requests).toHaveLength(0);
  });
});

describe("profile filters", () => {
  it("leaves unset filters out", () => {
    expect(profileFilterQuery({ profileTypeFilter: [] })).toEqual({
      apiProgram: undefined,
      accessLevel: undefined,
      profileTypeFilter: undefined,
      validPaymentMethodFilter: undefined,
    });
  });
});
