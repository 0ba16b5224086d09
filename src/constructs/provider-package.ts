/**
 * Finds the `amazonads` provider package that ships inside the installed `cdktf-amazon-ads` npm
 * package (built into `dist/provider-package/` by `npm run build`).
 *
 * It is located from this module's own file, walking up to the `package.json` named
 * `cdktf-amazon-ads`, so it works the same from the compiled `dist/` and from `src/` run by tsx.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkProviderPackage } from "../plugin/packaging/package-files.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../provider/provider-address.js";

/** Where `npm run build` writes the provider package, relative to the npm package's root. */
export const PROVIDER_PACKAGE_PATH = "dist/provider-package";

const PACKAGE_NAME = "cdktf-amazon-ads";

/** The root directory of the installed `cdktf-amazon-ads` package (the one holding package.json). */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME
    ) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(
        `Cannot find the ${PACKAGE_NAME} package above ${from}; reinstall ${PACKAGE_NAME}.`,
      );
    }
  }
}

/**
 * The directory of the built provider package, checked to hold the shim and bundle of this
 * version. Throws an error that says how to build it when it is missing.
 */
export function providerPackageDir(root: string = packageRoot()): string {
  const dir = join(root, PROVIDER_PACKAGE_PATH);
  try {
    checkProviderPackage(dir, PROVIDER_TYPE, PROVIDER_VERSION);
  } catch (error) {
    throw new Error(
      `The ${PROVIDER_TYPE} provider package is missing from ${dir}. In a clone of ` +
        `${PACKAGE_NAME}, run \`npm run build\` (\`npm ci\` does it too); otherwise reinstall ${PACKAGE_NAME}.`,
      { cause: error },
    );
  }
  return dir;
}
