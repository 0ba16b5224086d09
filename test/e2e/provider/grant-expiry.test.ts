/**
 * A grant's end of life with the real terraform against the emulator: the plan's warning within
 * the window, bad windows, the day the refresh token expires (a plan error that keeps the grant),
 * and the renewal — a real `login --renew` consent through the emulator, then an apply that
 * replaces the grant (create_before_destroy) while the consumers' outputs stay the same.
 *
 * Grants expire 365 days after consents from mid-2026, so the provider (through its test-only
 * AMAZONADS_TEST_CLOCK_OFFSET_SECONDS) and the emulator both run on a clock standing in October
 * 2027, and move forward together; `login` runs in-process with the same clock as a seam.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeCredentialsFile } from "../../../src/amazon-ads/credentials-file.js";
import { main } from "../../../src/cli/main.js";
import { DEFAULT_SEED } from "../../../src/emulator/index.js";
import { TEST_CLOCK_OFFSET_ENV } from "../../../src/provider/test-clock.js";
import { captureIo, emulatorEnv, freePort, scriptedBrowser } from "../../cli/support.js";
import { diagnosticsOf, expectDiagnostic } from "../support/diagnostics.js";
import { expectSuccess, startProviderHarness, type ProviderHarness } from "../support/provider.js";

const DAY_S = 24 * 60 * 60;
const GRANT = 'resource "amazonads_authorization" "grant"';
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const GRANT_AND_CONSUMERS = `
resource "amazonads_authorization" "grant" {
  credentials_file = "\${path.module}/credentials.json"
  lifecycle {
    create_before_destroy = true
  }
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  profile_id    = "34567890123456789"
}
output "profile_id" { value = amazonads_profile.us.profile_id }
output "api_url" { value = amazonads_profile.us.api_url }
output "renew_by" { value = amazonads_authorization.grant.refresh_token_expires_at }
`;

// The same file, with a window too short to warn yet.
const QUIET = `
resource "amazonads_authorization" "quiet" {
  credentials_file    = "\${path.module}/credentials.json"
  expiry_warning_days = 20
}
`;

const BAD_WINDOWS = `
resource "amazonads_authorization" "zero" {
  credentials_file    = "\${path.module}/credentials.json"
  expiry_warning_days = 0
}
resource "amazonads_authorization" "negative" {
  credentials_file    = "\${path.module}/credentials.json"
  expiry_warning_days = -3
}
`;

describe("a grant's expiry and its renewal, in terraform", () => {
  let h: ProviderHarness;
  let port: number;
  // Both clocks: the provider's offset (seconds) moves with the emulator's advanceClock.
  let offsetSeconds = Math.round((Date.UTC(2027, 9, 1, 12) - Date.now()) / 1000);
  const start = offsetSeconds;
  const tf = (args: string[]) => h.tf(args, { [TEST_CLOCK_OFFSET_ENV]: String(offsetSeconds) });
  const advanceDays = (days: number) => {
    h.emulator.admin.advanceClock(days * DAY_S);
    offsetSeconds += days * DAY_S;
  };

  beforeAll(async () => {
    port = await freePort();
    const demo = DEFAULT_SEED.apps[0]!;
    h = await startProviderHarness({
      now: () => Date.now() + start * 1000,
      seed: {
        apps: [
          { ...demo, redirectUris: [...demo.redirectUris, `http://localhost:${port}/callback`] },
        ],
      },
    });
  });
  afterAll(() => h.finish());

  it("warns within the window, refuses bad windows, fails on the day, and renews with login --renew", async () => {
    const path = join(h.ws.dir, "credentials.json");
    const consentedAt = h.emulator.admin.now() - 340 * DAY_S * 1000;
    const expiry = date(consentedAt + 365 * DAY_S * 1000);
    await writeCredentialsFile(path, {
      clientId: h.emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refreshToken: h.emulator.admin.issueRefreshToken({ consentedAt }).refreshToken,
      grantedAt: new Date(consentedAt).toISOString(),
      redirectUri: `http://localhost:${port}/callback`,
    });

    // The window: 25 days left warns with the default 30, not with 20.
    h.configure(`${GRANT_AND_CONSUMERS}${QUIET}`);
    expectSuccess(await tf(["init"]));
    const applied = expectSuccess(await tf(["apply", "-auto-approve", "-json"]));
    const soon = `The grant's refresh token expires on ${expiry} (in 25 days)`;
    expectDiagnostic(applied, {
      severity: "warning",
      summary: soon,
      block: GRANT,
      attribute: "credentials_file",
      detail: [
        "cdktf-amazon-ads login --renew --output ./credentials.json",
        "create_before_destroy = true",
      ],
    });
    const warned = diagnosticsOf(applied).filter((d) => d.summary === soon);
    expect(new Set(warned.map((d) => d.snippet?.context))).toEqual(new Set([GRANT]));
    const before = { profile: await h.output("profile_id"), api: await h.output("api_url") };

    // Bad windows: an error on the attribute of each, nothing planned.
    h.ws.write("bad.tf", BAD_WINDOWS);
    const bad = await tf(["plan", "-json"]);
    expect(bad.code).toBe(1);
    // Terraform validates the two resources concurrently: their errors come in either order.
    const refused = diagnosticsOf(bad).filter(
      (d) => d.summary === "Invalid value for expiry_warning_days",
    );
    expect(refused.map((d) => [d.snippet?.context, d.snippet?.code.trim()]).sort()).toEqual([
      ['resource "amazonads_authorization" "negative"', "expiry_warning_days = -3"],
      ['resource "amazonads_authorization" "zero"', "expiry_warning_days = 0"],
    ]);
    for (const d of refused)
      expect(d.detail).toContain("must be a whole number of days, at least 1");
    rmSync(join(h.ws.dir, "bad.tf"));

    // The day: Amazon (the emulator) refuses the token; the plan fails, keeping the grant.
    h.configure(GRANT_AND_CONSUMERS);
    advanceDays(26);
    const dayPlan = await tf(["plan", "-json"]);
    expect(dayPlan.code).toBe(1);
    expectDiagnostic(dayPlan, {
      severity: "error",
      summary: `The grant's refresh token expired on ${expiry}`,
      block: GRANT,
      attribute: "credentials_file",
      detail: ["Nothing was changed", "login --renew --output ./credentials.json"],
    });
    expect(diagnosticsOf(dayPlan).map((d) => d.summary)).not.toContain(
      "The authorization grant was revoked: removed from state",
    );
    const stateBefore = await h.state();
    const grantBefore = stateBefore.resources.find((r) => r.name === "grant")!.instances[0]!;

    // The renewal: a real consent through the emulator's consent page, caught by login.
    const io = captureIo(emulatorEnv(h.emulator));
    const renewed = await main(["node", "cdktf-amazon-ads", "login", "--renew", "--output", path], {
      io,
      login: { openBrowser: scriptedBrowser().open, now: () => h.emulator.admin.now() },
    });
    expect([renewed, io.stderr.join("")]).toEqual([0, expect.stringContaining("Renewed.")]);
    const file = JSON.parse(readFileSync(path, "utf8")) as { granted_at: string };
    expect(date(Date.parse(file.granted_at))).toBe(date(h.emulator.admin.now()));

    // The deploy: the grant replaced, new one first, with the reason; consumers unchanged.
    const replaced = expectSuccess(await tf(["apply", "-auto-approve", "-json"]));
    expectDiagnostic(replaced, {
      severity: "warning",
      summary: `Replacing the grant: its refresh token expired on ${expiry}`,
      block: GRANT,
      attribute: "credentials_file",
      detail: [`Grant ${String(grantBefore.attributes.id)} stopped working`],
    });
    expect(replaced.stdout).toMatch(
      /"resource":\{"addr":"amazonads_authorization\.grant"[^}]*\}[^\n]*"action":"replace"/,
    );
    expect({ profile: await h.output("profile_id"), api: await h.output("api_url") }).toEqual(
      before,
    );
    expect(await h.output("renew_by")).toMatch(
      new RegExp(`^${date(h.emulator.admin.now() + 365 * DAY_S * 1000)}T`),
    );
    const grantAfter = (await h.state()).resources.find((r) => r.name === "grant")!.instances[0]!;
    expect(grantAfter.attributes.id).not.toBe(grantBefore.attributes.id);

    const settled = expectSuccess(await tf(["plan", "-detailed-exitcode", "-json"]));
    expect(settled.stdout).toContain('"changes":{"add":0,"change":0,"import":0,"remove":0');
    expect(
      diagnosticsOf(settled)
        .filter((d) => d.severity === "warning")
        .map((d) => d.summary),
    ).toEqual(["The provider's clock is shifted for tests"]);
  });
});
