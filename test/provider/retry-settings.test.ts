import { Diagnostics } from "../../src/plugin/index.js";
import { retrySettingsFromEnv } from "../../src/provider/retry-settings.js";

function read(env: NodeJS.ProcessEnv) {
  const diagnostics = new Diagnostics();
  return { settings: retrySettingsFromEnv(env, diagnostics), diagnostics: diagnostics.all() };
}

describe("the provider's retry and timeout settings from the environment", () => {
  it("keeps the client's defaults when nothing is set", () => {
    expect(read({})).toEqual({ settings: {}, diagnostics: [] });
  });

  it("reads the request timeout and the retry budget in seconds", () => {
    const { settings, diagnostics } = read({
      AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "1.5",
      AMAZON_ADS_MAX_RETRY_SECONDS: "0",
    });
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({ timeoutMs: 1500, retry: { maxElapsedMs: 0 } });
  });

  it("refuses a value that is not a usable number of seconds, naming the variable", () => {
    const { settings, diagnostics } = read({
      AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "0",
      AMAZON_ADS_MAX_RETRY_SECONDS: "soon",
    });
    expect(settings).toEqual({});
    expect(diagnostics.map((d) => [d.severity, d.summary])).toEqual([
      ["error", "Invalid value for AMAZON_ADS_REQUEST_TIMEOUT_SECONDS"],
      ["error", "Invalid value for AMAZON_ADS_MAX_RETRY_SECONDS"],
    ]);
    expect(diagnostics[0]!.detail).toContain("greater than 0, such as 30");
  });
});
