// The amazonads provider package built from a given entry into a scratch directory, as
// `npm run build` builds the shipped one (shim, launcher, minified bundle).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildProviderPackage,
  type ProviderPackage,
} from "../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Builds the package of `entry` (default src/provider/main.ts) into `<dir>/package`. */
export function buildAmazonadsPackage(
  dir: string,
  entry: string = join(root, "src/provider/main.ts"),
): Promise<ProviderPackage> {
  return buildProviderPackage({
    entry,
    outDir: join(dir, "package"),
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    rootDir: root,
  });
}
