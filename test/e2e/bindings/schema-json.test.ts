/**
 * The schema document the bindings are generated from is what the real terraform prints for
 * `terraform providers schema -json` (the input of `cdktf get` / `cdktn get`): for the amazonads
 * provider, and for a fixture provider using every shape a schema can take.
 */
import { fileURLToPath } from "node:url";
import {
  providersSchemaJson,
  type ProviderSchemas,
} from "../../../scripts/bindings/schema-json.js";
import { createAmazonAdsProvider } from "../../../src/provider/provider.js";
import {
  PROVIDER_NAMESPACE,
  PROVIDER_TYPE,
  PROVIDER_VERSION,
} from "../../../src/provider/provider-address.js";
import { shapesProvider } from "../../fixtures/schema-shapes/provider.js";
import { Workspace } from "../support/terraform.js";

const CASES: [string, string, string, string, ProviderSchemas][] = [
  [
    PROVIDER_TYPE,
    "src/provider/main.ts",
    PROVIDER_NAMESPACE,
    PROVIDER_VERSION,
    createAmazonAdsProvider(),
  ],
  ["shapes", "test/fixtures/schema-shapes/main.ts", "test", "0.0.1", shapesProvider],
];

describe.each(CASES)(
  "the schema document of the %s provider",
  (type, entry, namespace, version, provider) => {
    let ws: Workspace;
    const source = `terraform.local/${namespace}/${type}`;
    beforeAll(async () => {
      ws = await Workspace.create({
        entry: fileURLToPath(new URL(`../../../${entry}`, import.meta.url)),
        host: "terraform.local",
        namespace,
        type,
        version,
      });
      ws.write(
        "main.tf",
        `terraform {\n  required_providers {\n    ${type} = { source = "${source}", version = "${version}" }\n  }\n}\n`,
      );
      expect((await ws.terraform(["init"])).code).toBe(0);
    });
    afterAll(() => ws.remove());

    it("is, byte for byte, what terraform providers schema -json prints", async () => {
      const printed = await ws.terraform(["providers", "schema", "-json"]);
      expect(printed.code).toBe(0);
      const fromTerraform = JSON.stringify(JSON.parse(printed.stdout));
      expect(JSON.stringify(providersSchemaJson(provider, source))).toBe(fromTerraform);
    });
  },
);
