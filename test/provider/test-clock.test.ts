/** The test-only clock shift of the provider: in effect against the emulator, refused against Amazon. */
import { Diagnostics, createLogger } from "../../src/plugin/index.js";
import { REAL_PROVIDER_SEAMS, type ProviderData } from "../../src/provider/provider-data.js";
import { createAmazonAdsProvider } from "../../src/provider/provider.js";
import { TEST_CLOCK_OFFSET_ENV } from "../../src/provider/test-clock.js";

const DAY_S = 24 * 60 * 60;

async function configure(env: NodeJS.ProcessEnv) {
  const provider = createAmazonAdsProvider({ env });
  const response = {
    providerData: undefined as ProviderData | undefined,
    diagnostics: new Diagnostics(),
  };
  const config = {
    client_id: null,
    client_secret: null,
    region: null,
    authorization_url: null,
    token_url: null,
    api_url: null,
  };
  await provider.configure?.(
    {
      config,
      terraformVersion: "1.11.4",
      log: createLogger({ level: undefined, module: "t" }),
      signal: new AbortController().signal,
    },
    response as never,
  );
  return response;
}

describe(`${TEST_CLOCK_OFFSET_ENV} (test-only)`, () => {
  it("moves the provider's clock when the token endpoint is overridden, and says so", async () => {
    const before = Date.now();
    const { providerData, diagnostics } = await configure({
      [TEST_CLOCK_OFFSET_ENV]: String(300 * DAY_S),
      AMAZON_ADS_TOKEN_URL: "http://127.0.0.1:9/auth/o2/token",
    });
    const shifted = providerData!.seams.now() - before;
    expect(shifted).toBeGreaterThanOrEqual(300 * DAY_S * 1000);
    expect(diagnostics.all()).toEqual([
      expect.objectContaining({
        severity: "warning",
        summary: "The provider's clock is shifted for tests",
        detail: expect.stringContaining("300 days forward"),
      }),
    ]);
  });

  it("is an error against Amazon's own token endpoint", async () => {
    const { diagnostics } = await configure({ [TEST_CLOCK_OFFSET_ENV]: "86400" });
    expect(diagnostics.all()).toEqual([
      expect.objectContaining({
        severity: "error",
        summary: `${TEST_CLOCK_OFFSET_ENV} is for tests against the emulator only`,
      }),
    ]);
  });

  it("is an error when it is not a number, and absent it changes nothing", async () => {
    const { diagnostics } = await configure({
      [TEST_CLOCK_OFFSET_ENV]: "soon",
      AMAZON_ADS_TOKEN_URL: "http://127.0.0.1:9/auth/o2/token",
    });
    expect(diagnostics.all().map((d) => d.severity)).toEqual(["error"]);
    const plain = await configure({});
    expect(plain.diagnostics.all()).toEqual([]);
    expect(plain.providerData!.seams.now).toBe(REAL_PROVIDER_SEAMS.now);
  });
});
