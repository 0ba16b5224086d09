/**
 * Builds a provider package (see `package-files.ts`): bundles the program and its launcher with
 * esbuild and writes the shim beside them. Build-time only: esbuild is a development dependency.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleProvider, type BundleOptions, type BundleResult } from "./bundle.js";
import { h1Hash } from "./dirhash.js";
import { isChunkFile, packageFileNames, type PackageFileNames } from "./package-files.js";
import { cacheVariableFor, nodeVariableFor, renderShim } from "./shim.js";

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
  /** Directory that paths in the bundle are relative to; see `BundleOptions.rootDir`. */
  readonly rootDir?: string;
  /** Override variable for the node executable; default {@link nodeVariableFor}(`providerType`). */
  readonly nodeVariable?: string;
  /** Minify the bundle; default `true`. */
  readonly minify?: boolean;
  /** Variable that turns the code cache off or moves it; default {@link cacheVariableFor}. */
  readonly cacheVariable?: string;
  /** esbuild plugins for the program; see `BundleOptions.plugins`. */
  readonly plugins?: BundleOptions["plugins"];
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

/** Bundles `entry` behind its launcher and writes the shim beside them: an installable package. */
export async function buildProviderPackage(options: BuildPackageOptions): Promise<ProviderPackage> {
  const dir = resolve(options.outDir);
  const files = packageFileNames(options.providerType, options.version);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const ours =
      name === files.bundle || name === files.program || isChunkFile(files.program, name);
    if (!name.startsWith(`terraform-provider-${options.providerType}`) && !ours) {
      throw new Error(
        `${dir} holds ${name}, which is not part of a ${options.providerType} provider package; ` +
          "choose an empty directory for the package.",
      );
    }
    rmSync(join(dir, name), { force: true });
  }
  const programName = `terraform-provider-${options.providerType}`;
  const nodeVariable = options.nodeVariable ?? nodeVariableFor(options.providerType);
  const bundle = await bundleProvider({
    entry: options.entry,
    outFile: join(dir, files.bundle),
    launcher: {
      programName,
      nodeVariable,
      cacheVariable: options.cacheVariable ?? cacheVariableFor(options.providerType),
      programFile: files.program,
    },
    ...(options.rootDir !== undefined && { rootDir: options.rootDir }),
    ...(options.minify !== undefined && { minify: options.minify }),
    ...(options.plugins !== undefined && { plugins: options.plugins }),
  });
  chmodSync(bundle.outFile, 0o644);
  for (const file of [join(dir, files.program), ...(bundle.chunkFiles ?? [])])
    chmodSync(file, 0o644);
  const shim = join(dir, files.executable);
  writeFileSync(shim, renderShim({ programName, bundleFileName: files.bundle, nodeVariable }));
  chmodSync(shim, 0o755);
  return { dir, files, hash: h1Hash(dir), bundle };
}
