import {
  MARKETPLACES,
  REGION_ENDPOINTS,
  isRegion,
  marketplaceById,
  regionOfCountry,
} from "../../src/amazon-ads/regions.js";

describe("region tables", () => {
  it("routes India, Saudi Arabia, South Africa and Ireland to the EU host", () => {
    expect(["IN", "SA", "ZA", "IE"].map(regionOfCountry)).toEqual(["EU", "EU", "EU", "EU"]);
  });

  it("knows the United Kingdom as UK, not GB", () => {
    expect(regionOfCountry("UK")).toBe("EU");
    expect(regionOfCountry("GB")).toBeUndefined();
  });

  it("maps marketplace ids back to their country", () => {
    expect(marketplaceById("ATVPDKIKX0DER")?.countryCode).toBe("US");
    expect(marketplaceById("A1VC38T7YXB528")?.region).toBe("FE");
  });

  it("has unique country codes and marketplace ids", () => {
    expect(new Set(MARKETPLACES.map((m) => m.countryCode)).size).toBe(MARKETPLACES.length);
    expect(new Set(MARKETPLACES.map((m) => m.marketplaceId)).size).toBe(MARKETPLACES.length);
  });

  it("serves each region from its own Amazon hosts", () => {
    expect(REGION_ENDPOINTS.EU.tokenUrl).toBe("https://api.amazon.co.uk/auth/o2/token");
    expect(REGION_ENDPOINTS.FE.apiUrl).toBe("https://advertising-api-fe.amazon.com");
    expect(isRegion("NA")).toBe(true);
    expect(isRegion("na")).toBe(false);
  });
});
