/**
 * Amazon's bad days, with the real terraform against the emulator's injected faults: throttling
 * (Retry-After in seconds and as an HTTP date), 5xx bursts, hangs past the request timeout,
 * dropped connections, HTML, truncated and empty bodies. Each run ends in success within the
 * retry budget or in a clear error, and a grant whose code was redeemed is never lost: it is in
 * state with the refresh token the emulator issued, and the next apply uses it.
 */
import { expectDiagnostic } from "../e2e/support/diagnostics.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import {
  CODE_GRANT,
  REDIRECT_URI,
  TOKEN_GRANT,
  ageAccessTokens,
  answered,
  attributesOf,
  profileOfGrant,
  sensitiveVariable,
  waitsAfterThrottling,
} from "./support.js";

const GRANT = 'resource "amazonads_authorization" "grant"';
const PROFILE = 'resource "amazonads_profile" "p"';
// Fail fast where a test waits out the budget: one attempt may take 1 s, retries stop after 3 s.
const IMPATIENT = { AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "1", AMAZON_ADS_MAX_RETRY_SECONDS: "3" };

describe("faults on the way to Amazon", () => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure("");
    expectSuccess(await h.tf(["init"]));
  });
  beforeEach(() => {
    h.resetState();
    h.emulator.admin.clearFaults();
    h.emulator.admin.resetCounters();
    h.requests.length = 0;
  });
  afterAll(() => h.finish());

  const apply = (env: Record<string, string> = {}) =>
    h.tf(["apply", "-json", "-auto-approve"], env);
  const codeEnv = () => ({ TF_VAR_code: h.emulator.admin.issueCode() });
  const tokenEnv = () => ({
    TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken().refreshToken,
  });

  /** The grant in state: there, with a refresh token the emulator issued. */
  async function grantInState(): Promise<string> {
    const state = await h.state();
    const refreshToken = attributesOf(state, "amazonads_authorization.grant")?.refresh_token;
    expect(typeof refreshToken).toBe("string");
    expect(h.emulator.admin.secrets()).toContain(refreshToken);
    const shown = expectSuccess(await h.tf(["state", "show", "amazonads_authorization.grant"]));
    expect(shown.stdout).toMatch(/refresh_token\s+= \(sensitive value\)/);
    return refreshToken as string;
  }

  it("429 with Retry-After in seconds on the code exchange: waits, retries, redeems the code once", async () => {
    h.configure(CODE_GRANT);
    h.emulator.admin.injectFault({
      endpoint: "token",
      grantType: "authorization_code",
      kind: "throttle",
      retryAfterSeconds: 1,
      times: 2,
    });
    expectSuccess(await apply(codeEnv()));
    expect(answered(h.requests, "token", 429)).toBe(2);
    expect(answered(h.requests, "token", 200)).toBe(1);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(3);
    // Each retry came at least the second Retry-After asked for after the 429 (a lower bound).
    const waits = waitsAfterThrottling(h.requests, "token");
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(1000);
    process.stdout.write(`waits after 429 with Retry-After: 1: ${waits.join(", ")} ms\n`);
    await grantInState();
  });

  it("429 with Retry-After as an HTTP date on the profile listing: waits and selects", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    h.emulator.admin.injectFault({
      endpoint: "profiles",
      kind: "throttle",
      retryAfterSeconds: 2,
      retryAfterFormat: "http-date",
      times: 1,
    });
    expectSuccess(await apply(tokenEnv()));
    expect(answered(h.requests, "profiles", 429)).toBe(1);
    // The date was 2 s after the reply's Date: the retry came no sooner.
    const waits = waitsAfterThrottling(h.requests, "profiles");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    process.stdout.write(`wait after 429 with an HTTP-date 2 s ahead: ${waits[0]} ms\n`);
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "1209876543210987",
    );
  });

  it("a burst of a 500 and an HTML 503 page: backs off, retries, selects", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "DE"')}`);
    h.emulator.admin.injectFault({
      endpoint: "profiles",
      kind: "server-error",
      status: 500,
      times: 1,
    });
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "html", status: 503, times: 1 });
    expectSuccess(await apply(tokenEnv()));
    expect(answered(h.requests, "profiles", 500) + answered(h.requests, "profiles", 503)).toBe(2);
    expect(h.emulator.admin.calls("profiles")).toBe(3);
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "45678901234567890",
    );
  });

  it("5xx until the retry budget is spent after the code was redeemed: a clear error, the grant kept and usable", async () => {
    h.configure(`${CODE_GRANT}${profileOfGrant('country_code = "US"\n  account_type = "seller"')}`);
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "server-error", status: 502 });
    const env = codeEnv();
    const failed = await apply({ ...env, ...IMPATIENT });
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "Could not list the advertising profiles",
      block: PROFILE,
      detail: ["answered 502", "retry time limit of 3 s", "try again in a few minutes"],
    });
    const refreshToken = await grantInState();
    expect(attributesOf(await h.state(), "amazonads_profile.p")).toBeUndefined();

    // Amazon recovers: the next apply (same configuration, same spent code) selects the profile
    // with the stored grant, and redeems nothing.
    h.emulator.admin.clearFaults();
    h.emulator.admin.resetCounters();
    expectSuccess(await apply(env));
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(0);
    const state = await h.state();
    expect(attributesOf(state, "amazonads_authorization.grant")?.refresh_token).toBe(refreshToken);
    expect(attributesOf(state, "amazonads_profile.p")?.profile_id).toBe("34567890123456789");
  });

  it("a hang longer than the request timeout: the attempt is abandoned and the retry selects", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "JP"')}`);
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "hang", times: 1 });
    expectSuccess(await apply({ ...tokenEnv(), AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "1" }));
    expect(
      h.requests.filter((r) => r.endpoint === "profiles" && r.outcome === "abandoned"),
    ).toHaveLength(1);
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "67890123456789012",
    );
  });

  it("a token endpoint that never answers: a timeout error within the budget, nothing stored", async () => {
    h.configure(TOKEN_GRANT);
    h.emulator.admin.injectFault({ endpoint: "token", kind: "hang" });
    const failed = await apply({ ...tokenEnv(), ...IMPATIENT });
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "Could not create the authorization grant",
      block: GRANT,
      attribute: "refresh_token",
      detail: ["did not answer POST", "within 1 s", "Check the network connection"],
    });
    expect(h.requests.filter((r) => r.outcome === "abandoned").length).toBeGreaterThanOrEqual(1);
    expect((await h.state()).resources).toEqual([]);
  });

  it("a connection reset during the code exchange: retried, the code redeemed once", async () => {
    h.configure(CODE_GRANT);
    h.emulator.admin.injectFault({ endpoint: "token", kind: "reset", times: 1 });
    expectSuccess(await apply(codeEnv()));
    expect(h.requests.filter((r) => r.outcome === "reset")).toHaveLength(1);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
    await grantInState();
  });

  it("a connection reset after Amazon redeemed the code: retried, an error on authorization_code saying the answer was lost, nothing in state", async () => {
    h.configure(CODE_GRANT);
    const env = codeEnv();
    h.emulator.admin.injectFault({
      endpoint: "token",
      kind: "reset",
      afterHandling: true,
      times: 1,
    });
    const failed = await apply(env);
    expect(failed.code).toBe(1);
    expect(h.requests.filter((r) => r.outcome === "reset")).toHaveLength(1);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "The answer to the code exchange was lost: the code is probably spent",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["took 2 attempts", "nothing was stored", "cdktf-amazon-ads login"],
    });
    expect(failed.output).not.toContain(env.TF_VAR_code);
    // The grant the lost answer carried never reached Terraform: there is none in state.
    expect((await h.state()).resources).toEqual([]);
    expectSuccess(await apply(codeEnv()));
    await grantInState();
  });

  it("a code exchange whose answer arrives truncated: an error on authorization_code saying the code may be spent", async () => {
    h.configure(CODE_GRANT);
    const env = codeEnv();
    h.emulator.admin.injectFault({ endpoint: "token", kind: "truncated-json", times: 1 });
    const failed = await apply(env);
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "The answer to the code exchange was lost: the code may be spent",
      block: GRANT,
      attribute: "authorization_code",
      detail: ["cdktf-amazon-ads login", "within 5 minutes", "not JSON"],
    });
    expect(failed.output).not.toContain(env.TF_VAR_code);
    // The emulator did redeem it: the same code is refused, a new one works.
    const again = await apply(env);
    expectDiagnostic(again, {
      severity: "error",
      summary: "The authorization code was already redeemed or has expired",
      block: GRANT,
      attribute: "authorization_code",
    });
    expectSuccess(await apply(codeEnv()));
  });

  it("an HTML page with status 200 instead of the profile list: a clear error, the grant kept", async () => {
    h.configure(`${CODE_GRANT}${profileOfGrant('country_code = "UK"')}`);
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "html" });
    const failed = await apply(codeEnv());
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "Could not list the advertising profiles",
      block: PROFILE,
      detail: ["text/html", "that Amazon does not send", "try again later"],
    });
    await grantInState();
  });

  it("an empty 200 from the token endpoint when adopting a refresh token: a clear error on refresh_token", async () => {
    h.configure(TOKEN_GRANT);
    const env = tokenEnv();
    h.emulator.admin.injectFault({ endpoint: "token", kind: "empty", times: 1 });
    const failed = await apply(env);
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "Could not create the authorization grant",
      block: GRANT,
      attribute: "refresh_token",
      detail: ["0 bytes", "not JSON"],
    });
    expectSuccess(await apply(env));
  });

  it("throttled until the budget is spent: an error saying to wait, naming the shared rate limit", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "throttle", retryAfterSeconds: 1 });
    const failed = await apply({ ...tokenEnv(), ...IMPATIENT });
    expect(failed.code).toBe(1);
    expectDiagnostic(failed, {
      severity: "error",
      summary: "Could not list the advertising profiles",
      block: PROFILE,
      detail: ["kept throttling", "Wait a minute", "share its rate limit"],
    });
    expect(answered(h.requests, "profiles", 429)).toBeGreaterThanOrEqual(3);
    // Every retry still waited the second each 429 asked for.
    const waits = waitsAfterThrottling(h.requests, "profiles");
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(1000);
  });

  it("a new code that has expired, replacing a working grant: the error on authorization_code, the old grant kept", async () => {
    // As documented for amazonads_authorization (and as the AuthorizationGrant construct does).
    h.configure(`${sensitiveVariable("code")}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = "${REDIRECT_URI}"

  lifecycle {
    create_before_destroy = true
  }
}`);
    expectSuccess(await apply(codeEnv()));
    const working = await grantInState();
    const expired = h.emulator.admin.issueCode();
    h.emulator.admin.advanceClock(301);
    const failed = await apply({ TF_VAR_code: expired });
    expectDiagnostic(failed, {
      severity: "error",
      summary: "The authorization code was already redeemed or has expired",
      block: GRANT,
      attribute: "authorization_code",
    });
    expect(await grantInState()).toBe(working);
  });

  it("a consent page that never answers: the app is created anyway, its URL check being advice", async () => {
    h.configure('resource "amazonads_lwa_app" "app" {}');
    h.emulator.admin.injectFault({ endpoint: "consent", kind: "hang" });
    expectSuccess(await apply(IMPATIENT));
    expect(
      h.requests.filter((r) => r.endpoint === "consent" && r.outcome === "abandoned").length,
    ).toBeGreaterThanOrEqual(1);
    expect(attributesOf(await h.state(), "amazonads_lwa_app.app")?.authorization_url).toMatch(
      /\/na\/ap\/oa\?/,
    );
  });

  it("a plan on Amazon's bad day (every endpoint 503): warnings, the state untouched, exit 0", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    const env = tokenEnv();
    expectSuccess(await apply(env));
    const before = await h.state();
    await h.pushState(ageAccessTokens(before));
    h.emulator.admin.injectFault({ kind: "server-error", status: 503 });
    const plan = expectSuccess(await h.tf(["plan", "-json"], { ...env, ...IMPATIENT }));
    expectDiagnostic(plan, {
      severity: "warning",
      summary: "Could not renew the access token; keeping the stored grant",
      block: GRANT,
      detail: ["answered 503", "the next plan tries again"],
    });
    expectDiagnostic(plan, {
      severity: "warning",
      summary: "Could not check the advertising profile; keeping it in state",
      block: PROFILE,
      detail: ["the next plan checks it again"],
    });
    const after = await h.state();
    expect(attributesOf(after, "amazonads_authorization.grant")?.refresh_token).toBe(
      attributesOf(before, "amazonads_authorization.grant")?.refresh_token,
    );
    expect(attributesOf(after, "amazonads_profile.p")?.profile_id).toBe("1209876543210987");
  });

  it("a destroy on Amazon's bad day: the reads keep what they cannot check, the deletes need no call", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    const env = tokenEnv();
    expectSuccess(await apply(env));
    await h.pushState(ageAccessTokens(await h.state()));
    h.emulator.admin.injectFault({ kind: "server-error", status: 500 });
    const destroy = expectSuccess(
      await h.tf(["destroy", "-auto-approve"], { ...env, ...IMPATIENT }),
    );
    expect(destroy.stdout).toContain("Destroy complete! Resources: 2 destroyed.");
    // The reads did ask Amazon (and met its errors); the deletes needed nothing from it.
    expect(answered(h.requests, "token", 500)).toBeGreaterThanOrEqual(1);
    expect((await h.state()).resources).toEqual([]);
  });

  it("a slow Login with Amazon during a 50-connection apply: every code redeemed once, every grant kept", async () => {
    const codes = Array.from({ length: 50 }, () => h.emulator.admin.issueCode());
    h.configure(`
variable "codes" {
  type      = list(string)
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  count              = 50
  authorization_code = var.codes[count.index]
  redirect_uri       = "http://localhost:8765/callback"
}
resource "amazonads_profile" "p" {
  count         = 50
  refresh_token = amazonads_authorization.grant[count.index].refresh_token
  country_code  = "UK"
}`);
    h.emulator.admin.injectFault({ endpoint: "token", kind: "delay", ms: 1500 });
    expectSuccess(await apply({ TF_VAR_codes: JSON.stringify(codes) }));
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(50);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBe(0);
    // Terraform's default parallelism: exchanges side by side but no more than 10 at once, and
    // no throttling.
    expect(h.emulator.admin.peakConcurrency("token")).toBeGreaterThan(1);
    expect(h.emulator.admin.peakConcurrency("token")).toBeLessThanOrEqual(10);
    expect(h.requests.filter((r) => r.status === 429)).toEqual([]);
    const state = await h.state();
    const grants = state.resources.find((r) => r.type === "amazonads_authorization")!.instances;
    const tokens = new Set(grants.map((g) => g.attributes.refresh_token));
    expect(tokens.size).toBe(50);
    const issued = new Set(h.emulator.admin.secrets());
    expect([...tokens].filter((t) => !issued.has(t as string))).toEqual([]);
    const profiles = state.resources.find((r) => r.type === "amazonads_profile")!.instances;
    expect(profiles.map((p) => p.attributes.profile_id)).toEqual(
      Array(50).fill("1209876543210987"),
    );
  });

  // Last: it moves the emulator's clock for good.
  it("429 with an HTTP-date from a server whose clock is 10 minutes ahead: waits the second it asks", async () => {
    h.configure(`${TOKEN_GRANT}${profileOfGrant('country_code = "UK"')}`);
    h.emulator.admin.advanceClock(600);
    h.emulator.admin.injectFault({
      endpoint: "profiles",
      kind: "throttle",
      retryAfterSeconds: 1,
      retryAfterFormat: "http-date",
      times: 1,
    });
    expectSuccess(await apply(tokenEnv()));
    expect(answered(h.requests, "profiles", 429)).toBe(1);
    expect(waitsAfterThrottling(h.requests, "profiles")).toEqual([expect.any(Number)]);
    expect(waitsAfterThrottling(h.requests, "profiles")[0]).toBeGreaterThanOrEqual(1000);
    expect(attributesOf(await h.state(), "amazonads_profile.p")?.profile_id).toBe(
      "1209876543210987",
    );
  });
});
