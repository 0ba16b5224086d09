import { App, TerraformProvider, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PROVIDER_VENDORING_ID,
  ProviderVendoring,
  vendorProvider,
} from "../../src/constructs/provider-vendoring.js";
import { h1Hash } from "../../src/plugin/packaging/dirhash.js";
import { renderLockEntry } from "../../src/plugin/packaging/lock-file.js";
import { PROVIDER_SOURCE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";

const MIRROR = `terraform.d/plugins/terraform.local/amazon-ads/amazonads`;

/**
 * A stand-in for the amazonads L1 provider binding (which comes later): a TerraformProvider that
 * declares itself the way cdktf's generated bindings do, and vendors the package.
 */
class StandInAmazonAdsProvider extends TerraformProvider {
  private readonly aliasName: string | undefined;
  constructor(scope: Construct, id: string, alias?: string) {
    super(scope, id, {
      terraformResourceType: "amazonads",
      terraformGeneratorMetadata: { providerName: "amazonads", providerVersion: PROVIDER_VERSION },
      terraformProviderSource: PROVIDER_SOURCE,
    });
    this.aliasName = alias;
    vendorProvider(this);
  }
  override get alias(): string | undefined {
    return this.aliasName;
  }
}

describe("vendorProvider", () => {
  let scratch: string;
  let packageDir: string;

  function writePackage(dir: string, bundle: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`), "#!/bin/sh\n");
    chmodSync(join(dir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`), 0o755);
    writeFileSync(join(dir, "amazonads-provider.cjs"), bundle);
    writeFileSync(join(dir, "amazonads-program.cjs"), '"use strict";\n');
  }

  function synthApp(outdir: string, build: (stack: TerraformStack) => void): string {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "vendored");
    build(stack);
    app.synth();
    return join(outdir, "stacks", "vendored");
  }

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "vendoring-"));
    // Placeholder package contents: vendoring copies and hashes files, it never runs them.
    packageDir = join(scratch, "package");
    writePackage(packageDir, '"use strict";\n');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("declares the provider in required_providers with its source and exact version", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    vendorProvider(stack, { packageDir });
    expect(JSON.parse(Testing.synth(stack)).terraform.required_providers).toEqual({
      amazonads: { source: "terraform.local/amazon-ads/amazonads", version: PROVIDER_VERSION },
    });
  });

  it("copies the package into the stack directory and seeds its lock file at synth", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    vendorProvider(stack, { packageDir });
    const outdir = Testing.fullSynth(stack);
    try {
      const stackDir = join(outdir, "stacks", "stack");
      const versionDir = join(stackDir, MIRROR, PROVIDER_VERSION);
      expect(readdirSync(versionDir).sort()).toEqual([
        "darwin_amd64",
        "darwin_arm64",
        "linux_amd64",
        "linux_arm64",
      ]);
      for (const platform of readdirSync(versionDir)) {
        expect(h1Hash(join(versionDir, platform))).toBe(h1Hash(packageDir));
      }
      expect(readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")).toContain(
        renderLockEntry({
          source: PROVIDER_SOURCE,
          version: PROVIDER_VERSION,
          constraints: PROVIDER_VERSION,
          hashes: [h1Hash(packageDir)],
        }),
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("vendors once for several providers and aliases of ours in one stack", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const first = vendorProvider(stack, { packageDir });
    new StandInAmazonAdsProvider(stack, "default");
    new StandInAmazonAdsProvider(new Construct(stack, "nested"), "eu", "eu");
    expect(vendorProvider(stack)).toBe(first);
    expect(stack.node.children.filter((child) => child instanceof ProviderVendoring)).toEqual([
      first,
    ]);
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(synthesized.terraform.required_providers).toEqual({
      amazonads: { source: PROVIDER_SOURCE, version: PROVIDER_VERSION },
    });
    expect(synthesized.provider.amazonads).toEqual([{}, { alias: "eu" }]);
    const outdir = Testing.fullSynth(stack);
    try {
      const lock = readFileSync(join(outdir, "stacks", "stack", ".terraform.lock.hcl"), "utf8");
      expect(lock.match(/^provider /gm)).toHaveLength(1);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("creates the vendoring under the stack, whichever construct asks first", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const deep = new Construct(new Construct(stack, "a"), "b");
    expect(vendorProvider(deep).node.path).toBe(`stack/${PROVIDER_VENDORING_ID}`);
  });

  it("refuses a second, different package directory in the same stack", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    vendorProvider(stack, { packageDir });
    expect(() => vendorProvider(stack, { packageDir: join(scratch, "other") })).toThrow(
      /already vendors the amazonads provider from .*; it cannot also vendor .*other/,
    );
  });

  it("finds the shipped package only at synth, so synthesizing JSON needs no build", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    vendorProvider(stack);
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  it("keeps other providers' lock entries and replaces its own after a rebuild", () => {
    const outdir = join(scratch, "cdktf.out");
    const stackDir = synthApp(outdir, (stack) => void vendorProvider(stack, { packageDir }));
    const other = `provider "registry.terraform.io/hashicorp/random" {\n  version = "3.6.0"\n  hashes = [\n    "h1:RANDOM=",\n  ]\n}\n`;
    writeFileSync(
      join(stackDir, ".terraform.lock.hcl"),
      `${readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")}\n${other}`,
    );

    writePackage(packageDir, '"use strict"; // rebuilt\n');
    synthApp(outdir, (stack) => void vendorProvider(stack, { packageDir }));
    const lock = readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain(other);
    expect(lock).toContain(`"${h1Hash(packageDir)}",`);
    expect(lock.match(/provider "terraform\.local\/amazon-ads\/amazonads"/g)).toHaveLength(1);
  });

  it("removes other versions of the provider vendored into the stack before", () => {
    const outdir = join(scratch, "cdktf.out");
    const stackDir = synthApp(outdir, (stack) => void vendorProvider(stack, { packageDir }));
    mkdirSync(join(stackDir, MIRROR, "0.0.1", "linux_amd64"), { recursive: true });
    synthApp(
      outdir,
      (stack) => void vendorProvider(stack, { packageDir, platforms: ["linux_amd64"] }),
    );
    expect(readdirSync(join(stackDir, MIRROR))).toEqual([PROVIDER_VERSION]);
    expect(readdirSync(join(stackDir, MIRROR, PROVIDER_VERSION))).toEqual(["linux_amd64"]);
    expect(existsSync(join(stackDir, "cdk.tf.json"))).toBe(true);
  });
});
