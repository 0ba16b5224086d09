/**
 * The refresh token's end of life, through the server layer against the in-process emulator, with
 * one clock (a seam) moved for both: the warning window, the day it expires, and the renewal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTestCredentials } from "../support/credentials.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_authorization";
const DAY_S = 24 * 60 * 60;
const DAY_MS = DAY_S * 1000;
// A year after Amazon's expiring grants began: every consent of the last 365 days expires.
const NOW = Date.UTC(2027, 9, 1, 12);
// Consented 340 days ago: 25 days left.
const CONSENT = NOW - 340 * DAY_MS;
const EXPIRY_DATE = "2027-10-26";

let e: Emulated;
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "grant-expiry-"))));
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await e.finish();
});

/** A grant consented at `consentedAt`, as `login` would have written it to a file. */
async function fileGrant(consentedAt: number) {
  const { refreshToken } = e.emulator.admin.issueRefreshToken({ consentedAt });
  const path = await writeTestCredentials(dir, {
    clientId: e.emulator.clientId,
    refreshToken,
    grantedAt: new Date(consentedAt).toISOString(),
  });
  return { path, refreshToken };
}

describe("amazonads_authorization and its refresh token's expiry", () => {
  it("warns on credentials_file within 30 days, naming the date and `login --renew`", async () => {
    e = await emulated({ start: NOW });
    const { path } = await fileGrant(CONSENT);
    const created = await e.driver.create(TYPE, { credentials_file: path });
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state?.refresh_token_expires_at).toBe(`${EXPIRY_DATE}T12:00:00Z`);
    const plan = await e.driver.plan(TYPE, { credentials_file: path }, created.state);
    expect(plan.requiresReplace).toEqual([]);
    expect(warnings(plan.diagnostics)).toEqual([
      {
        severity: "warning",
        summary: `The grant's refresh token expires on ${EXPIRY_DATE} (in 25 days)`,
        detail: expect.stringContaining(`cdktf-amazon-ads login --renew --output ${path}`),
        attribute: "credentials_file",
      },
    ]);
    expect(plan.diagnostics[0]?.detail).toContain("create_before_destroy = true");
    // The create's own plan warned already: the file's consent date is known before the grant is.
    expect(warnings(created.diagnostics).map((d) => d.summary)).toEqual([
      `The grant's refresh token expires on ${EXPIRY_DATE} (in 25 days)`,
    ]);
  });

  it("stays quiet outside the window, and the window is expiry_warning_days", async () => {
    e = await emulated({ start: NOW });
    const { path } = await fileGrant(CONSENT);
    const created = await e.driver.create(TYPE, { credentials_file: path });
    const narrow = { credentials_file: path, expiry_warning_days: 20 };
    expect((await e.driver.plan(TYPE, narrow, created.state)).diagnostics).toEqual([]);
    const wide = { credentials_file: path, expiry_warning_days: 25 };
    expect(warnings((await e.driver.plan(TYPE, wide, created.state)).diagnostics)).toHaveLength(1);
  });

  it("says nothing for a grant that lasts until revoked (consent before 2026-07-01)", async () => {
    e = await emulated({ start: NOW });
    const { path } = await fileGrant(Date.UTC(2026, 5, 30));
    const created = await e.driver.create(TYPE, { credentials_file: path });
    expect(created.state?.refresh_token_expires_at).toBeNull();
    expect(
      (await e.driver.plan(TYPE, { credentials_file: path }, created.state)).diagnostics,
    ).toEqual([]);
  });

  it("names the authorization_code_wo_version to change for a write-only code's grant", async () => {
    e = await emulated({ start: NOW - 340 * DAY_MS });
    const config = {
      authorization_code_wo: e.emulator.admin.issueCode(),
      authorization_code_wo_version: 1,
      redirect_uri: "http://localhost:8765/callback",
    };
    const created = await e.driver.create(TYPE, config);
    e.advance(340 * DAY_S);
    const plan = await e.driver.plan(
      TYPE,
      { ...config, authorization_code_wo: null },
      created.state,
    );
    expect(warnings(plan.diagnostics)).toEqual([
      expect.objectContaining({
        attribute: "authorization_code_wo_version",
        detail: expect.stringContaining("change authorization_code_wo_version (e.g. 1 → 2)"),
      }),
    ]);
  });

  describe("on the day", () => {
    it("keeps the expired grant in state (Amazon refuses it), then fails the plan saying how to renew", async () => {
      e = await emulated({ start: NOW });
      const { path } = await fileGrant(CONSENT);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      e.advance(26 * DAY_S);
      const read = await e.driver.read(TYPE, created.state!);
      expect(e.emulator.admin.calls("token", "refresh_token")).toBeGreaterThan(0);
      expect(read.diagnostics).toEqual([]);
      expect(read.state).toEqual(created.state);
      const plan = await e.driver.plan(TYPE, { credentials_file: path }, read.state);
      expect(plan.requiresReplace).toEqual([]);
      expect(errors(plan.diagnostics)).toEqual([
        {
          severity: "error",
          summary: `The grant's refresh token expired on ${EXPIRY_DATE}`,
          detail: expect.stringMatching(/Nothing was changed.*login --renew --output/s),
          attribute: "credentials_file",
        },
      ]);
    });

    it("replaces the expired grant, saying why, once the credentials file holds a new one", async () => {
      e = await emulated({ start: NOW });
      const { path } = await fileGrant(CONSENT);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      e.advance(26 * DAY_S);
      const read = await e.driver.read(TYPE, created.state!);
      // `login --renew` writes the new consent into the same file.
      const renewed = await fileGrant(e.emulator.admin.now());
      const plan = await e.driver.plan(TYPE, { credentials_file: renewed.path }, read.state);
      expect(errors(plan.diagnostics)).toEqual([]);
      expect(plan.requiresReplace).toEqual(["refresh_token"]);
      expect(warnings(plan.diagnostics)).toEqual([
        expect.objectContaining({
          summary: `Replacing the grant: its refresh token expired on ${EXPIRY_DATE}`,
          detail: expect.stringContaining(`Grant ${created.state!.id} stopped working`),
          attribute: "credentials_file",
        }),
      ]);
      // The new object's plan (Terraform's second call, with no prior state) has nothing to say.
      const replacement = await e.driver.create(TYPE, { credentials_file: renewed.path });
      expect(replacement.diagnostics).toEqual([]);
      expect(replacement.state?.refresh_token).toBe(renewed.refreshToken);
    });

    it("refuses to create from a credentials file whose grant already expired", async () => {
      e = await emulated({ start: NOW });
      const { path } = await fileGrant(NOW - 366 * DAY_MS);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "The credentials file's grant expired on 2027-09-30",
          attribute: "credentials_file",
        }),
      ]);
      expect(e.emulator.admin.calls("token")).toBe(0);
    });

    it("still drops a grant Amazon refuses before its expiry (revoked), as before", async () => {
      e = await emulated({ start: NOW });
      const { path, refreshToken } = await fileGrant(CONSENT);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      e.emulator.admin.revokeGrant(refreshToken);
      e.advance(2 * 3600);
      const read = await e.driver.read(TYPE, created.state!);
      expect(read.state).toBeNull();
      expect(warnings(read.diagnostics).map((d) => d.summary)).toEqual([
        "The authorization grant was revoked: removed from state",
      ]);
    });
  });

  describe("expiry_warning_days", () => {
    it.each([
      [0, "must be a whole number of days, at least 1"],
      [-7, "must be a whole number of days, at least 1"],
      [2.5, "must be a whole number of days, at least 1"],
    ])("refuses %p on the attribute", async (days, message) => {
      e = await emulated({ start: NOW });
      const diagnostics = await e.driver.validate(TYPE, {
        credentials_file: "/any/credentials.json",
        expiry_warning_days: days,
      });
      expect(diagnostics).toEqual([
        {
          severity: "error",
          summary: "Invalid value for expiry_warning_days",
          detail: expect.stringContaining(message),
          attribute: "expiry_warning_days",
        },
      ]);
    });

    it("accepts 1 and more", async () => {
      e = await emulated({ start: NOW });
      for (const days of [1, 30, 365]) {
        const config = { credentials_file: "/x.json", expiry_warning_days: days };
        expect(await e.driver.validate(TYPE, config)).toEqual([]);
      }
    });
  });
});
