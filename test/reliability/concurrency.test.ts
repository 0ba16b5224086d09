/**
 * Many connections at once, with the real terraform against the emulator: 100 grants and their
 * profiles in one configuration applied with `-parallelism=20`. Each code is redeemed exactly once,
 * each grant costs one token call (its profile reuses the token the exchange returned), and with
 * each exchange held a moment (so that they overlap) Amazon sees several token requests at once
 * but never more than 20; the next plan makes no token call at all.
 */
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import { REDIRECT_URI, ageAccessTokens } from "./support.js";

const CONNECTIONS = 100;
/** How long the emulator holds each code exchange, so that concurrent ones overlap. */
const EXCHANGE_DELAY_MS = 250;

const CONFIG = `
variable "codes" {
  type      = list(string)
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  count              = ${CONNECTIONS}
  authorization_code = var.codes[count.index]
  redirect_uri       = "${REDIRECT_URI}"
}
resource "amazonads_profile" "p" {
  count         = ${CONNECTIONS}
  refresh_token = amazonads_authorization.grant[count.index].refresh_token
  country_code  = "UK"
}`;

describe(`${CONNECTIONS} connections in one configuration`, () => {
  let h: ProviderHarness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(CONFIG);
    expectSuccess(await h.tf(["init"]));
    const codes = Array.from({ length: CONNECTIONS }, () => h.emulator.admin.issueCode());
    env = { TF_VAR_codes: JSON.stringify(codes) };
  });
  afterAll(() => h.finish());

  it("applies with -parallelism=20: each code redeemed once, one token call per grant, no storm", async () => {
    // The emulator answers at once, so without a delay no two exchanges would ever overlap and the
    // peak would say nothing about the provider's parallelism.
    h.emulator.admin.injectFault({
      endpoint: "token",
      grantType: "authorization_code",
      kind: "delay",
      ms: EXCHANGE_DELAY_MS,
    });
    const started = performance.now();
    expectSuccess(await h.tf(["apply", "-auto-approve", "-parallelism=20"], env));
    h.emulator.admin.clearFaults();
    const traffic = h.emulator.admin.traffic();
    process.stdout.write(
      `${CONNECTIONS} connections applied in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `peak token requests at once: ${traffic.token.peakConcurrency}\n`,
    );
    expect(traffic.token.byGrantType).toEqual({ authorization_code: CONNECTIONS });
    expect(traffic.token.calls).toBe(CONNECTIONS);
    // The exchanges did run side by side, and never more of them than -parallelism allows.
    expect(traffic.token.peakConcurrency).toBeGreaterThan(1);
    expect(traffic.token.peakConcurrency).toBeLessThanOrEqual(20);
    expect(traffic.profiles.peakConcurrency).toBeLessThanOrEqual(20);
    // Every exchange answered 200 the first time: no code was sent twice, nothing throttled.
    const tokenAnswers = h.requests.filter((r) => r.endpoint === "token").map((r) => r.status);
    expect(tokenAnswers).toEqual(Array(CONNECTIONS).fill(200));
    expect(h.requests.filter((r) => r.status === 429)).toEqual([]);

    const state = await h.state();
    const grants = state.resources.find((r) => r.type === "amazonads_authorization")!.instances;
    expect(new Set(grants.map((g) => g.attributes.refresh_token)).size).toBe(CONNECTIONS);
    const profiles = state.resources.find((r) => r.type === "amazonads_profile")!.instances;
    expect(profiles.filter((p) => p.attributes.profile_id === "1209876543210987")).toHaveLength(
      CONNECTIONS,
    );
  });

  it("plans again with no token call and no change", async () => {
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode", "-parallelism=20"], env));
    expect(plan.stdout).toContain("No changes.");
    const traffic = h.emulator.admin.traffic();
    expect(traffic.token.calls).toBe(0);
    // One look per profile that it is still there; the grants' reads use the tokens in state.
    expect(traffic.profile.calls).toBe(CONNECTIONS);
    expect(traffic.profile.peakConcurrency).toBeLessThanOrEqual(20);
  });

  it("destroys without calling Amazon", async () => {
    h.emulator.admin.resetCounters();
    const destroy = expectSuccess(await h.tf(["destroy", "-auto-approve", "-parallelism=20"], env));
    expect(destroy.stdout).toContain(`Resources: ${CONNECTIONS * 2} destroyed.`);
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it(`${CONNECTIONS} profiles of one grant whose token has expired: one renewal for all`, async () => {
    const { refreshToken } = h.emulator.admin.issueRefreshToken();
    h.configure(`
variable "refresh_token" {
  type      = string
  sensitive = true
}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}
resource "amazonads_profile" "p" {
  count         = ${CONNECTIONS}
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = "UK"
}`);
    const shared = { TF_VAR_refresh_token: refreshToken };
    expectSuccess(await h.tf(["apply", "-auto-approve", "-parallelism=20"], shared));
    await h.pushState(ageAccessTokens(await h.state()));
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(
      await h.tf(["plan", "-detailed-exitcode", "-parallelism=20"], shared),
    );
    expect(plan.stdout).toContain("No changes.");
    expect(h.emulator.admin.traffic().token.byGrantType).toEqual({ refresh_token: 1 });
  });
});
