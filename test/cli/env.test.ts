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

  it("apply the plain endpoint variables to the command's own region only", () => {
    const env = {
      AMAZON_ADS_API_URL: "http://proxy/na",
      AMAZON_ADS_API_URL_EU: "http://proxy/eu",
      AMAZON_ADS_TOKEN_URL: "http://proxy/token",
    };
    expect(endpointOverridesFromEnv(env, "NA")).toEqual({
      apiUrl: "http://proxy/na",
      tokenUrl: "http://proxy/token",
    });
    expect(endpointOverridesFromEnv(env, "EU", { primary: false })).toEqual({
      apiUrl: "http://proxy/eu",
    });
    expect(endpointOverridesFromEnv(env, "FE", { primary: false })).toEqual({});
    expect(endpointOverridesFromEnv(env, "EU")).toEqual({
      apiUrl: "http://proxy/eu",
      tokenUrl: "http://proxy/token",
    });
  });
});
