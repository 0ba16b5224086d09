import { AmazonAdsClient, type AmazonAdsClientOptions } from "../../src/amazon-ads/index.js";
import { Diagnostics, createLogger } from "../../src/plugin/index.js";
import { MissingCredentialsError, RegionClients } from "../../src/provider/clients.js";
import { resolveSettings, type SettingName } from "../../src/provider/settings.js";

const CLIENT_ID = `amzn1.application-oa2-client.${"ab".repeat(16)}`;
const unset = Object.fromEntries(
  ["client_id", "client_secret", "region", "authorization_url", "token_url", "api_url"].map((n) => [
    n,
    null,
  ]),
) as Record<SettingName, null>;

function settings(
  env: NodeJS.ProcessEnv,
  config: Partial<Record<SettingName, string | undefined>> = {},
) {
  return resolveSettings({ ...unset, ...config }, env, new Diagnostics());
}

const env = {
  AMAZON_ADS_CLIENT_ID: CLIENT_ID,
  AMAZON_ADS_CLIENT_SECRET: "s3cret",
  AMAZON_ADS_API_URL: "http://127.0.0.1:4010/{region}",
};

function lines() {
  const written: string[] = [];
  return {
    written,
    log: createLogger({ level: "debug", module: "t", write: (l) => void written.push(l) }),
  };
}

describe("the provider process's clients (recording client factory around the real client)", () => {
  it("builds one client per region on first use, all sharing one token cache", () => {
    const built: AmazonAdsClientOptions[] = [];
    const clients = new RegionClients({
      settings: settings(env),
      fallbackLog: lines().log,
      createClient: (options) => {
        built.push(options);
        return new AmazonAdsClient(options);
      },
    });
    expect(built).toEqual([]);
    const na = clients.client();
    expect(clients.client("NA")).toBe(na);
    const eu = clients.client("EU");
    expect(built.map((o) => o.region)).toEqual(["NA", "EU"]);
    expect(built.every((o) => o.tokenCache === clients.tokenCache)).toBe(true);
    expect(eu.endpoints.apiUrl).toBe("http://127.0.0.1:4010/eu");
    expect(na.endpoints.apiUrl).toBe("http://127.0.0.1:4010/na");
    expect(clients.endpoints("FE").apiUrl).toBe("http://127.0.0.1:4010/fe");
    expect(built).toHaveLength(2);
  });

  it("sends a client's debug lines to the logger of the request being handled", async () => {
    let clientLog: AmazonAdsClientOptions["logger"];
    const fallback = lines();
    const clients = new RegionClients({
      settings: settings(env),
      fallbackLog: fallback.log,
      createClient: (options) => {
        clientLog = options.logger;
        return new AmazonAdsClient(options);
      },
    });
    clients.client();
    const a = lines();
    const b = lines();
    await Promise.all([
      clients.withLog(a.log, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        clientLog?.debug("from a", {});
      }),
      clients.withLog(b.log, async () => clientLog?.debug("from b", {})),
    ]);
    clientLog?.debug("outside", {});
    expect(a.written.map((l) => JSON.parse(l)["@message"])).toEqual(["from a"]);
    expect(b.written.map((l) => JSON.parse(l)["@message"])).toEqual(["from b"]);
    expect(fallback.written.map((l) => JSON.parse(l)["@message"])).toEqual(["outside"]);
  });

  it("says which setting is missing, naming its environment variable", () => {
    const clients = new RegionClients({
      settings: settings({ AMAZON_ADS_CLIENT_ID: CLIENT_ID }),
      fallbackLog: lines().log,
    });
    expect(() => clients.client()).toThrow(MissingCredentialsError);
    expect(() => clients.client()).toThrow(/client_secret .*AMAZON_ADS_CLIENT_SECRET/);
  });

  it("says when the client id is not known until apply", () => {
    const clients = new RegionClients({
      settings: settings(env, { client_id: undefined }),
      fallbackLog: lines().log,
    });
    expect(() => clients.client()).toThrow(/client_id is not known until apply/);
  });
});
