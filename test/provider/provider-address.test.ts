import { readFileSync } from "node:fs";
import { PROVIDER_SOURCE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";

describe("the provider's address", () => {
  it("uses the registry-free source address of the design", () => {
    expect(PROVIDER_SOURCE).toBe("terraform.local/amazon-ads/amazonads");
  });

  it("is versioned as the npm package", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(PROVIDER_VERSION).toBe(pkg.version);
  });
});
