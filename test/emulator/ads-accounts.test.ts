import {
  EMPTY_USER_ID,
  LIST_ADS_ACCOUNTS_TYPE,
  type Emulator,
  startEmulator,
} from "../../src/emulator/index.js";
import { adminCall, callApi } from "./support.js";

interface AlternateIdShape {
  countryCode: string;
  entityId: string;
  profileId: number;
}
interface AccountShape {
  adsAccountId: string;
  accountName?: string;
  status: string;
  countryCodes: string[];
  alternateIds: AlternateIdShape[];
  errors?: Record<string, { errorCode: string; errorId: number; errorMessage: string }[]>;
}
interface PageShape {
  adsAccounts: AccountShape[];
  nextToken?: string;
}

const VND = LIST_ADS_ACCOUNTS_TYPE;

describe("the Ads account listing (POST /adsAccounts/list)", () => {
  let emulator: Emulator;
  let token: string;
  const post = (
    body: unknown,
    headers: Record<string, string> = {},
    apiUrl = emulator.apiUrl,
    accessToken = token,
  ): Promise<Response> =>
    callApi(emulator, `${apiUrl}/adsAccounts/list`, accessToken, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": VND, accept: VND, ...headers },
    });
  const page = async (body: unknown = {}, apiUrl?: string): Promise<PageShape> => {
    const response = await post(body, {}, apiUrl);
    expect(response.status).toBe(200);
    return (await response.json()) as PageShape;
  };
  const errorOf = async (response: Response) => ({
    status: response.status,
    type: response.headers.get("content-type"),
    body: (await response.json()) as { errors: { errorCode: string; errorId: number }[] },
  });

  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.admin.clearFaults());

  it("answers the demo user's three accounts in Amazon's media type, with no nextToken", async () => {
    const response = await post({});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(VND);
    const body = (await response.json()) as PageShape;
    expect(body.nextToken).toBeUndefined();
    expect(body.adsAccounts.map((a) => [a.adsAccountId, a.status])).toEqual([
      ["amzn1.ads-account.g.emul8acme0utd00rselr0001", "CREATED"],
      ["amzn1.ads-account.g.emul8acme0utd00rvend0002", "PARTIALLY_CREATED"],
      ["amzn1.ads-account.g.emul8n0rthw1ndbrandl0003", "PENDING"],
    ]);
  });

  it("answers the same global list on every regional host (the emulator's assumption)", async () => {
    const na = await page({}, emulator.regions.NA.apiUrl);
    expect(await page({}, emulator.regions.EU.apiUrl)).toEqual(na);
    expect(await page({}, emulator.regions.FE.apiUrl)).toEqual(na);
  });

  it("links one account to profiles of several countries in three regions", async () => {
    const response = await post({});
    const text = await response.text();
    const [acme] = (JSON.parse(text) as PageShape).adsAccounts;
    expect(acme!.countryCodes).toEqual(["US", "MX", "UK", "DE", "IN", "JP"]);
    expect(acme!.alternateIds.map((a) => [a.countryCode, a.entityId])).toEqual([
      ["US", "A3EMULATRSELLNA"],
      ["MX", "A3EMULATRSELLNA"],
      ["UK", "A2EMULATRSELLEU"],
      ["DE", "A2EMULATRSELLEU"],
      ["IN", "A1EMULATRSELLIN"],
      ["JP", "A1EMULATRSELLJP"],
    ]);
    // Profile ids are JSON numbers, written exactly however large.
    expect(text).toContain('"profileId":34567890123456789}');
    expect(text).toContain('"profileId":9007199254740993}');
  });

  it("reports the countries a partly created account failed in, under errors", async () => {
    const [, vendor] = (await page()).adsAccounts;
    expect(vendor!.countryCodes).toEqual(["CA", "FR", "IT", "AU"]);
    expect(vendor!.alternateIds.map((a) => a.countryCode)).toEqual(["CA", "FR", "AU"]);
    expect(vendor!.errors).toEqual({
      IT: [expect.objectContaining({ errorCode: "EMULATOR_REGISTRATION_INCOMPLETE" })],
    });
  });

  it("leaves the agency profile out of every account, and links each other profile once", async () => {
    const response = await post({});
    const text = await response.text();
    const linked = [...text.matchAll(/"profileId":(\d+)/g)].map((m) => m[1]);
    expect(linked).not.toContain("3456789012345678901");
    expect(linked).toHaveLength(9);
    expect(new Set(linked).size).toBe(9);
  });

  it("pages with maxResults and an opaque nextToken until the last page", async () => {
    const first = await page({ maxResults: 2 });
    expect(first.adsAccounts).toHaveLength(2);
    expect(first.nextToken).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await page({ maxResults: 2, nextToken: first.nextToken });
    expect(second.adsAccounts.map((a) => a.status)).toEqual(["PENDING"]);
    expect(second.nextToken).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["maxResults 0", { maxResults: 0 }],
    ["maxResults 101", { maxResults: 101 }],
    ["maxResults as a string", { maxResults: "10" }],
    ["an unknown nextToken", { nextToken: "not-a-token" }],
    ["a body that is not JSON", "{maxResults"],
    ["a JSON array", "[]"],
  ])("answers 400 in the errors shape for %s", async (_name, body) => {
    const error = await errorOf(await post(body));
    expect(error.status).toBe(400);
    expect(error.type).toMatch(/^application\/json/);
    expect(error.body.errors).toEqual([
      expect.objectContaining({ errorCode: "INVALID_INPUT", errorId: 400 }),
    ]);
  });

  it("refuses another user's nextToken", async () => {
    const { nextToken } = await page({ maxResults: 1 });
    const stranger = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const response = await post({ nextToken }, {}, emulator.apiUrl, stranger);
    expect(response.status).toBe(400);
  });

  it("lists no account, and no nextToken, for a user without any", async () => {
    const stranger = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const response = await post({}, {}, emulator.apiUrl, stranger);
    expect(await response.json()).toEqual({ adsAccounts: [] });
  });

  it("answers 415 to a JSON or missing Content-Type and 406 to an Accept without the type", async () => {
    expect((await errorOf(await post({}, { "content-type": "application/json" }))).status).toBe(
      415,
    );
    const missing = await callApi(emulator, `${emulator.apiUrl}/adsAccounts/list`, token, {
      method: "POST",
    });
    expect(missing.status).toBe(415);
    const json = await errorOf(await post({}, { accept: "application/json" }));
    expect(json).toMatchObject({
      status: 406,
      body: { errors: [{ errorCode: "NOT_ACCEPTABLE" }] },
    });
    expect((await post({}, { accept: "*/*" })).status).toBe(200);
    expect((await post({}, { "content-type": `${VND}; charset=utf-8` })).status).toBe(200);
  });

  it("answers 401 like the other endpoints to a bad token or another client's id", async () => {
    const bad = await post({}, {}, emulator.apiUrl, "Atza|not-a-token");
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ code: "UNAUTHORIZED" });
    const otherClient = await post({}, { "amazon-advertising-api-clientid": "amzn1.other" });
    expect(otherClient.status).toBe(401);
  });

  it("takes a request without the client id header, which Amazon's spec marks optional", async () => {
    const response = await fetch(`${emulator.apiUrl}/adsAccounts/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": VND },
      body: "{}",
    });
    expect(response.status).toBe(200);
  });

  it("answers 403 in the errors shape to a grant without an Ads API scope", async () => {
    const testOnly = emulator.admin.issueRefreshToken({
      scopes: ["advertising::test:create_account"],
    }).accessToken;
    const error = await errorOf(await post({}, {}, emulator.apiUrl, testOnly));
    expect(error).toMatchObject({
      status: 403,
      body: { errors: [{ errorCode: "ACCESS_DENIED" }] },
    });
  });

  it("throttles, fails and forbids in its own error shape when faults are injected", async () => {
    emulator.admin.injectFault({ kind: "throttle", endpoint: "adsAccounts", times: 1 });
    const throttled = await post({});
    expect(throttled.headers.get("retry-after")).toBe("1");
    expect(await errorOf(throttled)).toMatchObject({
      status: 429,
      body: { errors: [{ errorCode: "RATE_EXCEEDED", errorId: 429 }] },
    });
    emulator.admin.injectFault({ kind: "server-error", endpoint: "adsAccounts", times: 1 });
    expect(await errorOf(await post({}))).toMatchObject({
      status: 500,
      body: { errors: [{ errorCode: "INTERNAL_ERROR" }] },
    });
    emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts", times: 1 });
    expect(await errorOf(await post({}))).toMatchObject({
      status: 403,
      body: { errors: [{ errorCode: "ACCESS_DENIED" }] },
    });
    expect((await post({})).status).toBe(200);
  });

  it("counts requests under adsAccounts", async () => {
    emulator.admin.resetCounters();
    await post({});
    expect(emulator.admin.calls("adsAccounts")).toBe(1);
    expect(emulator.admin.calls("profiles")).toBe(0);
  });

  it("adds and removes accounts through the admin handle and over HTTP", async () => {
    const grant = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const added = await adminCall(emulator, "POST", "/ads-accounts", {
      userId: EMPTY_USER_ID,
      account: { adsAccountId: "amzn1.ads-account.g.newone", status: "PENDING" },
    });
    expect(added.status).toBe(200);
    const listed = await post({}, {}, emulator.apiUrl, grant);
    expect(((await listed.json()) as PageShape).adsAccounts).toEqual([
      {
        adsAccountId: "amzn1.ads-account.g.newone",
        status: "PENDING",
        countryCodes: [],
        alternateIds: [],
      },
    ]);
    expect(emulator.admin.removeAdsAccount("amzn1.ads-account.g.newone")).toBe(true);
    expect(() =>
      emulator.admin.addAdsAccount(
        { adsAccountId: "amzn1.ads-account.g.theft", profileIds: ["34567890123456789"] },
        EMPTY_USER_ID,
      ),
    ).toThrow(/does not have/);
    const badId = await adminCall(emulator, "POST", "/ads-accounts", {
      account: { adsAccountId: "has spaces" },
    });
    expect(badId.status).toBe(400);
  });
});
