import { joinUrl, resolveEndpoints, substituteRegion } from "../../src/amazon-ads/endpoints.js";
import { AmazonAdsError } from "../../src/amazon-ads/errors.js";
import type { Region } from "../../src/amazon-ads/regions.js";

describe("endpoints", () => {
  it("resolves Amazon's hosts for each region, test accounts always on the NA host", () => {
    expect(resolveEndpoints("EU")).toEqual({
      region: "EU",
      authorizationUrl: "https://eu.account.amazon.com/ap/oa",
      tokenUrl: "https://api.amazon.co.uk/auth/o2/token",
      apiUrl: "https://advertising-api-eu.amazon.com",
      testAccountApiUrl: "https://advertising-api.amazon.com",
    });
    expect(resolveEndpoints().region).toBe("NA");
  });

  it("sends test accounts to the NA host from every region, with or without a {region} override", () => {
    for (const region of ["NA", "EU", "FE"] as const) {
      expect(resolveEndpoints(region).testAccountApiUrl).toBe("https://advertising-api.amazon.com");
      expect(
        resolveEndpoints(region, { apiUrl: "http://127.0.0.1:4010/{region}" }).testAccountApiUrl,
      ).toBe("http://127.0.0.1:4010/na");
    }
  });

  it("replaces each endpoint by its override and ignores empty ones", () => {
    const resolved = resolveEndpoints("FE", {
      tokenUrl: "http://127.0.0.1:9000/auth/o2/token",
      apiUrl: "https://proxy.example/amazon/fe",
      authorizationUrl: "",
    });
    expect(resolved.tokenUrl).toBe("http://127.0.0.1:9000/auth/o2/token");
    expect(resolved.apiUrl).toBe("https://proxy.example/amazon/fe");
    expect(resolved.testAccountApiUrl).toBe("https://proxy.example/amazon/fe");
    expect(resolved.authorizationUrl).toBe("https://apac.account.amazon.com/ap/oa");
  });

  it("puts the lower-case region where an override says {region}", () => {
    const overrides = {
      authorizationUrl: "http://127.0.0.1:4010/{region}/ap/oa",
      tokenUrl: "http://127.0.0.1:4010/{region}/auth/o2/token",
      apiUrl: "http://127.0.0.1:4010/{region}",
    };
    expect(resolveEndpoints("EU", overrides)).toEqual({
      region: "EU",
      authorizationUrl: "http://127.0.0.1:4010/eu/ap/oa",
      tokenUrl: "http://127.0.0.1:4010/eu/auth/o2/token",
      apiUrl: "http://127.0.0.1:4010/eu",
      testAccountApiUrl: "http://127.0.0.1:4010/na",
    });
    expect(resolveEndpoints("FE", overrides).apiUrl).toBe("http://127.0.0.1:4010/fe");
  });

  it("accepts {region} in the host and replaces every occurrence", () => {
    const resolved = resolveEndpoints("FE", { apiUrl: "https://{region}.proxy.example/{region}" });
    expect(resolved.apiUrl).toBe("https://fe.proxy.example/fe");
    expect(resolved.testAccountApiUrl).toBe("https://na.proxy.example/na");
  });

  it("applies an override without {region} to every region unchanged", () => {
    for (const region of ["NA", "EU", "FE"] as const) {
      expect(resolveEndpoints(region, { tokenUrl: "http://127.0.0.1:9/token" }).tokenUrl).toBe(
        "http://127.0.0.1:9/token",
      );
    }
    expect(substituteRegion("http://127.0.0.1:9/token", "EU")).toBe("http://127.0.0.1:9/token");
  });

  it("rejects an override that is not an absolute http(s) URL, naming which one", () => {
    expect(() => resolveEndpoints("NA", { apiUrl: "advertising-api.amazon.com" })).toThrow(
      /API URL override is not an absolute URL/,
    );
    expect(() => resolveEndpoints("NA", { tokenUrl: "ftp://x.example/token" })).toThrow(
      /token URL override .* must use http or https/,
    );
  });

  it("rejects an unknown region with the list of valid ones", () => {
    const attempt = () => resolveEndpoints("US" as Region);
    expect(attempt).toThrow(AmazonAdsError);
    expect(attempt).toThrow(/Use NA .*EU .*FE/);
  });

  it("appends a path to a base URL's own path instead of replacing it", () => {
    expect(joinUrl("https://proxy.example/amazon/eu", "/v2/profiles")).toBe(
      "https://proxy.example/amazon/eu/v2/profiles",
    );
    expect(joinUrl("https://proxy.example/amazon/eu/", "v2/profiles")).toBe(
      "https://proxy.example/amazon/eu/v2/profiles",
    );
    expect(joinUrl("https://advertising-api.amazon.com", "/v2/profiles")).toBe(
      "https://advertising-api.amazon.com/v2/profiles",
    );
  });

  it("adds only the defined query parameters, encoded", () => {
    expect(
      joinUrl("http://127.0.0.1:1/base", "/testAccounts", {
        requestId: "a b&c",
        skipped: undefined,
      }),
    ).toBe("http://127.0.0.1:1/base/testAccounts?requestId=a+b%26c");
  });
});
