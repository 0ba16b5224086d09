// Builds what the package ships: the compiled library and CLI (tsc → dist/), the same constructs
// for CDK Terrain (→ dist/cdktn/, scripts/build/cdktn-entry.ts), then the provider
// package (esbuild bundle + sh shim → dist/provider-package/) from src/provider/main.ts.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
  {
    cwd: root,
    stdio: "inherit",
  },
);

// The CDK Terrain entry point: the same sources with the framework's module names rewritten.
execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/build/cdktn-entry.ts")], {
  cwd: root,
  stdio: "inherit",
});

// The packaging code is TypeScript too: use what tsc just compiled.
const entry = join(root, "src/provider/main.ts");
const { PROVIDER_PACKAGE_PATH } = await import("../dist/constructs/provider-package.js");
if (existsSync(entry)) {
  const { buildProviderPackage } = await import("../dist/plugin/packaging/build-package.js");
  const { PROVIDER_TYPE, PROVIDER_VERSION } = await import("../dist/provider/provider-address.js");
  const built = await buildProviderPackage({
    entry,
    outDir: join(root, PROVIDER_PACKAGE_PATH),
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    rootDir: root,
  });
  for (const warning of built.bundle.warnings) console.warn(`build: esbuild warning: ${warning}`);
  console.log(
    `build: provider package ${relative(root, built.dir)}/ (bundle ${built.bundle.bytes} bytes, ${built.hash})`,
  );
} else {
  console.log(
    `build: ${relative(root, entry)} does not exist yet; skipped the provider package (${PROVIDER_PACKAGE_PATH}/).`,
  );
}
