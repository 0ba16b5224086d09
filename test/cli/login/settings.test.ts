import { UsageError } from "../../../src/cli/usage-error.js";
import { resolveLoginSettings } from "../../../src/cli/login/settings.js";

const CLIENT = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
const base = { AMAZON_ADS_CLIENT_ID: CLIENT, AMAZON_ADS_CLIENT_SECRET: "env-secret" };

describe("login's settings: option, then environment variable, then default", () => {
  it("defaults to NA, the localhost redirect URI, campaign management, 300 s and the default file", () => {
    const settings = resolveLoginSettings({}, { ...base, HOME: "/h" }, "/work");
    expect(settings).toMatchObject({
      clientId: CLIENT,
      clientSecret: "env-secret",
      region: "NA",
      endpoints: {},
      redirectUri: "http://localhost:8765/callback",
      listen: { port: 8765, path: "/callback", hosts: ["127.0.0.1", "::1"] },
      scopes: ["advertising::campaign_management"],
      openBrowser: true,
      printEnv: false,
      timeoutSeconds: 300,
    });
    expect(settings.output).toMatch(/cdktf-amazon-ads\/credentials\.json$/);
  });

  it("takes each value from its environment variable when no option is given", () => {
    const settings = resolveLoginSettings(
      {},
      {
        ...base,
        AMAZON_ADS_REGION: "eu",
        AMAZON_ADS_CREDENTIALS_FILE: "grants/amazon.json",
        AMAZON_ADS_TOKEN_URL: "http://127.0.0.1:1/auth/o2/token",
        AMAZON_ADS_AUTHORIZATION_URL: "http://127.0.0.1:1/{region}/ap/oa",
      },
      "/work",
    );
    expect(settings.region).toBe("EU");
    expect(settings.output).toBe("/work/grants/amazon.json");
    expect(settings.endpoints).toEqual({
      tokenUrl: "http://127.0.0.1:1/auth/o2/token",
      authorizationUrl: "http://127.0.0.1:1/{region}/ap/oa",
    });
  });

  it("lets options beat environment variables", () => {
    const settings = resolveLoginSettings(
      {
        region: "FE",
        clientId: "amzn1.application-oa2-client.option",
        clientSecret: "option-secret",
        output: "/tmp/option.json",
        scope: ["advertising::audiences", "advertising::campaign_management"],
        timeout: 30,
        browser: false,
        printEnv: true,
      },
      { ...base, AMAZON_ADS_REGION: "EU", AMAZON_ADS_CREDENTIALS_FILE: "/tmp/env.json" },
    );
    expect(settings).toMatchObject({
      region: "FE",
      clientId: "amzn1.application-oa2-client.option",
      clientSecret: "option-secret",
      output: "/tmp/option.json",
      scopes: ["advertising::audiences", "advertising::campaign_management"],
      timeoutSeconds: 30,
      openBrowser: false,
      printEnv: true,
    });
  });

  it("treats empty environment variables as unset", () => {
    expect(() =>
      resolveLoginSettings({}, { AMAZON_ADS_CLIENT_ID: " ", AMAZON_ADS_CLIENT_SECRET: "s" }),
    ).toThrow("No client id. Pass --client-id or set AMAZON_ADS_CLIENT_ID");
    expect(resolveLoginSettings({}, { ...base, AMAZON_ADS_REGION: "" }).region).toBe("NA");
  });

  it("asks for the secret through the environment first, since command lines show in ps", () => {
    const failure = (() => {
      try {
        resolveLoginSettings({}, { AMAZON_ADS_CLIENT_ID: CLIENT });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe(
      "No client secret. Set AMAZON_ADS_CLIENT_SECRET to your LwA app's client secret " +
        "(preferred: command lines are visible to other users in ps), or pass --client-secret.",
    );
  });

  it("reports an unknown AMAZON_ADS_REGION as a usage error", () => {
    expect(() => resolveLoginSettings({}, { ...base, AMAZON_ADS_REGION: "APAC" })).toThrow(
      "AMAZON_ADS_REGION=APAC is not a region. Set it to NA, EU or FE, or pass --region.",
    );
  });

  it("keeps the redirect URI exactly as given and has no listener with --paste", () => {
    const settings = resolveLoginSettings({ paste: true, redirectUri: "https://amazon.com" }, base);
    expect(settings.redirectUri).toBe("https://amazon.com");
    expect(settings.listen).toBeUndefined();
  });

  it("asks for --paste when the redirect URI is not on this machine", () => {
    expect(() => resolveLoginSettings({ redirectUri: "https://amazon.com" }, base)).toThrow(
      /https:\/\/amazon\.com does not point at this machine.*Add --paste/,
    );
  });

  it("asks each scope once, in the order given", () => {
    const settings = resolveLoginSettings(
      { scope: ["advertising::campaign_management", "advertising::campaign_management"] },
      base,
    );
    expect(settings.scopes).toEqual(["advertising::campaign_management"]);
  });
});
