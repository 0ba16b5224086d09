/**
 * Lays a provider package into Terraform's implied local mirror, `terraform.d/plugins/` of a
 * working directory, where `terraform init` finds it without any network or CLI configuration:
 * `terraform.d/plugins/<host>/<namespace>/<type>/<version>/<os>_<arch>/<package files>`.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { h1Hash } from "./dirhash.js";
import { checkProviderPackage } from "./package-files.js";

/**
 * The platforms a JavaScript package serves (the same files work on each); Windows is absent
 * because the executable is a `sh` script.
 */
export const DEFAULT_PLATFORMS: readonly string[] = [
  "darwin_amd64",
  "darwin_arm64",
  "linux_amd64",
  "linux_arm64",
];

/** Where a provider's address and version place it. */
export interface ProviderCoordinates {
  /** Source host, e.g. `terraform.local`. */
  readonly host: string;
  /** Source namespace, e.g. `acme`. */
  readonly namespace: string;
  /** Provider type, e.g. `demo`. */
  readonly type: string;
  /** Exact version, e.g. `1.2.3`. */
  readonly version: string;
}

/** What to lay out, and where. */
export interface MirrorOptions extends ProviderCoordinates {
  /** A built package directory (see `buildProviderPackage`). */
  readonly packageDir: string;
  /** The Terraform working directory that receives `terraform.d/`. */
  readonly targetDir: string;
  /** `<os>_<arch>` directories to fill; default {@link DEFAULT_PLATFORMS}. */
  readonly platforms?: readonly string[];
}

/** The laid-out mirror. */
export interface MirrorResult {
  /** The package's `h1:` hash, identical for every platform directory. */
  readonly hash: string;
  /** Absolute paths of the `<os>_<arch>` directories written. */
  readonly platformDirs: readonly string[];
}

/** `terraform.d/plugins/<host>/<namespace>/<type>/<version>`, relative to a working directory. */
export function mirrorVersionPath(provider: ProviderCoordinates): string {
  return [
    "terraform.d",
    "plugins",
    provider.host,
    provider.namespace,
    provider.type,
    provider.version,
  ].join("/");
}

/**
 * Copies the package into one directory per platform, replacing what a previous run left there
 * (an extra file would change the hash), with mode 0755 for the executable and 0644 otherwise.
 */
export function layMirror(options: MirrorOptions): MirrorResult {
  const files = checkProviderPackage(options.packageDir, options.type, options.version);
  const names = readdirSync(options.packageDir);
  const platformDirs: string[] = [];
  for (const platform of options.platforms ?? DEFAULT_PLATFORMS) {
    if (!/^[a-z0-9]+_[a-z0-9]+$/.test(platform)) {
      throw new Error(
        `Platform ${JSON.stringify(platform)} is not of the form <os>_<arch>, e.g. linux_amd64.`,
      );
    }
    const dir = join(options.targetDir, mirrorVersionPath(options), platform);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of names) {
      copyFileSync(join(options.packageDir, name), join(dir, name));
      chmodSync(join(dir, name), name === files.executable ? 0o755 : 0o644);
    }
    platformDirs.push(dir);
  }
  return { hash: h1Hash(options.packageDir), platformDirs };
}
