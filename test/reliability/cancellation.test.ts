/**
 * Ctrl-C during an apply, with the real terraform against a slow emulator: SIGINT goes to the
 * terraform process, which asks the provider to stop. The provider abandons a slow profile lookup
 * at once (the emulator sees the client go away), but never abandons a code exchange already sent:
 * a redeemed code's grant always reaches the state, and the state is consistent afterwards.
 */
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import type { TerraformResult } from "../e2e/support/terraform.js";
import { CODE_GRANT, attributesOf, profileOfGrant } from "./support.js";

/** Waits (polling, with no deadline of its own) until `condition` holds. */
async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("interrupting terraform apply", () => {
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

  /**
   * Starts terraform, presses Ctrl-C (SIGINT to its process group) once `ready` holds, and prints how long it took to exit (a
   * measure, not a test: the machine is noisy).
   */
  async function interrupt(
    args: readonly string[],
    env: Record<string, string>,
    ready: () => boolean,
  ): Promise<TerraformResult> {
    const running = h.ws.start(args, { ...h.env, ...env });
    await eventually(ready);
    const interrupted = performance.now();
    running.interrupt();
    const result = await running.result;
    const seconds = ((performance.now() - interrupted) / 1000).toFixed(2);
    process.stdout.write(
      `terraform ${args[0]} exited ${seconds} s after SIGINT (code ${result.code})\n`,
    );
    return result;
  }

  it("during a slow profile lookup: the request is abandoned, the redeemed grant is in state, plan works", async () => {
    h.configure(`${CODE_GRANT}${profileOfGrant('country_code = "UK"')}`);
    const env = { TF_VAR_code: h.emulator.admin.issueCode() };
    h.emulator.admin.injectFault({ endpoint: "profiles", kind: "delay", ms: 120_000 });
    const result = await interrupt(
      ["apply", "-auto-approve"],
      env,
      () => h.emulator.admin.inFlight("profiles") > 0,
    );

    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Interrupt received");
    expect(result.output).toContain("Creating amazonads_profile was cancelled");
    // The provider dropped its request: the emulator saw the client leave mid-delay.
    await eventually(() => h.requests.some((r) => r.endpoint === "profiles"));
    expect(h.requests.filter((r) => r.endpoint === "profiles")).toEqual([
      expect.objectContaining({ outcome: "abandoned", fault: "delay" }),
    ]);
    expect(h.emulator.admin.inFlight("profiles")).toBe(0);

    const state = await h.state();
    const grant = attributesOf(state, "amazonads_authorization.grant");
    expect(h.emulator.admin.secrets()).toContain(grant?.refresh_token);
    expect(attributesOf(state, "amazonads_profile.p")).toBeUndefined();

    h.emulator.admin.clearFaults();
    h.emulator.admin.resetCounters();
    const plan = expectSuccess(await h.tf(["plan"], env));
    expect(plan.stdout).toContain("amazonads_profile.p will be created");
    expect(plan.stdout).not.toContain("amazonads_authorization.grant will be");
    expect(h.emulator.admin.calls("token")).toBe(0);
  });

  it("during a slow code exchange: the exchange is finished, and its grant is in state", async () => {
    h.configure(CODE_GRANT);
    const env = { TF_VAR_code: h.emulator.admin.issueCode() };
    h.emulator.admin.injectFault({
      endpoint: "token",
      grantType: "authorization_code",
      kind: "delay",
      ms: 3000,
    });
    const result = await interrupt(
      ["apply", "-auto-approve"],
      env,
      () => h.emulator.admin.inFlight("token") > 0,
    );

    // Terraform reports the interrupted run as failed, but the exchange's grant was stored.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Interrupt received");
    expect(h.requests.filter((r) => r.endpoint === "token")).toEqual([
      expect.objectContaining({ outcome: "answered", status: 200 }),
    ]);
    const grant = attributesOf(await h.state(), "amazonads_authorization.grant");
    expect(h.emulator.admin.secrets()).toContain(grant?.refresh_token);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    const plan = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], env));
    expect(plan.stdout).toContain("No changes.");
  });

  it("during a slow read of terraform plan: the plan stops, the state is untouched", async () => {
    h.configure(`${CODE_GRANT}${profileOfGrant('country_code = "UK"')}`);
    const env = { TF_VAR_code: h.emulator.admin.issueCode() };
    expectSuccess(await h.tf(["apply", "-auto-approve"], env));
    const before = await h.state();
    h.requests.length = 0;
    h.emulator.admin.injectFault({ endpoint: "profile", kind: "delay", ms: 120_000 });
    const result = await interrupt(["plan"], env, () => h.emulator.admin.inFlight("profile") > 0);
    expect(result.code).toBe(1);
    await eventually(() => h.requests.some((r) => r.endpoint === "profile"));
    expect(h.requests.filter((r) => r.endpoint === "profile")).toEqual([
      expect.objectContaining({ outcome: "abandoned", fault: "delay" }),
    ]);
    const after = await h.state();
    expect(after.serial).toBe(before.serial);
    expect(after.resources).toEqual(before.resources);
  });
});
