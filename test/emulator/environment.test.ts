import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  emulatorEndpointVariables,
  emulatorVariables,
  startEmulator,
  type Emulator,
} from "../../src/emulator/index.js";
import { REGIONS } from "../../src/amazon-ads/index.js";

describe("the AMAZON_ADS_* variables of a running emulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it("expand {region} to each region's own emulator URLs", () => {
    const variables = emulatorEndpointVariables(emulator);
    for (const region of REGIONS) {
      const expand = (template: string) => template.replace("{region}", region.toLowerCase());
      expect({
        authorizationUrl: expand(variables.AMAZON_ADS_AUTHORIZATION_URL),
        tokenUrl: expand(variables.AMAZON_ADS_TOKEN_URL),
        apiUrl: expand(variables.AMAZON_ADS_API_URL),
      }).toEqual(emulator.regions[region]);
    }
  });

  it("carry the demo app's credentials beside the endpoints", () => {
    expect(emulatorVariables(emulator)).toEqual({
      ...emulatorEndpointVariables(emulator),
      AMAZON_ADS_CLIENT_ID: emulator.clientId,
      AMAZON_ADS_CLIENT_SECRET: emulator.clientSecret,
    });
  });
});
