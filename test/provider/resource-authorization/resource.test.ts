import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeChallenge } from "../../../src/amazon-ads/index.js";
import { UNKNOWN } from "../../../src/plugin/index.js";
import { Diagnostics } from "../../../src/plugin/index.js";
import { writeTestCredentials } from "../support/credentials.js";
import { errors, testLog, warnings } from "../support/driver.js";
import { emulated, totalCalls, type Emulated } from "../support/emulated.js";

const TYPE = "amazonads_authorization";
const REDIRECT = "http://localhost:8765/callback";
let e: Emulated;
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "grant-test-"))));
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await e.finish();
});

const codeConfig = (code: string) => ({ authorization_code: code, redirect_uri: REDIRECT });

const credentialsFile = (refreshToken: string, clientId = e.emulator.clientId) =>
  writeTestCredentials(dir, { clientId, refreshToken, redirectUri: REDIRECT });

// A port nothing listens on: one the system just handed out and that was closed again (a fixed
// low port such as 1 is not safe, since a process running as root may bind it).
async function freedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  return port;
}

describe("amazonads_authorization against the emulator", () => {
  describe("from an authorization code", () => {
    it("redeems the code once and never again", async () => {
      e = await emulated();
      const config = codeConfig(e.emulator.admin.issueCode());
      const created = await e.driver.create(TYPE, config);
      expect(created.diagnostics).toEqual([]);
      expect(created.state).toMatchObject({
        id: expect.stringMatching(/^grant-[0-9a-f]{16}$/),
        client_id: e.emulator.clientId,
        refresh_token: expect.stringMatching(/^Atzr\|/),
        access_token: expect.stringMatching(/^Atza\|/),
        access_token_expires_at: "2025-09-15T13:00:00Z",
        granted_at: "2025-09-15T12:00:00Z",
        refresh_token_expires_at: null,
      });
      expect(e.emulator.admin.calls("token", "authorization_code")).toBe(1);

      e.emulator.admin.resetCounters();
      const read = await e.driver.read(TYPE, created.state!);
      const plan = await e.driver.plan(TYPE, config, read.state);
      expect(plan.planned).toEqual(created.state);
      expect(plan.requiresReplace).toEqual([]);
      expect(totalCalls(e.emulator)).toBe(0);
    });

    it("sends the PKCE verifier with the code", async () => {
      e = await emulated();
      const verifier = "v".repeat(50);
      const code = e.emulator.admin.issueCode({
        codeChallenge: codeChallenge(verifier),
        codeChallengeMethod: "S256",
      });
      const created = await e.driver.create(TYPE, { ...codeConfig(code), code_verifier: verifier });
      expect(errors(created.diagnostics)).toEqual([]);
      expect(created.state?.refresh_token).toMatch(/^Atzr\|/);
    });

    it("reports a spent code on authorization_code, saying how to get a new one", async () => {
      e = await emulated();
      const code = e.emulator.admin.issueCode();
      await e.driver.create(TYPE, codeConfig(code));
      const again = await e.driver.create(TYPE, codeConfig(code));
      expect(again.state).toBeNull();
      expect(errors(again.diagnostics)).toEqual([
        {
          severity: "error",
          summary: "The authorization code was already redeemed or has expired",
          detail: expect.stringMatching(/5 minutes.*cdktf-amazon-ads login.*refresh_token/s),
          attribute: "authorization_code",
        },
      ]);
    });

    it("reports an expired code on authorization_code", async () => {
      e = await emulated();
      const code = e.emulator.admin.issueCode();
      e.advance(301);
      const created = await e.driver.create(TYPE, codeConfig(code));
      expect(errors(created.diagnostics).map((d) => d.attribute)).toEqual(["authorization_code"]);
    });

    it("reports another redirect URI on redirect_uri", async () => {
      e = await emulated();
      const code = e.emulator.admin.issueCode();
      const created = await e.driver.create(TYPE, {
        authorization_code: code,
        redirect_uri: "https://amazon.com",
      });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "redirect_uri",
          summary: "The redirect URI differs from the consent's",
        }),
      ]);
    });

    it("reports a missing or wrong PKCE verifier on code_verifier", async () => {
      e = await emulated();
      const code = e.emulator.admin.issueCode({
        codeChallenge: codeChallenge("w".repeat(50)),
        codeChallengeMethod: "S256",
      });
      const created = await e.driver.create(TYPE, codeConfig(code));
      expect(errors(created.diagnostics).map((d) => d.attribute)).toEqual(["code_verifier"]);
    });

    it("names the provider settings, not an attribute, when the client secret is wrong", async () => {
      e = await emulated({ env: { AMAZON_ADS_CLIENT_SECRET: "wrong-secret" } });
      e.rememberSecret("wrong-secret");
      const created = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: undefined,
          detail: expect.stringMatching(/client_id and client_secret in the provider "amazonads"/),
        }),
      ]);
    });

    it("says the code may be spent when the exchange's answer arrives truncated", async () => {
      e = await emulated();
      e.emulator.admin.injectFault({ kind: "truncated-json", endpoint: "token", times: 1 });
      const created = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "authorization_code",
          summary: "The answer to the code exchange was lost: the code may be spent",
          detail: expect.stringContaining("get a new one with `cdktf-amazon-ads login`"),
        }),
      ]);
    });

    it("says an earlier attempt's answer was lost when the retry finds the code spent", async () => {
      e = await emulated();
      e.emulator.admin.injectFault({
        kind: "reset",
        endpoint: "token",
        afterHandling: true,
        times: 1,
      });
      const created = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      // The first attempt redeemed the code and lost its answer; the retry met invalid_grant.
      expect(e.emulator.admin.calls("token", "authorization_code")).toBe(2);
      expect(created.state).toBeNull();
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "authorization_code",
          summary: "The answer to the code exchange was lost: the code is probably spent",
          detail: expect.stringContaining("The code exchange took 2 attempts"),
        }),
      ]);
    });

    it("does not call a code spent when the token endpoint could not be reached at all", async () => {
      const port = await freedPort();
      e = await emulated({
        env: { AMAZON_ADS_TOKEN_URL: `http://127.0.0.1:${port}/auth/o2/token` },
      });
      const created = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "authorization_code",
          summary: "Could not create the authorization grant",
          detail: expect.stringContaining("ECONNREFUSED"),
        }),
      ]);
    });

    it("keeps the grant it redeemed even when Terraform stops the provider meanwhile", async () => {
      e = await emulated();
      e.emulator.admin.injectFault({ kind: "delay", ms: 150, endpoint: "token", times: 1 });
      const stop = new AbortController();
      const config = codeConfig(e.emulator.admin.issueCode());
      const applying = e.driver.create(TYPE, config, stop.signal);
      setTimeout(() => stop.abort(new Error("StopProvider")), 30);
      const created = await applying;
      expect(stop.signal.aborted).toBe(true);
      expect(errors(created.diagnostics)).toEqual([]);
      expect(created.state?.refresh_token).toMatch(/^Atzr\|/);
      expect(e.emulator.admin.calls("token", "authorization_code")).toBe(1);
    });
  });

  describe("when stopped", () => {
    it("sends no code when Terraform stopped the provider before the exchange", async () => {
      e = await emulated();
      const stop = new AbortController();
      stop.abort(new Error("StopProvider"));
      const config = codeConfig(e.emulator.admin.issueCode());
      const created = await e.driver.create(TYPE, config, stop.signal);
      expect(errors(created.diagnostics).map((d) => d.summary)).toEqual([
        "Creating amazonads_authorization was cancelled",
      ]);
      expect(created.state).toBeNull();
      expect(e.emulator.admin.calls("token")).toBe(0);
    });
  });

  describe("from an existing grant", () => {
    it("adopts a refresh token with one refresh", async () => {
      e = await emulated();
      const { refreshToken } = e.emulator.admin.issueRefreshToken();
      const created = await e.driver.create(TYPE, { refresh_token: refreshToken });
      expect(errors(created.diagnostics)).toEqual([]);
      expect(created.state).toMatchObject({
        refresh_token: refreshToken,
        granted_at: "2025-09-15T12:00:00Z",
      });
      expect(e.emulator.admin.calls("token", "refresh_token")).toBe(1);
    });

    it("reports a revoked refresh token on refresh_token", async () => {
      e = await emulated();
      const { refreshToken } = e.emulator.admin.issueRefreshToken();
      e.emulator.admin.revokeGrant(refreshToken);
      const created = await e.driver.create(TYPE, { refresh_token: refreshToken });
      expect(errors(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "refresh_token",
          detail: expect.stringContaining("cdktf-amazon-ads login"),
        }),
      ]);
    });

    it("adopts a credentials file with the consent time it records", async () => {
      e = await emulated();
      const path = await credentialsFile(e.emulator.admin.issueRefreshToken().refreshToken);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      expect(created.diagnostics).toEqual([]);
      expect(created.state).toMatchObject({
        credentials_file: path,
        granted_at: "2026-07-10T08:00:00Z",
        refresh_token_expires_at: "2027-07-10T08:00:00Z",
      });
    });

    it("warns when other users can read the credentials file", async () => {
      e = await emulated();
      const path = await credentialsFile(e.emulator.admin.issueRefreshToken().refreshToken);
      chmodSync(path, 0o644);
      const created = await e.driver.create(TYPE, { credentials_file: path });
      expect(warnings(created.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "credentials_file",
          detail: expect.stringContaining("chmod 600"),
        }),
      ]);
      expect(created.state?.refresh_token).toMatch(/^Atzr\|/);
    });

    it("refuses at plan a credentials file made for another client id", async () => {
      e = await emulated();
      const path = await credentialsFile(
        e.emulator.admin.issueRefreshToken().refreshToken,
        "amzn1.application-oa2-client.00000000000000000000000000000000",
      );
      const plan = await e.driver.plan(TYPE, { credentials_file: path });
      expect(errors(plan.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "credentials_file",
          summary: "The credentials file is for another client id",
        }),
      ]);
      expect(e.emulator.admin.calls("token")).toBe(0);
    });

    it("replaces the grant when the credentials file now holds another refresh token", async () => {
      e = await emulated();
      const path = await credentialsFile(e.emulator.admin.issueRefreshToken().refreshToken);
      const { state } = await e.driver.create(TYPE, { credentials_file: path });
      const unchanged = await e.driver.plan(TYPE, { credentials_file: path }, state);
      expect(unchanged.requiresReplace).toEqual([]);
      expect(unchanged.planned).toEqual(state);
      await credentialsFile(e.emulator.admin.issueRefreshToken().refreshToken);
      const plan = await e.driver.plan(TYPE, { credentials_file: path }, state);
      expect(plan.requiresReplace).toEqual(["refresh_token"]);
      expect(plan.planned?.refresh_token).toBe(UNKNOWN);
    });
  });

  describe("planning", () => {
    it("fails on authorization_code with the consent URL when no grant source is given", async () => {
      e = await emulated();
      const plan = await e.driver.plan(TYPE, { redirect_uri: "https://amazon.com" });
      expect(errors(plan.diagnostics)).toEqual([
        expect.objectContaining({
          attribute: "authorization_code",
          summary: "No authorization grant to start from",
        }),
      ]);
      const detail = errors(plan.diagnostics)[0]!.detail;
      expect(detail).toContain("cdktf-amazon-ads login");
      const url = new URL(detail.slice(detail.indexOf(e.emulator.url)).trim());
      expect(url.pathname).toBe("/na/ap/oa");
      expect(url.searchParams.get("client_id")).toBe(e.emulator.clientId);
      expect(url.searchParams.get("redirect_uri")).toBe("https://amazon.com");
    });

    it("replaces the grant when the provider's client id changes", async () => {
      e = await emulated();
      const { state } = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      const other = {
        ...state!,
        client_id: "amzn1.application-oa2-client.00000000000000000000000000000000",
      };
      const plan = await e.driver.plan(TYPE, codeConfig(String(state!.authorization_code)), other);
      expect(plan.requiresReplace).toEqual(["client_id"]);
    });

    it("replaces the grant for a new code, and keeps it when the spent code is removed", async () => {
      e = await emulated();
      const config = codeConfig(e.emulator.admin.issueCode());
      const { state } = await e.driver.create(TYPE, config);
      const newCode = await e.driver.plan(TYPE, codeConfig("another-code"), state);
      expect(newCode.requiresReplace).toEqual(["authorization_code"]);
      const removed = await e.driver.plan(TYPE, {}, state);
      expect(removed.diagnostics).toEqual([]);
      expect(removed.requiresReplace).toEqual([]);
      expect(removed.planned).toEqual({ ...state, authorization_code: null, redirect_uri: null });
      const applied = await e.driver.apply(TYPE, removed.planned, {}, state);
      expect(applied.state).toEqual(removed.planned);
    });
  });

  describe("validation", () => {
    it("accepts one grant source and skips unknown values", async () => {
      e = await emulated();
      expect(
        await e.driver.validate(TYPE, { refresh_token: "Atzr|x", authorization_code: UNKNOWN }),
      ).toEqual([]);
    });

    it("refuses two grant sources on the second one", async () => {
      e = await emulated();
      const diagnostics = await e.driver.validate(TYPE, {
        refresh_token: "Atzr|x",
        credentials_file: "/tmp/c.json",
      });
      expect(diagnostics).toEqual([
        expect.objectContaining({ severity: "error", attribute: "credentials_file" }),
      ]);
    });

    it("requires redirect_uri with a code, on authorization_code (the line Terraform can show)", async () => {
      e = await emulated();
      const diagnostics = await e.driver.validate(TYPE, { authorization_code: "c" });
      expect(diagnostics).toEqual([
        expect.objectContaining({
          severity: "error",
          attribute: "authorization_code",
          summary: "redirect_uri is required with authorization_code",
        }),
      ]);
    });
  });

  describe("reading", () => {
    it("renews the access token only within 5 minutes of its expiry", async () => {
      e = await emulated();
      const { state } = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      e.emulator.admin.resetCounters();
      e.advance(3600 - 301);
      const fresh = await e.driver.read(TYPE, state!);
      expect(fresh.state).toEqual(state);
      expect(e.emulator.admin.calls("token")).toBe(0);
      e.advance(2);
      const renewed = await e.driver.read(TYPE, state!);
      expect(e.emulator.admin.calls("token", "refresh_token")).toBe(1);
      expect(renewed.state?.access_token).not.toBe(state!.access_token);
      expect(renewed.state?.access_token_expires_at).toBe("2025-09-15T13:55:01Z");
      expect(renewed.state?.refresh_token).toBe(state!.refresh_token);
    });

    it("removes a revoked grant from state with a warning that says what to do", async () => {
      e = await emulated();
      const { state } = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      e.emulator.admin.revokeGrant(String(state!.refresh_token));
      e.advance(3600);
      const read = await e.driver.read(TYPE, state!);
      expect(read.state).toBeNull();
      expect(read.diagnostics).toEqual([
        expect.objectContaining({
          severity: "warning",
          summary: "The authorization grant was revoked: removed from state",
          detail: expect.stringMatching(/next apply creates a new grant.*cdktf-amazon-ads login/s),
        }),
      ]);
    });

    it("keeps the grant with a warning when Amazon fails for a while", async () => {
      e = await emulated();
      const { state } = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      e.emulator.admin.injectFault({ kind: "server-error", status: 503, endpoint: "token" });
      e.advance(3600);
      const read = await e.driver.read(TYPE, state!);
      expect(read.state).toEqual(state);
      expect(errors(read.diagnostics)).toEqual([]);
      expect(warnings(read.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "Could not renew the access token; keeping the stored grant",
        }),
      ]);
      expect(e.sleeps.length).toBeGreaterThan(0);
    });
  });

  describe("state upgrades", () => {
    it("reads version 0 as it is, with null for attributes the stored state lacks", async () => {
      e = await emulated();
      const { upgradeAuthorizationState } =
        await import("../../../src/provider/resource-authorization/upgrade.js");
      const resp = { state: undefined as unknown, diagnostics: new Diagnostics() };
      upgradeAuthorizationState(
        {
          version: 0,
          rawState: { id: "grant-0123456789abcdef", refresh_token: "Atzr|x", extra: 1 },
          log: testLog,
          signal: new AbortController().signal,
        },
        resp as never,
      );
      expect(resp.diagnostics.all()).toEqual([]);
      expect(resp.state).toMatchObject({
        id: "grant-0123456789abcdef",
        refresh_token: "Atzr|x",
        access_token: null,
        credentials_file: null,
      });
      expect(resp.state).not.toHaveProperty("extra");
    });

    it("refuses a version it does not know", async () => {
      e = await emulated();
      const { upgradeAuthorizationState } =
        await import("../../../src/provider/resource-authorization/upgrade.js");
      const resp = { state: undefined, diagnostics: new Diagnostics() };
      upgradeAuthorizationState(
        { version: 7, rawState: {}, log: testLog, signal: new AbortController().signal },
        resp as never,
      );
      expect(resp.diagnostics.all()[0]?.summary).toBe(
        "Cannot upgrade the state of amazonads_authorization",
      );
    });
  });

  describe("reading without credentials", () => {
    it("keeps the grant with a warning when the provider has no client secret (destroy needs none)", async () => {
      e = await emulated();
      const { state } = await e.driver.create(TYPE, codeConfig(e.emulator.admin.issueCode()));
      delete e.env.AMAZON_ADS_CLIENT_SECRET;
      const next = await e.restart();
      e.advance(3600);
      const read = await next.read(TYPE, state!);
      expect(read.state).toEqual(state);
      expect(errors(read.diagnostics)).toEqual([]);
      expect(warnings(read.diagnostics)).toEqual([
        expect.objectContaining({
          summary: "Could not renew the access token; keeping the stored grant",
          detail: expect.stringContaining("AMAZON_ADS_CLIENT_SECRET"),
        }),
      ]);
      const destroyed = await next.apply(TYPE, null, null, read.state);
      expect(destroyed).toMatchObject({ state: null, diagnostics: [] });
    });
  });

  describe("import", () => {
    it("imports from an environment variable of the provider process", async () => {
      e = await emulated();
      const { refreshToken } = e.emulator.admin.issueRefreshToken();
      e.env.GRANT_TOKEN = refreshToken;
      const imported = await e.driver.import(TYPE, "env:GRANT_TOKEN");
      expect(imported.diagnostics).toEqual([]);
      expect(imported.state).toMatchObject({
        id: expect.stringMatching(/^grant-/),
        refresh_token: refreshToken,
        client_id: e.emulator.clientId,
      });
    });

    it("imports from a credentials file, then a read renews the access token", async () => {
      e = await emulated();
      const { refreshToken } = e.emulator.admin.issueRefreshToken();
      const path = await credentialsFile(refreshToken);
      const imported = await e.driver.import(TYPE, `file:${path}`);
      expect(imported.state).toMatchObject({
        refresh_token: refreshToken,
        credentials_file: path,
        granted_at: "2026-07-10T08:00:00Z",
        access_token: null,
      });
      const read = await e.driver.read(TYPE, imported.state!);
      expect(read.state?.access_token).toMatch(/^Atza\|/);
    });

    it("refuses the token itself as an import id, and an unset variable", async () => {
      e = await emulated();
      const token = await e.driver.import(TYPE, "Atzr|not-a-place");
      expect(errors(token.diagnostics)[0]?.detail).toMatch(/Never pass a refresh token/);
      const unset = await e.driver.import(TYPE, "env:NO_SUCH_VARIABLE_SET");
      expect(errors(unset.diagnostics)[0]?.summary).toBe(
        "The environment variable NO_SUCH_VARIABLE_SET is not set",
      );
    });
  });
});
