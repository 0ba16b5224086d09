import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMPTY_USER_ID, type EmulatorLogEntry } from "../../../src/emulator/index.js";
import { writeTestCredentials } from "../support/credentials.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_ads_accounts";
const VENDOR = "amzn1.ads-account.g.emul8acme0utd00rvend0002";
let e: Emulated;
let log: EmulatorLogEntry[];
let refreshToken: string;
beforeEach(async () => {
  log = [];
  e = await emulated({ log: (entry) => log.push(entry) });
  refreshToken = e.emulator.admin.issueRefreshToken().refreshToken;
});
afterEach(() => e.finish());

const read = (config: Record<string, string>) => e.driver.readData(TYPE, config);
const where = (d: { summary: string; attribute: string | undefined }) => [d.summary, d.attribute];

describe("data amazonads_ads_accounts against the emulator", () => {
  it("lists every account with per-country profile ids as strings, in one token and one listing request", async () => {
    e.emulator.admin.resetCounters();
    const { state, diagnostics } = await read({ refresh_token: refreshToken });
    expect(diagnostics).toEqual([]);
    expect(state?.ads_account_ids).toEqual([
      "amzn1.ads-account.g.emul8acme0utd00rselr0001",
      VENDOR,
      "amzn1.ads-account.g.emul8n0rthw1ndbrandl0003",
    ]);
    expect((state?.ads_accounts as unknown[])[1]).toEqual({
      ads_account_id: VENDOR,
      account_name: "Acme Outdoor (Vendor)",
      status: "PARTIALLY_CREATED",
      country_codes: ["CA", "FR", "IT", "AU"],
    });
    const ofVendor = (rows: unknown) =>
      (rows as { ads_account_id: string }[]).filter((row) => row.ads_account_id === VENDOR);
    expect(ofVendor(state?.alternate_ids)).toEqual([
      {
        ads_account_id: VENDOR,
        country_code: "CA",
        entity_id: "ENTITY2CAVENDOR01",
        profile_id: "9007199254740993",
      },
      {
        ads_account_id: VENDOR,
        country_code: "FR",
        entity_id: "ENTITY1FRVENDOR09",
        profile_id: "987654321098765",
      },
      {
        ads_account_id: VENDOR,
        country_code: "AU",
        entity_id: "ENTITY4AUVENDOR07",
        profile_id: "4040404040404040",
      },
    ]);
    expect(state?.alternate_ids).toHaveLength(9);
    expect(state?.country_errors).toEqual([
      {
        ads_account_id: VENDOR,
        country_code: "IT",
        error_code: "EMULATOR_REGISTRATION_INCOMPLETE",
        error_id: "1001",
        error_message: "The vendor is not yet registered to advertise in this marketplace.",
      },
    ]);
    const byProfile = state?.ads_account_id_by_profile_id as Record<string, string>;
    expect(Object.keys(byProfile)).toHaveLength(9);
    expect(byProfile["9007199254740993"]).toBe(VENDOR);
    expect(byProfile["3456789012345678901"]).toBeUndefined();
    expect(state?.id).toMatch(/^ads-accounts-[0-9a-f]{16}$/);
    expect(e.emulator.admin.calls("token")).toBe(1);
    expect(e.emulator.admin.calls("adsAccounts")).toBe(1);
  });

  it("asks the provider's region's host, or the one region names", async () => {
    await read({ refresh_token: refreshToken });
    expect(log.at(-1)).toMatchObject({ path: "/na/adsAccounts/list", status: 200 });
    await read({ refresh_token: refreshToken, region: "FE" });
    expect(log.at(-1)).toMatchObject({ path: "/fe/adsAccounts/list", status: 200 });
  });

  it("reads the grant from a credentials file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ads-accounts-"));
    try {
      const path = await writeTestCredentials(dir, { clientId: e.emulator.clientId, refreshToken });
      const { state, diagnostics } = await read({ credentials_file: path });
      expect(diagnostics).toEqual([]);
      expect(state?.ads_account_ids).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("needs exactly one of refresh_token and credentials_file", async () => {
    const both = await e.driver.validateData(TYPE, {
      refresh_token: "Atzr|x",
      credentials_file: "/c.json",
    });
    expect(errors(both).map(where)).toEqual([
      ["Give only one of refresh_token and credentials_file", "credentials_file"],
    ]);
    const none = await e.driver.validateData(TYPE, {});
    expect(errors(none).map(where)).toEqual([["No grant given", undefined]]);
  });

  it("warns when the grant reaches no Ads account", async () => {
    const grant = e.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID }).refreshToken;
    const { state, diagnostics } = await read({ refresh_token: grant });
    expect(state?.ads_accounts).toEqual([]);
    expect(warnings(diagnostics).map(where)).toEqual([
      ["The grant reaches no Ads account", undefined],
    ]);
  });

  it("reports a revoked grant on the attribute the grant came from", async () => {
    e.emulator.admin.revokeGrant(refreshToken);
    const viaToken = await read({ refresh_token: refreshToken });
    expect(errors(viaToken.diagnostics).map(where)).toEqual([
      ["The grant's refresh token was revoked", "refresh_token"],
    ]);
    const dir = mkdtempSync(join(tmpdir(), "ads-accounts-"));
    try {
      const path = await writeTestCredentials(dir, { clientId: e.emulator.clientId, refreshToken });
      const viaFile = await read({ credentials_file: path });
      expect(errors(viaFile.diagnostics).map(where)).toEqual([
        ["The grant's refresh token was revoked", "credentials_file"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a 403 on refresh_token, saying what to check about the grant", async () => {
    e.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
    const { diagnostics } = await read({ refresh_token: refreshToken });
    expect(errors(diagnostics)).toEqual([
      expect.objectContaining({
        summary: "Amazon refused to list the Ads accounts",
        attribute: "refresh_token",
        detail: expect.stringContaining("advertising::campaign_management"),
      }),
    ]);
    expect(errors(diagnostics)[0]!.detail).toContain("Amazon request id");
  });

  it("reports a malformed answer as an error saying what arrived", async () => {
    e.emulator.admin.injectFault({ kind: "html", endpoint: "adsAccounts" });
    const { diagnostics } = await read({ refresh_token: refreshToken });
    expect(errors(diagnostics)).toEqual([
      expect.objectContaining({
        summary: "Could not list the Ads accounts",
        detail: expect.stringContaining("text/html"),
      }),
    ]);
  });
});
