/**
 * Synth-time vendoring of the amazonads provider into a CDKTF stack.
 *
 * `cdktf deploy` runs `terraform init` in each stack's output directory with no registry to
 * reach. {@link vendorProvider} makes that work offline: at synth it copies the provider package
 * into the stack directory's implied local mirror (`terraform.d/plugins/…`) and seeds the
 * stack's `.terraform.lock.hcl` with the package's `h1:` hash (so cdktf-cli does not run
 * `terraform providers lock`, which needs the network), and it declares the provider in the
 * stack's `required_providers` with its registry-free source and exact version.
 */
import {
  addCustomSynthesis,
  type ISynthesisSession,
  stackOf,
  TerraformElement,
  type TerraformStack,
} from "./framework.js";
import type { IConstruct } from "constructs";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { installProviderPackage } from "../plugin/packaging/install.js";
import {
  PROVIDER_HOST,
  PROVIDER_NAMESPACE,
  PROVIDER_SOURCE,
  PROVIDER_TYPE,
  PROVIDER_VERSION,
} from "../provider/provider-address.js";
import { providerPackageDir } from "./provider-package.js";

/** Options of {@link vendorProvider}. */
export interface ProviderVendoringOptions {
  /**
   * A built provider package directory to vendor instead of the one shipped with
   * cdktf-amazon-ads (tests and provider development).
   * @default the package in `cdktf-amazon-ads/dist/provider-package/`
   */
  readonly packageDir?: string;
  /**
   * `<os>_<arch>` platforms to lay out. All four by default, so a synthesized `cdktf.out` can be
   * deployed from another machine.
   * @default linux and darwin, each on amd64 and arm64
   */
  readonly platforms?: readonly string[];
}

/** The construct id of the one {@link ProviderVendoring} per stack. */
export const PROVIDER_VENDORING_ID = "amazonads-provider-vendoring";

/**
 * The part of a stack that carries the provider: its `required_providers` entry, and at synth
 * the package and lock entry in the stack's directory. Create it through {@link vendorProvider}.
 */
export class ProviderVendoring extends TerraformElement {
  /** The package directory given in the options, if any (resolved at synth otherwise). */
  public readonly packageDir: string | undefined;
  private readonly platforms: readonly string[] | undefined;

  /** Use {@link vendorProvider}, which keeps this to one per stack. */
  public constructor(stack: TerraformStack, id: string, options: ProviderVendoringOptions = {}) {
    super(stack, id);
    this.packageDir = options.packageDir === undefined ? undefined : resolve(options.packageDir);
    this.platforms = options.platforms;
    addCustomSynthesis(this, { onSynthesize: (session) => this.vendor(session) });
  }

  /** The stack's `required_providers` entry, in JSON output. */
  public override toTerraform(): Record<string, unknown> {
    return {
      terraform: {
        required_providers: {
          [PROVIDER_TYPE]: { source: PROVIDER_SOURCE, version: PROVIDER_VERSION },
        },
      },
    };
  }

  /** The same entry when the app synthesizes HCL. */
  public override toHclTerraform(): Record<string, unknown> {
    return this.toTerraform();
  }

  private vendor(session: ISynthesisSession): void {
    const stack = stackOf(this);
    const workingDir = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
    // The output directory is generated: drop other versions (or builds) of ours vendored before.
    rmSync(
      join(workingDir, "terraform.d", "plugins", PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE),
      {
        recursive: true,
        force: true,
      },
    );
    installProviderPackage({
      packageDir: this.packageDir ?? providerPackageDir(),
      targetDir: workingDir,
      host: PROVIDER_HOST,
      namespace: PROVIDER_NAMESPACE,
      type: PROVIDER_TYPE,
      version: PROVIDER_VERSION,
      ...(this.platforms !== undefined && { platforms: this.platforms }),
    });
  }
}

/**
 * Makes the stack holding `scope` carry the amazonads provider (see the module notes). Every
 * construct that uses the provider calls it; the first call creates the stack's
 * {@link ProviderVendoring}, later calls return it, so several providers or aliases in one stack
 * vendor the package once. Throws when a later call names a different package directory.
 */
export function vendorProvider(
  scope: IConstruct,
  options: ProviderVendoringOptions = {},
): ProviderVendoring {
  const stack = stackOf(scope);
  const existing = stack.node.tryFindChild(PROVIDER_VENDORING_ID);
  if (existing instanceof ProviderVendoring) {
    const wanted = options.packageDir === undefined ? undefined : resolve(options.packageDir);
    if (wanted !== undefined && wanted !== existing.packageDir) {
      throw new Error(
        `Stack ${stack.node.path} already vendors the ${PROVIDER_TYPE} provider from ` +
          `${existing.packageDir ?? "the shipped package"}; it cannot also vendor ${wanted}. ` +
          "Pass the same packageDir everywhere in a stack.",
      );
    }
    return existing;
  }
  return new ProviderVendoring(stack, PROVIDER_VENDORING_ID, options);
}
