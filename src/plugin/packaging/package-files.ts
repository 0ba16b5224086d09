/**
 * A provider package: the directory Terraform installs, holding the `sh` shim
 * `terraform-provider-<type>_v<version>`, the JavaScript launcher it runs and the program the
 * launcher compiles, plus one file per package the program loads lazily
 * (`<type>-program.<package>.cjs`, which the launcher checks for). This module only names and
 * checks the three fixed files; building them is `build-package.ts` (which needs esbuild).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The three fixed files of a package, by name. */
export interface PackageFileNames {
  /** The shim Terraform executes: `terraform-provider-<type>_v<version>`. */
  readonly executable: string;
  /**
   * The bundle the shim runs, `<type>-provider.cjs`: the launcher (see `launcher.ts`). Its name
   * must not start with `terraform-provider-<type>`, or Terraform could take it for the
   * executable (it picks the first such name in the folder); nor may the program's.
   */
  readonly bundle: string;
  /** The provider program the launcher reads and compiles: `<type>-program.cjs`. */
  readonly program: string;
}

/** Names the files of the package for provider `providerType` at `version`. */
export function packageFileNames(providerType: string, version: string): PackageFileNames {
  return {
    executable: `terraform-provider-${providerType}_v${version}`,
    bundle: `${providerType}-provider.cjs`,
    program: `${providerType}-program.cjs`,
  };
}

/**
 * Checks that `dir` holds the package of `providerType` at `version` and returns its file names;
 * throws an error that says what is missing otherwise.
 */
export function checkProviderPackage(
  dir: string,
  providerType: string,
  version: string,
): PackageFileNames {
  const files = packageFileNames(providerType, version);
  for (const name of [files.executable, files.bundle, files.program]) {
    if (!existsSync(join(dir, name))) {
      throw new Error(
        `${join(dir, name)} is missing: ${dir} is not a built ${providerType} ${version} provider package.`,
      );
    }
  }
  return files;
}

/**
 * The file of a lazily loaded package beside the program: `demo-program.cjs` + `got` →
 * `demo-program.got.cjs` (never a name Terraform could take for the executable).
 */
export function chunkFileName(programFile: string, packageName: string): string {
  return `${chunkPrefix(programFile)}${packageName.replace(/^@/, "").replace(/\//g, "-")}.cjs`;
}

/** Whether `name` is the file of a lazily loaded package beside `programFile`. */
export function isChunkFile(programFile: string, name: string): boolean {
  return name.startsWith(chunkPrefix(programFile)) && name.endsWith(".cjs");
}

function chunkPrefix(programFile: string): string {
  return `${programFile.replace(/\.cjs$/, "")}.`;
}
