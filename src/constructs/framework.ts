/**
 * The one module of the constructs that names a CDK framework.
 *
 * The constructs serve CDK for Terraform (`cdktf` 0.21) and its community continuation CDK
 * Terrain (`cdktn`), which share one API under two package names. This source imports `cdktf`;
 * the build compiles the constructs a second time into `dist/cdktn/` with these module names
 * rewritten to `cdktn` (scripts/build/cdktn-entry.ts), so each entry point of the package loads
 * the framework its users' app has, with types of that framework. Every other construct file
 * imports the framework from here, never by name (a lint rule holds that).
 */
import { TerraformStack, type TerraformResource } from "cdktf";
import frameworkPackage from "cdktf/package.json" with { type: "json" };
import type { IConstruct } from "constructs";

export * from "cdktf";
// Both frameworks expose custom synthesis only on this deep path (neither has an `exports` map).
export { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer.js";

/**
 * Marks a write-only attribute's value on `resource` where the framework can (cdktn records the
 * feature to check Terraform's version); cdktf 0.21 cannot, and the value passes unchanged. The
 * generated bindings call this instead of the resource's own `markWriteOnlyAttribute`.
 */
export function markWriteOnlyAttribute<T>(resource: TerraformResource, value: T): T {
  const mark = (resource as { markWriteOnlyAttribute?: (v: T) => T }).markWriteOnlyAttribute;
  return typeof mark === "function" ? mark.call(resource, value) : value;
}

/** The framework package this build of the constructs uses: `cdktf` or `cdktn`. */
export const FRAMEWORK_PACKAGE: string = frameworkPackage.name;

/** Its version, as installed in the app. */
export const FRAMEWORK_VERSION: string = frameworkPackage.version;

/** The entry point of cdktf-amazon-ads made for each framework. */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
  cdktf: "cdktf-amazon-ads",
  cdktn: "cdktf-amazon-ads/cdktn",
};

/**
 * The stack holding `scope`, checked to be made with the framework these constructs were built
 * for. Both frameworks mark stacks with the same symbol, so a CDK Terrain stack is found from a
 * cdktf build (and the reverse), then fails later inside the framework with an error about its
 * internals; this says instead which entry point the app needs.
 */
export function stackOf(scope: IConstruct): TerraformStack {
  // Typed as a plain construct: the declared type would make the check below look redundant.
  const stack: IConstruct = TerraformStack.of(scope);
  if (!(stack instanceof TerraformStack)) {
    const entries = Object.entries(ENTRY_POINTS)
      .map(([framework, entry]) => `"${entry}" in a ${framework} app`)
      .join(", ");
    throw new Error(
      `${scope.node.path}: stack ${stack.node.path} was not made with the ${FRAMEWORK_PACKAGE} ` +
        `${FRAMEWORK_VERSION} that ${ENTRY_POINTS[FRAMEWORK_PACKAGE] ?? "cdktf-amazon-ads"} ` +
        "loaded: the app uses another CDK framework, or a second copy of this one. Import the " +
        `constructs from ${entries}, and keep one copy of the framework installed ` +
        "(`npm ls cdktf cdktn` lists them).",
    );
  }
  return stack;
}
