import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { errors } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_manager_accounts";
const MANAGER = "amzn1.ads1.ma1.emul8acmeh0ld1ngs0001";
let e: Emulated;
let refreshToken: string;
beforeEach(async () => {
  e = await emulated();
  refreshToken = e.emulator.admin.issueRefreshToken().refreshToken;
});
afterEach(() => e.finish());

const read = (config: Record<string, string>) => e.driver.readData(TYPE, config);
const where = (d: { summary: string; attribute: string | undefined }) => [d.summary, d.attribute];

describe("data amazonads_manager_accounts against the emulator", () => {
  it("lists the manager accounts and their linked accounts, profile ids as strings, in one request", async () => {
    e.emulator.admin.resetCounters();
    const { state, diagnostics } = await read({ refresh_token: refreshToken });
    expect(diagnostics).toEqual([]);
    expect(state?.manager_account_ids).toEqual([MANAGER]);
    expect(state?.manager_accounts).toEqual([
      { manager_account_id: MANAGER, manager_account_name: "Acme Holdings" },
    ]);
    expect(state?.linked_accounts).toEqual([
      {
        manager_account_id: MANAGER,
        account_id: "A3EMULATRSELLNA",
        account_name: "Acme Outdoor US",
        account_type: "SELLER",
        marketplace_id: "ATVPDKIKX0DER",
        dsp_advertiser_id: null,
        profile_id: "34567890123456789",
      },
      {
        manager_account_id: MANAGER,
        account_id: "ENTITY2CAVENDOR01",
        account_name: "Acme Outdoor Canada (Vendor)",
        account_type: "VENDOR",
        marketplace_id: "A2EUQ1WTGCTBG2",
        dsp_advertiser_id: null,
        profile_id: "9007199254740993",
      },
    ]);
    expect(state?.id).toMatch(/^manager-accounts-[0-9a-f]{16}$/);
    expect(e.emulator.admin.calls("managerAccounts")).toBe(1);
  });

  it("answers empty lists, without a warning, for a user in no manager account", async () => {
    const grant = e.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).refreshToken;
    const { state, diagnostics } = await read({ refresh_token: grant });
    expect(diagnostics).toEqual([]);
    expect(state).toMatchObject({ manager_accounts: [], linked_accounts: [] });
  });

  it("reports a 403 and a revoked grant on refresh_token", async () => {
    e.emulator.admin.injectFault({ kind: "forbidden", endpoint: "managerAccounts", times: 1 });
    const forbidden = await read({ refresh_token: refreshToken });
    expect(errors(forbidden.diagnostics).map(where)).toEqual([
      ["Amazon refused to list the manager accounts", "refresh_token"],
    ]);
    e.emulator.admin.revokeGrant(refreshToken);
    const revoked = await (await e.restart()).readData(TYPE, { refresh_token: refreshToken });
    expect(errors(revoked.diagnostics).map(where)).toEqual([
      ["The grant's refresh token was revoked", "refresh_token"],
    ]);
  });

  it("needs exactly one of refresh_token and credentials_file", async () => {
    const none = await e.driver.validateData(TYPE, {});
    expect(errors(none).map(where)).toEqual([["No grant given", undefined]]);
  });
});
