import { Diagnostics, createLogger } from "../../src/plugin/index.js";
import { validateConfig } from "../../src/plugin/server/validation.js";
import { createAmazonAdsProvider, providerSchema } from "../../src/provider/provider.js";

describe("the amazonads provider configuration", () => {
  it("documents every attribute and marks the client secret sensitive", () => {
    for (const [name, attribute] of Object.entries(providerSchema.attributes)) {
      expect([name, attribute.description.length > 20]).toEqual([name, true]);
      expect(attribute.mode).toBe("optional");
    }
    expect(providerSchema.attributes.client_secret.sensitive).toBe(true);
  });

  it("validates a configured client id on its attribute", () => {
    const diagnostics = new Diagnostics();
    const config = {
      client_id: "amzn1.application-oa2-client.xyz",
      client_secret: null,
      region: "US",
    };
    validateConfig(
      providerSchema,
      { ...config, authorization_url: null, token_url: null, api_url: null },
      diagnostics,
    );
    expect(diagnostics.all().map((d) => d.summary)).toEqual([
      "Invalid value for client_id",
      "Invalid value for region",
    ]);
  });

  it("configures from the environment without building a client (fake client factory)", async () => {
    const built: string[] = [];
    const provider = createAmazonAdsProvider({
      env: { AMAZON_ADS_REGION: "EU" },
      createClient: (options) => {
        built.push(options.region ?? "NA");
        throw new Error("no client should be built at configure");
      },
    });
    const response = { providerData: undefined as unknown, diagnostics: new Diagnostics() };
    const config = {
      client_id: null,
      client_secret: null,
      region: null,
      authorization_url: null,
      token_url: null,
      api_url: null,
    };
    const log = createLogger({ level: undefined, module: "t" });
    await provider.configure?.(
      { config, terraformVersion: "1.11.4", log, signal: new AbortController().signal },
      response as never,
    );
    expect(response.diagnostics.all()).toEqual([]);
    expect(response.providerData).toMatchObject({
      settings: { region: "EU", endpoints: { apiUrl: "https://advertising-api-eu.amazon.com" } },
    });
    expect(built).toEqual([]);
  });

  it("gives every client the timeouts the environment sets (fake client factory)", async () => {
    const seen: { timeoutMs?: number; maxElapsedMs?: number; maxAttempts?: number }[] = [];
    const provider = createAmazonAdsProvider({
      env: {
        AMAZON_ADS_CLIENT_ID: `amzn1.application-oa2-client.${"ab".repeat(16)}`,
        AMAZON_ADS_CLIENT_SECRET: "secret",
        AMAZON_ADS_REQUEST_TIMEOUT_SECONDS: "2",
        AMAZON_ADS_MAX_RETRY_SECONDS: "5",
      },
      http: { retry: { maxAttempts: 3 } },
      createClient: (options) => {
        seen.push({
          timeoutMs: options.timeoutMs,
          maxElapsedMs: options.retry?.maxElapsedMs,
          maxAttempts: options.retry?.maxAttempts,
        });
        return {} as never;
      },
    });
    const response = { providerData: undefined as unknown, diagnostics: new Diagnostics() };
    const config = {
      client_id: null,
      client_secret: null,
      region: null,
      authorization_url: null,
      token_url: null,
      api_url: null,
    };
    const log = createLogger({ level: undefined, module: "t" });
    await provider.configure?.(
      { config, terraformVersion: "1.11.4", log, signal: new AbortController().signal },
      response as never,
    );
    expect(response.diagnostics.all()).toEqual([]);
    (response.providerData as { clients: { client(): unknown } }).clients.client();
    expect(seen).toEqual([{ timeoutMs: 2000, maxElapsedMs: 5000, maxAttempts: 3 }]);
  });
});
