import {
  EMPTY_USER_ID,
  type Emulator,
  type EmulatorOptions,
  startEmulator,
} from "../../src/emulator/index.js";
import { callApi } from "./support.js";

const SCOPES = ["advertising::campaign_management", "advertising::test:create_account"];

describe("test accounts (POST/GET /testAccounts)", () => {
  let emulator: Emulator;
  let token: string;

  async function start(options: EmulatorOptions = {}): Promise<void> {
    emulator = await startEmulator(options);
    token = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID, scopes: SCOPES }).accessToken;
  }
  const create = (body: unknown, accessToken = token): Promise<Response> =>
    callApi(emulator, `${emulator.apiUrl}/testAccounts`, accessToken, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  const poll = async (requestId: string): Promise<Record<string, unknown>[]> => {
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/testAccounts?requestId=${requestId}`,
      token,
    );
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>[];
  };
  const requestIdOf = async (response: Response): Promise<string> => {
    expect(response.status).toBe(200);
    return ((await response.json()) as { requestId: string }).requestId;
  };

  afterEach(() => emulator.close());

  it("creates an AUTHOR account that shows in /v2/profiles once COMPLETED", async () => {
    await start();
    const requestId = await requestIdOf(await create({ countryCode: "US", accountType: "AUTHOR" }));
    expect(await poll(requestId)).toEqual([
      { countryCode: "US", accountType: "AUTHOR", status: "IN_PROGRESS", asins: [] },
    ]);
    const [done] = await poll(requestId);
    expect(done).toMatchObject({ countryCode: "US", accountType: "AUTHOR", status: "COMPLETED" });
    expect(done!.id).toMatch(/^ENTITY/);
    expect(done!.asins).toHaveLength(3);

    const profiles = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, token);
    const list = (await profiles.json()) as { accountInfo: Record<string, unknown> }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.accountInfo).toMatchObject({
      id: done!.id,
      marketplaceStringId: "ATVPDKIKX0DER",
      type: "vendor",
      subType: "KDP_AUTHOR",
    });
  });

  it("puts a UK account on the EU host", async () => {
    await start({ testAccounts: { inProgressPolls: 0 } });
    const requestId = await requestIdOf(
      await create({
        countryCode: "UK",
        accountType: "VENDOR",
        accountMetaData: { vendorCode: "ABCDE" },
      }),
    );
    expect((await poll(requestId))[0]).toMatchObject({ status: "COMPLETED", asins: [] });
    const eu = await callApi(emulator, `${emulator.regions.EU.apiUrl}/v2/profiles`, token);
    expect(await eu.text()).toContain('"countryCode":"UK"');
    const na = await callApi(emulator, `${emulator.apiUrl}/v2/profiles`, token);
    expect(await na.text()).toBe("[]");
  });

  it("stays IN_PROGRESS until the configured time has passed on the emulator clock", async () => {
    await start({ testAccounts: { inProgressPolls: 0, pendingSeconds: 60 } });
    const requestId = await requestIdOf(await create({ countryCode: "DE", accountType: "AUTHOR" }));
    expect((await poll(requestId))[0]!.status).toBe("IN_PROGRESS");
    emulator.admin.advanceClock(60);
    expect((await poll(requestId))[0]!.status).toBe("COMPLETED");
  });

  it("allows one AUTHOR account per marketplace", async () => {
    await start();
    await requestIdOf(await create({ countryCode: "US", accountType: "AUTHOR" }));
    const again = await create({ countryCode: "US", accountType: "AUTHOR" });
    expect(again.status).toBe(422);
    await requestIdOf(await create({ countryCode: "CA", accountType: "AUTHOR" }));
    await requestIdOf(
      await create({
        countryCode: "US",
        accountType: "VENDOR",
        accountMetaData: { vendorCode: "ABCDE" },
      }),
    );
  });

  it("lists every request of the user without requestId", async () => {
    await start();
    await create({ countryCode: "US", accountType: "AUTHOR" });
    await create({
      countryCode: "JP",
      accountType: "VENDOR",
      accountMetaData: { vendorCode: "ABCDE" },
    });
    const response = await callApi(emulator, `${emulator.apiUrl}/testAccounts`, token);
    const all = (await response.json()) as { countryCode: string }[];
    expect(all.map((r) => r.countryCode)).toEqual(["US", "JP"]);
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown country", { countryCode: "XX", accountType: "AUTHOR" }],
    ["an unknown account type", { countryCode: "US", accountType: "SELLER" }],
    ["no country", { accountType: "AUTHOR" }],
  ])("refuses a body with %s", async (_, body) => {
    await start();
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BAD_REQUEST" });
  });

  it.each([
    ["no accountMetaData", {}],
    ["accountMetaData without vendorCode", { accountMetaData: {} }],
  ])("refuses a VENDOR account with %s: 400 BAD_REQUEST naming vendorCode", async (_, extra) => {
    await start();
    const response = await create({ countryCode: "US", accountType: "VENDOR", ...extra });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, string>;
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.details).toContain("VENDOR test account needs accountMetaData.vendorCode");
    // Nothing was started.
    const listed = await callApi(emulator, `${emulator.apiUrl}/testAccounts`, token);
    expect(await listed.json()).toEqual([]);
  });

  it("refuses an empty vendorCode", async () => {
    await start();
    const response = await create({
      countryCode: "US",
      accountType: "VENDOR",
      accountMetaData: { vendorCode: "" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("needs the advertising::test:create_account scope", async () => {
    await start();
    const plain = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    const response = await create({ countryCode: "US", accountType: "AUTHOR" }, plain);
    expect(response.status).toBe(403);
  });

  it("refuses a user who already manages advertising accounts", async () => {
    await start();
    const demo = emulator.admin.issueRefreshToken({ scopes: SCOPES }).accessToken;
    const response = await create({ countryCode: "US", accountType: "AUTHOR" }, demo);
    expect(response.status).toBe(422);
  });

  it("serves /testAccounts only on the NA host: EU and FE answer 404 NOT_FOUND saying so", async () => {
    await start();
    for (const region of ["EU", "FE"] as const) {
      const url = `${emulator.regions[region].apiUrl}/testAccounts`;
      const created = await callApi(emulator, url, token, {
        method: "POST",
        body: JSON.stringify({ countryCode: "DE", accountType: "AUTHOR" }),
        headers: { "content-type": "application/json" },
      });
      const polled = await callApi(emulator, `${url}?requestId=X`, token);
      for (const response of [created, polled]) {
        expect(response.status).toBe(404);
        const body = (await response.json()) as Record<string, string>;
        expect(body).toMatchObject({ code: "NOT_FOUND" });
        expect(body.details).toContain("only on the North America host");
        expect(body.requestId).toBe(response.headers.get("x-amzn-requestid"));
      }
    }
    expect(emulator.admin.calls("testAccounts")).toBe(4);
    const na = await callApi(emulator, `${emulator.regions.NA.apiUrl}/testAccounts`, token, {
      method: "POST",
      body: JSON.stringify({ countryCode: "DE", accountType: "AUTHOR" }),
      headers: { "content-type": "application/json" },
    });
    await requestIdOf(na);
  });

  it("answers 404 for an unknown request id", async () => {
    await start();
    const response = await callApi(
      emulator,
      `${emulator.apiUrl}/testAccounts?requestId=NOPE`,
      token,
    );
    expect(response.status).toBe(404);
  });
});
