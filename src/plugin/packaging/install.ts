/**
 * Installs a provider package into a Terraform working directory without a registry: the
 * implied local mirror plus a matching entry in the dependency lock file.
 */
import { join } from "node:path";
import { writeLockEntry, type LockFileChange } from "./lock-file.js";
import { layMirror, type MirrorOptions } from "./mirror.js";

/** What to install, and where. */
export interface InstallOptions extends MirrorOptions {
  /** The `constraints` line of the lock entry; default: the exact version. */
  readonly constraints?: string;
}

/** What {@link installProviderPackage} did. */
export interface InstallResult {
  /** The source address, `<host>/<namespace>/<type>`. */
  readonly source: string;
  /** The package's `h1:` hash, now in the lock file. */
  readonly hash: string;
  /** The `<os>_<arch>` directories written. */
  readonly platformDirs: readonly string[];
  /** Path of the lock file. */
  readonly lockFile: string;
  /** How the lock file changed. */
  readonly lockChange: LockFileChange;
}

/**
 * Lays the package into `targetDir/terraform.d/plugins/…` and records its hash in
 * `targetDir/.terraform.lock.hcl`, keeping the other providers' entries.
 */
export function installProviderPackage(options: InstallOptions): InstallResult {
  const { hash, platformDirs } = layMirror(options);
  const source = `${options.host}/${options.namespace}/${options.type}`;
  const lockFile = join(options.targetDir, ".terraform.lock.hcl");
  const lockChange = writeLockEntry(lockFile, {
    source,
    version: options.version,
    constraints: options.constraints ?? options.version,
    hashes: [hash],
  });
  return { source, hash, platformDirs, lockFile, lockChange };
}

/** The `terraform { required_providers { … } }` block a configuration needs for the provider. */
export function requiredProvidersBlock(localName: string, source: string, version: string): string {
  return [
    "terraform {",
    "  required_providers {",
    `    ${localName} = {`,
    `      source  = ${JSON.stringify(source)}`,
    `      version = ${JSON.stringify(version)}`,
    "    }",
    "  }",
    "}",
  ].join("\n");
}
