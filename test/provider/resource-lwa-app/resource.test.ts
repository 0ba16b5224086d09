import { errors, type SeenDiagnostic } from "../support/driver.js";
import { emulated, totalCalls, type Emulated } from "../support/emulated.js";
import { UNKNOWN } from "../../../src/plugin/index.js";

const TYPE = "amazonads_lwa_app";
let e: Emulated;
afterEach(() => e.finish());

const codes = (list: readonly SeenDiagnostic[]) => list.map((d) => d.summary);

describe("amazonads_lwa_app against the emulator", () => {
  it("verifies the credentials at create and publishes the consent URL without PKCE", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, {});
    expect(codes(created.diagnostics)).toEqual([]);
    const state = created.state!;
    expect(state).toMatchObject({
      id: e.emulator.clientId,
      client_id: e.emulator.clientId,
      redirect_uri: "http://localhost:8765/callback",
      scopes: ["advertising::campaign_management"],
      verified_at: "2025-09-15T12:00:00Z",
    });
    expect(state.client_secret_fingerprint).toMatch(/^sha256:/);
    const url = new URL(String(state.authorization_url));
    expect(url.origin + url.pathname).toBe(`${e.emulator.url}/na/ap/oa`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: e.emulator.clientId,
      scope: "advertising::campaign_management",
      response_type: "code",
      redirect_uri: "http://localhost:8765/callback",
      state: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    expect(e.emulator.admin.calls("token")).toBe(1);
  });

  it("plans the client id at plan time, before anything is created", async () => {
    e = await emulated();
    const plan = await e.driver.plan(TYPE, {});
    expect(plan.planned).toMatchObject({ id: e.emulator.clientId, client_id: e.emulator.clientId });
    expect(plan.planned?.verified_at).toBe(UNKNOWN);
    expect(e.emulator.admin.calls("token")).toBe(0);
  });

  it("reads without calling Amazon and plans no change while the secret is the same", async () => {
    e = await emulated();
    const { state } = await e.driver.create(TYPE, {});
    e.emulator.admin.resetCounters();
    const read = await e.driver.read(TYPE, state!);
    expect(read.state).toEqual(state);
    const plan = await e.driver.plan(TYPE, {}, read.state);
    expect(plan.planned).toEqual(state);
    expect(plan.requiresReplace).toEqual([]);
    expect(totalCalls(e.emulator)).toBe(0);
  });

  it("recomputes the consent URL at plan when the redirect URI or scopes change, keeping its state", async () => {
    e = await emulated();
    const { state } = await e.driver.create(TYPE, {});
    const config = {
      redirect_uri: "https://amazon.com",
      scopes: ["advertising::campaign_management", "advertising::test:create_account"],
    };
    const plan = await e.driver.plan(TYPE, config, state);
    const planned = new URL(String(plan.planned?.authorization_url));
    expect(planned.searchParams.get("redirect_uri")).toBe("https://amazon.com");
    expect(planned.searchParams.get("scope")).toBe(
      "advertising::campaign_management advertising::test:create_account",
    );
    expect(planned.searchParams.get("state")).toBe(
      new URL(String(state!.authorization_url)).searchParams.get("state"),
    );
    expect(plan.planned?.verified_at).toBe(state!.verified_at);
    e.emulator.admin.resetCounters();
    const applied = await e.driver.apply(TYPE, plan.planned, config, state);
    expect(applied.state?.authorization_url).toBe(plan.planned?.authorization_url);
    expect(e.emulator.admin.calls("token")).toBe(0);
  });

  it("refuses a consent URL Amazon would refuse: an unregistered redirect URI, on redirect_uri, storing nothing", async () => {
    e = await emulated();
    const created = await e.driver.create(TYPE, { redirect_uri: "http://localhost:9999/cb" });
    expect(created.state).toBeNull();
    expect(errors(created.diagnostics)).toEqual([
      expect.objectContaining({
        summary: "The redirect URI is not on the app's Allowed Return URLs",
        attribute: "redirect_uri",
        detail: expect.stringContaining("Add http://localhost:9999/cb exactly"),
      }),
    ]);
    expect(e.emulator.admin.calls("consent")).toBe(1);
  });

  it("refuses a scope Amazon did not approve, on scopes; a changed URL is checked again at update", async () => {
    e = await emulated();
    const { state } = await e.driver.create(TYPE, {});
    const config = { scopes: ["advertising::campaign_management", "advertising::made_up"] };
    const plan = await e.driver.plan(TYPE, config, state);
    const applied = await e.driver.apply(TYPE, plan.planned, config, state);
    expect(errors(applied.diagnostics)).toEqual([
      expect.objectContaining({
        summary: "Login with Amazon does not allow a requested scope",
        attribute: "scopes",
      }),
    ]);
    expect(applied.state).toEqual(state);
  });

  it("publishes the URL when Amazon cannot tell right now (consent page down)", async () => {
    e = await emulated();
    e.emulator.admin.injectFault({ endpoint: "consent", kind: "html", status: 404 });
    const created = await e.driver.create(TYPE, {});
    expect(errors(created.diagnostics)).toEqual([]);
    expect(created.state?.authorization_url).toMatch(/^http:/);
  });

  it("plans a re-verification when the secret's fingerprint no longer matches", async () => {
    e = await emulated();
    const { state } = await e.driver.create(TYPE, {});
    const rotated = { ...state!, client_secret_fingerprint: "sha256:AAAAAAAAAAAAAAAAAAAAAA:00" };
    const plan = await e.driver.plan(TYPE, {}, rotated);
    expect(plan.planned?.verified_at).toBe(UNKNOWN);
    expect(plan.planned?.client_secret_fingerprint).toBe(UNKNOWN);
    expect(plan.requiresReplace).toEqual([]);
    e.advance(60);
    const applied = await e.driver.apply(TYPE, plan.planned, {}, rotated);
    expect(applied.state?.verified_at).toBe("2025-09-15T12:01:00Z");
    expect(applied.state?.client_secret_fingerprint).not.toBe(rotated.client_secret_fingerprint);
    expect(e.emulator.admin.calls("token")).toBe(2);
  });

  it("is replaced when the provider's client id changes", async () => {
    e = await emulated();
    const { state } = await e.driver.create(TYPE, {});
    const other = {
      ...state!,
      client_id: "amzn1.application-oa2-client.00000000000000000000000000000000",
    };
    const plan = await e.driver.plan(TYPE, {}, other);
    expect(plan.requiresReplace).toEqual(["client_id"]);
    expect(plan.planned?.client_id).toBe(e.emulator.clientId);
  });

  it("says to check client_id and client_secret when Login with Amazon rejects them", async () => {
    e = await emulated({ env: { AMAZON_ADS_CLIENT_SECRET: "not-the-secret" } });
    e.rememberSecret("not-the-secret");
    const created = await e.driver.create(TYPE, {});
    expect(created.state).toBeNull();
    expect(errors(created.diagnostics)).toEqual([
      expect.objectContaining({
        summary: "Login with Amazon rejected the client id or secret",
        detail: expect.stringMatching(
          /client_id and client_secret .*AMAZON_ADS_CLIENT_ID and AMAZON_ADS_CLIENT_SECRET/,
        ),
        attribute: undefined,
      }),
    ]);
  });

  it("fails the plan when the provider has no client secret", async () => {
    e = await emulated({ env: { AMAZON_ADS_CLIENT_SECRET: undefined } });
    const plan = await e.driver.plan(TYPE, {});
    expect(errors(plan.diagnostics).map((d) => d.detail)).toEqual([
      expect.stringContaining("AMAZON_ADS_CLIENT_SECRET"),
    ]);
  });
});
