/**
 * The committed L1 bindings offer what the ecosystem's generator makes of the same schemas —
 * `cdktn get` (@cdktn/provider-generator) and `cdktf get` (@cdktf/provider-generator 0.21) —
 * member for member, under the same class and namespace names: the test runs both generators on
 * the provider's current schemas into a temporary directory and compares the surfaces the
 * TypeScript compiler reads from each.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BINDINGS_DIR, generatorInput } from "../../../scripts/bindings/generate.js";
import {
  runOfficialGenerator,
  type GeneratorPackage,
} from "../../../scripts/bindings/official-generator.js";
import { PROVIDER_TYPE } from "../../../src/provider/provider-address.js";
import { EPHEMERAL_RESOURCES } from "../../../src/provider/provider.js";
import { bindingsSurfaces, type Surface } from "./surface.js";

const GENERATORS: readonly GeneratorPackage[] = [
  "@cdktn/provider-generator",
  "@cdktf/provider-generator",
];

describe("the L1 bindings' public surface", () => {
  let scratch: string;
  let ours: Surface;
  let cdktn: Surface;
  let cdktf: Surface;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "bindings-surface-"));
    const indexes = GENERATORS.map((generator) => {
      const out = join(scratch, generator.split("/")[0]!);
      runOfficialGenerator(generator, generatorInput(), out);
      return join(out, "providers", PROVIDER_TYPE, "index.ts");
    });
    [ours, cdktn, cdktf] = bindingsSurfaces([join(BINDINGS_DIR, "index.ts"), ...indexes]) as [
      Surface,
      Surface,
      Surface,
    ];
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const bound = (surface: Surface) =>
    Object.fromEntries(Object.keys(ours).map((ns) => [ns, surface[ns]]));

  it("is what cdktn get generates, for the provider and every resource and data source", () => {
    expect(ours).toEqual(bound(cdktn));
  });

  it("is what cdktf get (CDKTF 0.21) generates, which has no ephemeral resources", () => {
    expect(ours).toEqual(cdktf);
  });

  it("leaves out only cdktn's ephemeral resource classes, which cdktf 0.21 cannot declare", () => {
    const left = Object.keys(cdktn).filter((ns) => !(ns in ours));
    expect(left).toHaveLength(Object.keys(EPHEMERAL_RESOURCES).length);
    for (const ns of left) {
      const bases = Object.values(cdktn[ns]!).map((lines) => lines[0]);
      expect({ ns, bases }).toEqual({
        ns,
        bases: expect.arrayContaining(["class extends TerraformEphemeralResource"]),
      });
    }
  });

  it("lets amazonads_authorization, which the provider imports, generate its import block", () => {
    expect(ours.authorization?.Authorization).toContain(
      "static method generateConfigForImport(scope: Construct, importToId: string, " +
        "importFromId: string, provider?: TerraformProvider): ImportableResource",
    );
  });
});
