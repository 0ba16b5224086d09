/**
 * `cdktf-amazon-ads install-provider [DIR]`: makes the amazonads provider installable by
 * `terraform init` in a plain-HCL working directory, without a registry or network.
 */
import { Command, InvalidArgumentError } from "commander";
import { existsSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { PROVIDER_PACKAGE_PATH, providerPackageDir } from "../../constructs/provider-package.js";
import {
  installProviderPackage,
  requiredProvidersBlock,
  type InstallResult,
} from "../../plugin/packaging/install.js";
import { DEFAULT_PLATFORMS } from "../../plugin/packaging/mirror.js";
import {
  PROVIDER_HOST,
  PROVIDER_NAMESPACE,
  PROVIDER_SOURCE,
  PROVIDER_TYPE,
  PROVIDER_VERSION,
} from "../../provider/provider-address.js";

/** Where the command writes its report; tests pass their own. */
export interface InstallProviderOutput {
  /** Writes text to standard output. */
  readonly write: (text: string) => void;
}

interface InstallProviderOptions {
  readonly platform?: string[];
  readonly packageDir?: string;
}

const LOCK_CHANGES: Record<InstallResult["lockChange"], string> = {
  created: "created",
  added: "entry added",
  replaced: "entry replaced (the previous hash was for another build)",
  unchanged: "already up to date",
};

const EXAMPLES = `
Examples:
  $ cdktf-amazon-ads install-provider infra/
  $ cd infra && terraform init
      lay the provider into infra/ for the default platforms, then let terraform install it
  $ cdktf-amazon-ads install-provider --platform linux_amd64 --platform darwin_arm64
      only the platforms your machines and CI run on, into the current directory
  $ cdktf-amazon-ads install-provider infra/ --package-dir ./${PROVIDER_PACKAGE_PATH}
      a provider package built from a checkout with \`npm run build\`

Exit codes: 0 installed, 1 failed (DIR or the provider package missing), 2 usage error.
`;

/** Builds the `install-provider` command. */
export function installProviderCommand(
  output: InstallProviderOutput = { write: (text) => void process.stdout.write(text) },
): Command {
  return new Command("install-provider")
    .summary("Lay the amazonads provider into a plain-HCL Terraform working directory.")
    .description(
      `Copies the ${PROVIDER_TYPE} provider (${PROVIDER_SOURCE} ${PROVIDER_VERSION}) into DIR's ` +
        "implied local mirror, terraform.d/plugins/, and records its h1: hash in " +
        "DIR/.terraform.lock.hcl (other providers' entries are kept), so that `terraform init` " +
        "installs it with no registry and no network. Run it again after upgrading cdktf-amazon-ads.",
    )
    .argument("[DIR]", "the Terraform working directory", ".")
    .option(
      "--platform <os_arch...>",
      `platforms to lay out (default: ${DEFAULT_PLATFORMS.join(", ")})`,
      (value: string, previous: string[] | undefined) => {
        if (!/^[a-z0-9]+_[a-z0-9]+$/.test(value)) {
          throw new InvalidArgumentError("expected <os>_<arch>, e.g. linux_amd64.");
        }
        return [...(previous ?? []), value];
      },
    )
    .option(
      "--package-dir <dir>",
      "install the provider package built in <dir> instead of the one shipped with cdktf-amazon-ads",
    )
    .addHelpText("after", EXAMPLES)
    .action((dir: string, options: InstallProviderOptions) => {
      const targetDir = resolve(dir);
      if (!existsSync(targetDir) || !statSync(targetDir).isDirectory()) {
        throw new Error(
          `${targetDir} is not a directory; create it or name an existing Terraform working directory.`,
        );
      }
      const result = installProviderPackage({
        packageDir:
          options.packageDir !== undefined ? resolve(options.packageDir) : providerPackageDir(),
        targetDir,
        host: PROVIDER_HOST,
        namespace: PROVIDER_NAMESPACE,
        type: PROVIDER_TYPE,
        version: PROVIDER_VERSION,
        ...(options.platform !== undefined && { platforms: options.platform }),
      });
      output.write(report(targetDir, result));
    });
}

function report(targetDir: string, result: InstallResult): string {
  const platforms = result.platformDirs.map((dir) => relative(targetDir, dir));
  return [
    `Installed ${result.source} ${PROVIDER_VERSION} into ${targetDir}`,
    ...platforms.map((dir) => `  mirror     ${dir}/`),
    `  lock file  ${relative(targetDir, result.lockFile)}: ${LOCK_CHANGES[result.lockChange]}`,
    `  hash       ${result.hash}`,
    "",
    "Declare the provider in your configuration, then run `terraform init`:",
    "",
    requiredProvidersBlock(PROVIDER_TYPE, result.source, PROVIDER_VERSION),
    "",
    "Terraform runs the provider with Node.js >= 20 from PATH (or $AMAZONADS_NODE).",
    "",
  ].join("\n");
}
