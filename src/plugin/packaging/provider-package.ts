/**
 * A provider package: the directory Terraform installs, holding the `sh` shim
 * `terraform-provider-<type>_v<version>` and the JavaScript bundle it runs.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleProvider, type BundleResult } from "./bundle.js";
import { h1Hash } from "./dirhash.js";
import { nodeVariableFor, renderShim } from "./shim.js";

/** The two files of a package, by name. */
export interface PackageFileNames {
  /** The shim Terraform executes: `terraform-provider-<type>_v<version>`. */
  readonly executable: string;
  /**
   * The bundle: `<type>-provider.cjs`. Its name must not start with `terraform-provider-<type>`,
   * or Terraform could take it for the executable (it picks the first such name in the folder).
   */
  readonly bundle: string;
}

/** Names the files of the package for provider `providerType` at `version`. */
export function packageFileNames(providerType: string, version: string): PackageFileNames {
  return {
    executable: `terraform-provider-${providerType}_v${version}`,
    bundle: `${providerType}-provider.cjs`,
  };
}

/** What to build. */
export interface BuildPackageOptions {
  /** The provider program's entry module. */
  readonly entry: string;
  /** Directory to write the package into; created if missing, and must hold nothing else. */
  readonly outDir: string;
  /** Provider type name, e.g. `demo` (resources `demo_*`). */
  readonly providerType: string;
  /** Provider version, e.g. `1.2.3`. */
  readonly version: string;
  /** Directory paths in the bundle are relative to; see {@link BundleOptions.rootDir}. */
  readonly rootDir?: string;
  /** Override variable for the node executable; default {@link nodeVariableFor}(`providerType`). */
  readonly nodeVariable?: string;
  /** Minify the bundle; default `true`. */
  readonly minify?: boolean;
}

/** A built package. */
export interface ProviderPackage {
  /** Absolute path of the package directory. */
  readonly dir: string;
  /** File names inside it. */
  readonly files: PackageFileNames;
  /** The package's `h1:` hash, as Terraform will record it. */
  readonly hash: string;
  /** Details of the bundle. */
  readonly bundle: BundleResult;
}

/** Bundles `entry` and writes the shim beside it: a complete, installable provider package. */
export async function buildProviderPackage(options: BuildPackageOptions): Promise<ProviderPackage> {
  const dir = resolve(options.outDir);
  const files = packageFileNames(options.providerType, options.version);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`terraform-provider-${options.providerType}`) && name !== files.bundle) {
      throw new Error(
        `${dir} holds ${name}, which is not part of a ${options.providerType} provider package; ` +
          "choose an empty directory for the package.",
      );
    }
    rmSync(join(dir, name), { force: true });
  }
  const bundle = await bundleProvider({
    entry: options.entry,
    outFile: join(dir, files.bundle),
    ...(options.rootDir !== undefined && { rootDir: options.rootDir }),
    ...(options.minify !== undefined && { minify: options.minify }),
  });
  chmodSync(bundle.outFile, 0o644);
  const shim = join(dir, files.executable);
  writeFileSync(
    shim,
    renderShim({
      programName: `terraform-provider-${options.providerType}`,
      bundleFileName: files.bundle,
      nodeVariable: options.nodeVariable ?? nodeVariableFor(options.providerType),
    }),
  );
  chmodSync(shim, 0o755);
  return { dir, files, hash: h1Hash(dir), bundle };
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
  for (const name of [files.executable, files.bundle]) {
    if (!existsSync(join(dir, name))) {
      throw new Error(
        `${join(dir, name)} is missing: ${dir} is not a built ${providerType} ${version} provider package.`,
      );
    }
  }
  return files;
}
