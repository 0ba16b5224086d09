import {
  MANAGER_ACCOUNTS_TYPE,
  type Emulator,
  EMPTY_USER_ID,
  startEmulator,
} from "../../src/emulator/index.js";
import { callApi } from "./support.js";

describe("the manager account listing (GET /managerAccounts)", () => {
  let emulator: Emulator;
  let token: string;
  const get = (headers: Record<string, string> = {}, accessToken = token): Promise<Response> =>
    callApi(emulator, `${emulator.apiUrl}/managerAccounts`, accessToken, { headers });

  beforeAll(async () => {
    emulator = await startEmulator();
    token = emulator.admin.issueRefreshToken().accessToken;
  });
  afterAll(() => emulator.close());

  it("answers the demo user's manager account with its linked accounts, profile ids as strings", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MANAGER_ACCOUNTS_TYPE);
    expect(await response.json()).toEqual({
      managerAccounts: [
        {
          managerAccountId: "amzn1.ads1.ma1.emul8acmeh0ld1ngs0001",
          managerAccountName: "Acme Holdings",
          linkedAccounts: [
            {
              accountId: "A3EMULATRSELLNA",
              accountName: "Acme Outdoor US",
              accountType: "SELLER",
              dspAdvertiserId: null,
              marketplaceId: "ATVPDKIKX0DER",
              profileId: "34567890123456789",
            },
            {
              accountId: "ENTITY2CAVENDOR01",
              accountName: "Acme Outdoor Canada (Vendor)",
              accountType: "VENDOR",
              dspAdvertiserId: null,
              marketplaceId: "A2EUQ1WTGCTBG2",
              profileId: "9007199254740993",
            },
          ],
        },
      ],
    });
  });

  it("answers without an Accept header, as Amazon's Postman collection calls it", async () => {
    const response = await fetch(`${emulator.apiUrl}/managerAccounts`, {
      headers: {
        authorization: `Bearer ${token}`,
        "amazon-advertising-api-clientid": emulator.clientId,
      },
    });
    expect(response.status).toBe(200);
  });

  it("needs the client id header, which this spec marks required", async () => {
    const response = await fetch(`${emulator.apiUrl}/managerAccounts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
  });

  it("answers an empty list for a user in no manager account", async () => {
    const stranger = emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).accessToken;
    expect(await (await get({}, stranger)).json()).toEqual({ managerAccounts: [] });
  });

  it("answers 406 to an Accept without its media type, and faults in {code, message}", async () => {
    const refused = await get({ accept: "application/json" });
    expect(refused.status).toBe(406);
    emulator.admin.injectFault({ kind: "forbidden", endpoint: "managerAccounts", times: 1 });
    const forbidden = await get();
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ code: "FORBIDDEN", message: "Forbidden" });
  });

  it("refuses more than 50 linked accounts in a seed (Amazon's cap)", () => {
    const linkedAccounts = Array.from({ length: 51 }, (_, i) => ({
      accountId: `ENTITY${i}`,
      accountName: `Brand ${i}`,
      accountType: "VENDOR" as const,
    }));
    expect(() =>
      emulator.admin.addManagerAccount({
        managerAccountId: "amzn1.ads1.ma1.toomany",
        managerAccountName: "Too many",
        linkedAccounts,
      }),
    ).toThrow(/cap is 50/);
  });
});
