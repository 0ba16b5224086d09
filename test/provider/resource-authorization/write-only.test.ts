/**
 * `authorization_code_wo` and `code_verifier_wo` through the server layer against the in-process
 * emulator: redeemed once and never in plan or state, a new version for a new code, the rules of
 * one grant source, and what an older Terraform (1.10.5, a seam: the version ConfigureProvider
 * names and the capability ValidateResourceConfig lacks) is told.
 */
import { codeChallenge } from "../../../src/amazon-ads/index.js";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { errors, warnings } from "../support/driver.js";
import { emulated, totalCalls, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_authorization";
const REDIRECT = "http://localhost:8765/callback";
const VERIFIER = "v".repeat(50);

let e: Emulated;
afterEach(() => e.finish());

function pkceCode(): string {
  return e.emulator.admin.issueCode({
    codeChallenge: codeChallenge(VERIFIER),
    codeChallengeMethod: "S256",
  });
}

const writeOnly = (code: string, version = 1) => ({
  authorization_code_wo: code,
  authorization_code_wo_version: version,
  code_verifier_wo: VERIFIER,
  redirect_uri: REDIRECT,
});

describe("amazonads_authorization with a write-only code and verifier", () => {
  it("redeems the code once, keeps code and verifier out of plan and state, and never sends them again", async () => {
    e = await emulated();
    const code = pkceCode();
    const config = writeOnly(code);
    const plan = await e.driver.plan(TYPE, config);
    expect(plan.planned).toMatchObject({
      authorization_code_wo: null,
      code_verifier_wo: null,
      authorization_code_wo_version: 1,
    });
    const created = await e.driver.create(TYPE, config);
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state).toMatchObject({
      authorization_code: null,
      authorization_code_wo: null,
      code_verifier: null,
      code_verifier_wo: null,
      authorization_code_wo_version: 1,
      refresh_token: expect.stringMatching(/^Atzr\|/),
    });
    expect(JSON.stringify(created.state)).not.toContain(code);
    expect(JSON.stringify(created.state)).not.toContain(VERIFIER);
    expect(e.emulator.admin.calls("token", "authorization_code")).toBe(1);

    // Later runs: the same (spent) code in the configuration, or none at all, changes nothing.
    e.emulator.admin.resetCounters();
    for (const later of [
      config,
      { ...config, authorization_code_wo: null, code_verifier_wo: null },
    ]) {
      const again = await e.driver.plan(TYPE, later, created.state);
      expect(again.requiresReplace).toEqual([]);
      expect(again.planned).toEqual(created.state);
      expect(again.diagnostics).toEqual([]);
    }
    expect(totalCalls(e.emulator)).toBe(0);
  });

  it("replaces the grant when the version changes with a new code, which is redeemed once", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, writeOnly(pkceCode()));
    const next = writeOnly(pkceCode(), 2);
    const plan = await e.driver.plan(TYPE, next, created.state);
    expect(plan.requiresReplace).toEqual(["authorization_code_wo_version"]);
    const replacement = await e.driver.create(TYPE, next);
    expect(replacement.state?.refresh_token).not.toBe(created.state?.refresh_token);
    expect(e.emulator.admin.calls("token", "authorization_code")).toBe(2);
  });

  it("plans a replacement for an unknown version (known only after apply) with a code", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, writeOnly(pkceCode()));
    const plan = await e.driver.plan(
      TYPE,
      { ...writeOnly("later"), authorization_code_wo_version: UNKNOWN },
      created.state,
    );
    expect(plan.requiresReplace).toEqual(["authorization_code_wo_version"]);
  });

  it("fails the plan when the version changes without a code, keeping the grant", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, writeOnly(pkceCode()));
    const plan = await e.driver.plan(
      TYPE,
      { ...writeOnly("x", 2), authorization_code_wo: null, code_verifier_wo: null },
      created.state,
    );
    expect(plan.requiresReplace).toEqual([]);
    expect(errors(plan.diagnostics)).toEqual([
      expect.objectContaining({
        summary: "A new authorization_code_wo_version needs its code",
        attribute: "authorization_code_wo_version",
      }),
    ]);
  });

  it("moves a grant's spent code from authorization_code to authorization_code_wo in place, dropping it from state", async () => {
    e = await emulated();
    const code = e.emulator.admin.issueCode();
    const plain = { authorization_code: code, redirect_uri: REDIRECT };
    const created = await e.driver.create(TYPE, plain);
    expect(created.state?.authorization_code).toBe(code);
    const moved = {
      authorization_code_wo: code,
      authorization_code_wo_version: 1,
      redirect_uri: REDIRECT,
    };
    const plan = await e.driver.plan(TYPE, moved, created.state);
    expect(plan.requiresReplace).toEqual([]);
    expect(plan.planned).toMatchObject({
      authorization_code: null,
      authorization_code_wo_version: 1,
    });
    const updated = await e.driver.apply(TYPE, plan.planned, moved, created.state);
    expect(updated.state?.authorization_code).toBeNull();
    expect(updated.state?.refresh_token).toBe(created.state?.refresh_token);
    expect(e.emulator.admin.calls("token", "authorization_code")).toBe(1);
  });

  it("reports a spent write-only code on authorization_code_wo and a wrong verifier on code_verifier_wo", async () => {
    e = await emulated();
    const spent = pkceCode();
    await e.driver.create(TYPE, writeOnly(spent));
    const again = await e.driver.create(TYPE, writeOnly(spent));
    expect(errors(again.diagnostics).map((d) => [d.attribute, d.summary])).toEqual([
      ["authorization_code_wo", "The authorization code was already redeemed or has expired"],
    ]);
    const wrong = await e.driver.create(TYPE, {
      ...writeOnly(pkceCode()),
      code_verifier_wo: "w".repeat(50),
    });
    expect(errors(wrong.diagnostics).map((d) => d.attribute)).toEqual(["code_verifier_wo"]);
  });

  describe("validation", () => {
    it("counts authorization_code_wo among the grant sources: one only", async () => {
      e = await emulated();
      const both = await e.driver.validate(TYPE, { ...writeOnly("c"), refresh_token: "Atzr|x" });
      expect(errors(both)).toEqual([
        expect.objectContaining({
          summary:
            "Give only one of authorization_code, authorization_code_wo, refresh_token and credentials_file",
          attribute: "refresh_token",
        }),
      ]);
      const twoCodes = await e.driver.validate(TYPE, {
        ...writeOnly("c"),
        authorization_code: "c",
      });
      expect(errors(twoCodes).map((d) => d.attribute)).toEqual(["authorization_code_wo"]);
    });

    it("needs authorization_code_wo_version and redirect_uri beside authorization_code_wo", async () => {
      e = await emulated();
      const diagnostics = await e.driver.validate(TYPE, { authorization_code_wo: "c" });
      expect(errors(diagnostics).map((d) => [d.attribute, d.summary])).toEqual([
        ["authorization_code_wo", "redirect_uri is required with authorization_code_wo"],
        ["authorization_code_wo", "authorization_code_wo needs authorization_code_wo_version"],
      ]);
    });

    it("pairs each verifier with its own kind of code", async () => {
      e = await emulated();
      const mixed = await e.driver.validate(TYPE, {
        authorization_code: "c",
        redirect_uri: REDIRECT,
        code_verifier_wo: VERIFIER,
      });
      expect(errors(mixed).map((d) => [d.attribute, d.summary])).toEqual([
        [
          "code_verifier_wo",
          "code_verifier_wo goes with authorization_code_wo, not authorization_code",
        ],
      ]);
      const both = await e.driver.validate(TYPE, {
        ...writeOnly("c"),
        code_verifier: VERIFIER,
      });
      expect(errors(both).map((d) => d.attribute)).toEqual(["code_verifier_wo"]);
      const alone = await e.driver.validate(TYPE, {
        refresh_token: "Atzr|x",
        code_verifier_wo: VERIFIER,
      });
      expect(warnings(alone).map((d) => d.summary)).toEqual([
        "code_verifier_wo has no effect without authorization_code_wo",
      ]);
    });

    it("refuses a version that is not a whole number", async () => {
      e = await emulated();
      const diagnostics = await e.driver.validate(TYPE, {
        ...writeOnly("c"),
        authorization_code_wo_version: 1.5,
      });
      expect(errors(diagnostics).map((d) => d.attribute)).toEqual([
        "authorization_code_wo_version",
      ]);
    });
  });

  describe("on Terraform 1.10.5 (no write-only support)", () => {
    it("fails validation on each write-only argument, naming 1.10.5 and 1.11", async () => {
      e = await emulated({ terraformVersion: "1.10.5" });
      const diagnostics = await e.driver.validate(TYPE, writeOnly("code-never-shown"), {
        writeOnlyAllowed: false,
      });
      expect(errors(diagnostics).map((d) => [d.attribute, d.summary])).toEqual([
        ["authorization_code_wo", "authorization_code_wo needs Terraform 1.11 or later"],
        ["code_verifier_wo", "code_verifier_wo needs Terraform 1.11 or later"],
      ]);
      expect(diagnostics[0]?.detail).toContain("This is Terraform 1.10.5, which does not");
      expect(JSON.stringify(diagnostics)).not.toContain("code-never-shown");
      expect(JSON.stringify(diagnostics)).not.toContain(VERIFIER);
    });

    it("keeps authorization_code working there", async () => {
      e = await emulated({ terraformVersion: "1.10.5" });
      const plain = { authorization_code: "c", redirect_uri: REDIRECT };
      expect(await e.driver.validate(TYPE, plain, { writeOnlyAllowed: false })).toEqual([]);
    });
  });
});
