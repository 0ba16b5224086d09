import { Diagnostics } from "../../src/plugin/index.js";
import {
  resolveSettings,
  type ConfiguredValue,
  type SettingName,
} from "../../src/provider/settings.js";

const VALID_ID = `amzn1.application-oa2-client.${"0123456789abcdef".repeat(2)}`;
const unset: Record<SettingName, ConfiguredValue> = {
  client_id: null,
  client_secret: null,
  region: null,
  authorization_url: null,
  token_url: null,
  api_url: null,
};

function resolve(
  config: Partial<Record<SettingName, ConfiguredValue>>,
  env: NodeJS.ProcessEnv = {},
) {
  const diagnostics = new Diagnostics();
  const settings = resolveSettings({ ...unset, ...config }, env, diagnostics);
  return { settings, diagnostics: diagnostics.all() };
}

describe("provider settings", () => {
  it("defaults to region NA and its endpoints", () => {
    const { settings, diagnostics } = resolve({});
    expect(diagnostics).toEqual([]);
    expect(settings.region).toBe("NA");
    expect(settings.endpoints.tokenUrl).toBe("https://api.amazon.com/auth/o2/token");
    expect(settings.clientId).toBeUndefined();
  });

  it("prefers the configuration, then the environment", () => {
    const env = {
      AMAZON_ADS_REGION: "FE",
      AMAZON_ADS_CLIENT_ID: VALID_ID,
      AMAZON_ADS_API_URL: "http://127.0.0.1:9/",
    };
    const { settings } = resolve({ region: "EU" }, env);
    expect(settings.region).toBe("EU");
    expect(settings.clientId).toBe(VALID_ID);
    expect(settings.endpoints.apiUrl).toBe("http://127.0.0.1:9/");
    expect(settings.endpoints.authorizationUrl).toBe("https://eu.account.amazon.com/ap/oa");
  });

  it("keeps the client secret wrapped so it never prints", () => {
    const { settings } = resolve({ client_secret: "shh-123" });
    expect(JSON.stringify(settings)).not.toContain("shh-123");
    expect(settings.clientSecret?.reveal()).toBe("shh-123");
  });

  it("reports a malformed client id on client_id, naming the variable it came from", () => {
    const { diagnostics } = resolve({}, { AMAZON_ADS_CLIENT_ID: "my-app" });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        attribute: [{ attribute: "client_id" }],
        detail: expect.stringMatching(
          /^client_id \(from the environment variable AMAZON_ADS_CLIENT_ID\) must be/,
        ),
      }),
    ]);
  });

  it("refuses an empty client secret on client_secret, and treats an empty variable as unset", () => {
    const { settings, diagnostics } = resolve({ client_secret: "  " });
    expect(settings.clientSecret).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        attribute: [{ attribute: "client_secret" }],
        detail: expect.stringContaining("client_secret must not be empty"),
      }),
    ]);
    const fromEnv = resolve({}, { AMAZON_ADS_CLIENT_SECRET: "" });
    expect(fromEnv.diagnostics).toEqual([]);
    expect(fromEnv.settings.clientSecret).toBeUndefined();
  });

  it("rejects endpoints that are not absolute http(s) URLs", () => {
    const { diagnostics } = resolve({ token_url: "ftp://x", api_url: "/relative" });
    expect(diagnostics.map((d) => d.attribute)).toEqual([
      [{ attribute: "token_url" }],
      [{ attribute: "api_url" }],
    ]);
  });

  it("resolves {region} in endpoint overrides for the provider's region and keeps the template", () => {
    const { settings, diagnostics } = resolve(
      { region: "EU" },
      {
        AMAZON_ADS_TOKEN_URL: "http://127.0.0.1:4010/{region}/auth/o2/token",
        AMAZON_ADS_API_URL: "http://127.0.0.1:4010/{region}",
      },
    );
    expect(diagnostics).toEqual([]);
    expect(settings.endpoints).toEqual({
      authorizationUrl: "https://eu.account.amazon.com/ap/oa",
      tokenUrl: "http://127.0.0.1:4010/eu/auth/o2/token",
      apiUrl: "http://127.0.0.1:4010/eu",
    });
    expect(settings.overrides.apiUrl).toBe("http://127.0.0.1:4010/{region}");
  });

  it("accepts {region} in an override's host", () => {
    const { settings, diagnostics } = resolve({ api_url: "https://{region}.proxy.example" });
    expect(diagnostics).toEqual([]);
    expect(settings.endpoints.apiUrl).toBe("https://na.proxy.example");
  });

  it("lists settings whose value is not known yet", () => {
    expect(resolve({ client_id: undefined }).settings.unknown).toEqual(["client_id"]);
  });
});
