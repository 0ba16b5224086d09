import { AmazonAdsError } from "../../src/amazon-ads/errors.js";
import {
  SECRETS,
  SECRET_MARKER,
  expectNoSecretLeaked,
  observeError,
  recordingLogger,
} from "./support/secrets.js";

// The other suites rely on this scan; these tests show it is not vacuous.
describe("the secret scan used by every suite", () => {
  it("marks every test secret", () => {
    expect(Object.values(SECRETS).every((secret) => secret.includes(SECRET_MARKER))).toBe(true);
  });

  it("fails when a log line carries a secret", () => {
    recordingLogger().debug("oops", { token: SECRETS.accessToken });
    expect(() => expectNoSecretLeaked()).toThrow();
  });

  it("fails when an error's inspection carries a secret", () => {
    observeError(Object.assign(new AmazonAdsError("NETWORK", "failed"), { leak: SECRETS.code }));
    expect(() => expectNoSecretLeaked()).toThrow();
  });

  it("passes for redacted output", () => {
    recordingLogger().debug("fine", { refresh_token: "[REDACTED]" });
    expect(() => expectNoSecretLeaked()).not.toThrow();
  });
});
