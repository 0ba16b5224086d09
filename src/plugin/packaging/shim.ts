/**
 * The provider's executable: a POSIX `sh` script that runs Node.js on the bundle beside it.
 *
 * Terraform executes `terraform-provider-<type>_v<version>` from the package directory. The shim
 * resolves its own directory (through symbolic links), picks `node` from an override variable or
 * the `PATH` and `exec`s it, so the provider process is Node itself: signals, stdin, stdout,
 * stderr, arguments and environment pass through untouched. When Node is missing it prints ONE
 * line on stdout, which Terraform shows verbatim in its "Unrecognized remote plugin message"
 * error, and exits 1. A Node.js that is too old is refused the same way by the bundle's launcher
 * (`launcher.ts`): asking `node --version` here would start a second node on every start.
 */

/** The lowest Node.js major version the bundle is built for (esbuild target `node20`). */
export const MIN_NODE_MAJOR = 20;

/** How the shim finds and checks Node.js, and what it runs. */
export interface ShimOptions {
  /** Name used at the start of the shim's error line, e.g. `terraform-provider-demo`. */
  readonly programName: string;
  /** File name of the bundle, which must sit in the same directory as the shim. */
  readonly bundleFileName: string;
  /** Environment variable naming a `node` executable to use instead of the one on `PATH`. */
  readonly nodeVariable: string;
  /** Lowest Node.js major version, named in the error when there is none; default {@link MIN_NODE_MAJOR}. */
  readonly minNodeMajor?: number;
}

/** The conventional override variable for a provider type: `demo` → `DEMO_NODE`. */
export function nodeVariableFor(providerType: string): string {
  return `${variablePrefix(providerType)}_NODE`;
}

/** The variable that turns the launcher's code cache off or moves it: `demo` → `DEMO_CODE_CACHE`. */
export function cacheVariableFor(providerType: string): string {
  return `${variablePrefix(providerType)}_CODE_CACHE`;
}

function variablePrefix(providerType: string): string {
  return providerType.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** Renders the shim's text. The result is deterministic: only the options appear in it. */
export function renderShim(options: ShimOptions): string {
  const { programName, bundleFileName, nodeVariable } = options;
  const minMajor = options.minNodeMajor ?? MIN_NODE_MAJOR;
  for (const [label, value] of Object.entries({ programName, bundleFileName, nodeVariable })) {
    if (!/^[A-Za-z0-9._-]+$/.test(value)) {
      throw new Error(`Shim ${label} ${JSON.stringify(value)} must use only A-Z a-z 0-9 . _ -`);
    }
  }
  const fix = `install Node.js ${minMajor} or later, or set ${nodeVariable} to its node executable`;
  // Every line below is plain POSIX sh (dash, busybox, bash, zsh in sh mode). The only command
  // besides node that it may run is readlink, and only when the shim was reached via a link; the
  // PATH is searched with built-ins, so a start forks nothing.
  return `#!/bin/sh
# ${programName}: a Terraform provider written in TypeScript. This script starts Node.js
# (>= ${minMajor}) on ${bundleFileName}, the provider's bundle beside it.
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) case $self in */*) self=\${self%/*}/$link ;; *) self=./$link ;; esac ;;
  esac
done
case $self in
  */*) here=\${self%/*} ;;
  *) here=. ;;
esac
node=\${${nodeVariable}:-}
if [ -z "$node" ]; then
  set -f
  saved_ifs=$IFS
  IFS=:
  for dir in $PATH; do
    if [ -f "\${dir:-.}/node" ] && [ -x "\${dir:-.}/node" ]; then
      node=\${dir:-.}/node
      break
    fi
  done
  IFS=$saved_ifs
  set +f
  if [ -z "$node" ]; then
    echo "${programName}: Node.js >= ${minMajor} is required but no 'node' was found on PATH; ${fix}."
    exit 1
  fi
fi
exec "$node" "$here/${bundleFileName}" "$@"
`;
}
