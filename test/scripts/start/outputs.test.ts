import { formatOutputs, formatTraffic } from "../../../scripts/start/outputs.js";
import { startEmulator } from "../../../src/emulator/index.js";

describe("formatOutputs", () => {
  it("aligns names and shows sensitive values as <sensitive>, never their value", () => {
    const lines = formatOutputs({
      refresh_token: { sensitive: true, value: "Atzr|secret" },
      profile_id: { sensitive: false, value: "34567890123456789" },
      api_headers: { sensitive: false, value: { a: "b" } },
    });
    expect(lines).toEqual([
      'api_headers   = {"a":"b"}',
      "profile_id    = 34567890123456789",
      "refresh_token = <sensitive>",
    ]);
  });
});

describe("formatTraffic", () => {
  it("lists each endpoint's calls, with the token endpoint's by grant type", async () => {
    const emulator = await startEmulator();
    try {
      await fetch(emulator.tokenUrl, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x" }),
      });
      const lines = formatTraffic(emulator.admin.traffic());
      // Counts line up after the longest endpoint name (managerAccounts).
      expect(lines).toContain("token           1 (refresh_token 1)");
      expect(lines).toContain("profiles        0");
      expect(lines).toContain("managerAccounts 0");
    } finally {
      await emulator.close();
    }
  });
});
