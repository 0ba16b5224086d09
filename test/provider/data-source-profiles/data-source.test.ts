import { EMPTY_USER_ID } from "../../../src/emulator/index.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_profiles";
let e: Emulated;
afterEach(() => e.finish());

describe("data amazonads_profiles against the emulator", () => {
  it("lists every region's profiles with exact ids, in one token request", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    e.emulator.admin.resetCounters();
    const read = await e.driver.readData(TYPE, { refresh_token: refreshToken });
    expect(read.diagnostics).toEqual([]);
    expect(read.state?.profile_ids).toEqual([
      "34567890123456789",
      "9007199254740993",
      "3456789012345678901",
      "1209876543210987",
      "45678901234567890",
      "987654321098765",
      "5678901234567890",
      "67890123456789012",
      "4040404040404040",
    ]);
    expect((read.state?.profiles as unknown[])[3]).toEqual({
      profile_id: "1209876543210987",
      country_code: "UK",
      currency_code: "GBP",
      timezone: "Europe/London",
      marketplace_id: "A1F83G8C2ARO7P",
      account_id: "A2EMULATRSELLEU",
      account_name: "Acme Outdoor UK",
      account_type: "seller",
      account_sub_type: null,
      valid_payment_method: true,
      region: "EU",
      api_url: `${e.emulator.url}/eu`,
    });
    expect(read.state?.id).toMatch(/^profiles-[0-9a-f]{16}$/);
    expect(e.emulator.admin.calls("profiles")).toBe(3);
    expect(e.emulator.admin.calls("token")).toBe(1);
  });

  it("applies the filters and the country", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    const read = await e.driver.readData(TYPE, {
      refresh_token: refreshToken,
      regions: ["NA"],
      account_types: ["seller", "agency"],
      country_code: "US",
    });
    expect(read.state?.profile_ids).toEqual(["34567890123456789", "3456789012345678901"]);
  });

  it("warns with the hint when the grant can use no profile", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken({ userId: EMPTY_USER_ID });
    const read = await e.driver.readData(TYPE, { refresh_token: refreshToken, regions: ["EU"] });
    expect(read.state?.profile_ids).toEqual([]);
    expect(warnings(read.diagnostics)).toEqual([
      expect.objectContaining({
        summary: "The grant can use no advertising profile here",
        detail: expect.stringContaining("Amazon user who manages"),
      }),
    ]);
  });

  it("reports a revoked grant on refresh_token", async () => {
    e = await emulated();
    const { refreshToken } = e.emulator.admin.issueRefreshToken();
    e.emulator.admin.revokeGrant(refreshToken);
    const read = await e.driver.readData(TYPE, { refresh_token: refreshToken });
    expect(errors(read.diagnostics).map((d) => d.attribute)).toEqual(["refresh_token"]);
  });
});
