import { endpointOverridesFromEnv, optionOrEnv, regionFrom } from "../../src/cli/env.js";

describe("the CLI's environment variables", () => {
  it("prefer the option, then a non-empty variable", () => {
    expect(optionOrEnv("opt", { X: "env" }, "X")).toBe("opt");
    expect(optionOrEnv(undefined, { X: " env " }, "X")).toBe("env");
    expect(optionOrEnv(undefined, { X: "" }, "X")).toBeUndefined();
  });

  it("read the region in any case and default to NA", () => {
    expect(regionFrom(undefined, { AMAZON_ADS_REGION: "fe" })).toBe("FE");
    expect(regionFrom("EU", { AMAZON_ADS_REGION: "fe" })).toBe("EU");
    expect(regionFrom(undefined, {})).toBe("NA");
  });

  it("read the three endpoint variables as the provider does, {region} left for each region", () => {
    const env = {
      AMAZON_ADS_API_URL: "http://proxy/{region}",
      AMAZON_ADS_TOKEN_URL: "http://proxy/token",
      AMAZON_ADS_AUTHORIZATION_URL: "",
    };
    expect(endpointOverridesFromEnv(env)).toEqual({
      apiUrl: "http://proxy/{region}",
      tokenUrl: "http://proxy/token",
    });
    expect(endpointOverridesFromEnv({})).toEqual({});
  });
});
