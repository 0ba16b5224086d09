import { isAmazonAdsError } from "../../../src/amazon-ads/errors.js";
import { CallbackGate } from "../../../src/cli/login/callback.js";

const STATE = "fresh-state-0123456789";
const callback = (query: string): URL => new URL(`http://localhost:8765/callback?${query}`);

describe("the callback gate", () => {
  it("takes the code from a callback carrying this login's state, with extra parameters ignored", () => {
    const gate = new CallbackGate(STATE);
    const verdict = gate.inspect(
      callback(`code=ANcode123&scope=advertising%3A%3Acampaign_management&state=${STATE}&utm=x`),
    );
    expect(verdict).toEqual({
      kind: "code",
      grant: { code: "ANcode123", scope: "advertising::campaign_management", state: STATE },
    });
    expect(gate.closed).toBe(true);
  });

  it("refuses a callback without state and stays open", () => {
    const gate = new CallbackGate(STATE);
    expect(gate.inspect(callback("code=forged"))).toEqual({
      kind: "forged",
      reason: "missing state",
    });
    expect(gate.inspect(callback("code=forged&state="))).toEqual({
      kind: "forged",
      reason: "missing state",
    });
    expect(gate.closed).toBe(false);
  });

  it("refuses a callback with another state (same length or not) and stays open", () => {
    const gate = new CallbackGate(STATE);
    const sameLength = STATE.replace("0", "1");
    for (const state of [sameLength, "short", `${STATE}x`]) {
      expect(gate.inspect(callback(`code=forged&state=${state}`))).toEqual({
        kind: "forged",
        reason: "wrong state",
      });
    }
    expect(gate.closed).toBe(false);
    expect(gate.inspect(callback(`code=real&state=${STATE}`)).kind).toBe("code");
  });

  it("does not let an error without this login's state end the login", () => {
    const gate = new CallbackGate(STATE);
    expect(gate.inspect(callback("error=access_denied")).kind).toBe("forged");
    expect(gate.inspect(callback("error=access_denied&state=other")).kind).toBe("forged");
    expect(gate.closed).toBe(false);
  });

  it.each([
    ["access_denied", "choose Allow"],
    ["invalid_scope", "approved for the Amazon Ads API"],
    ["server_error", "Try again"],
  ])("turns Amazon's %s into a CONSENT_REFUSED failure that says what to do", (error, advice) => {
    const gate = new CallbackGate(STATE);
    const verdict = gate.inspect(
      callback(`error=${error}&error_description=The+user+said+no&state=${STATE}`),
    );
    expect(verdict.kind).toBe("failed");
    const failure = (verdict as { error: Error }).error;
    expect(isAmazonAdsError(failure, "CONSENT_REFUSED")).toBe(true);
    expect(failure.message).toContain(error);
    expect(failure.message).toContain(advice);
    expect(gate.closed).toBe(true);
  });

  it("fails a genuine callback that carries neither a code nor an error", () => {
    const gate = new CallbackGate(STATE);
    const verdict = gate.inspect(callback(`state=${STATE}`));
    expect(verdict.kind).toBe("failed");
  });

  it("refuses every callback after the genuine one, the same one replayed included", () => {
    const gate = new CallbackGate(STATE);
    const genuine = callback(`code=ANcode123&state=${STATE}`);
    expect(gate.inspect(genuine).kind).toBe("code");
    expect(gate.inspect(genuine)).toEqual({ kind: "finished" });
    expect(gate.inspect(callback(`error=access_denied&state=${STATE}`))).toEqual({
      kind: "finished",
    });
  });
});
