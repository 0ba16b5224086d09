// The provider packages bench:plugin compares: the provider as it ships, and the same provider
// with one part of the host swapped at bundle time for a stand-in with the same exports
// (bench/lib/plugin-*.ts): a maintained library where the host ships its own code, or the former
// hand-written code where the host ships a library. Everything else is the shipped program.
import type { Plugin } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildProviderPackage } from "../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** One package to measure. */
export interface Variant {
  /** Short name for tables. */
  readonly name: string;
  /** The part of the host it replaces and the library involved ("" for the shipped provider). */
  readonly part: string;
  readonly library: string;
  /**
   * What is swapped in: `library` (the host ships its own code for the part) or `own` (the host
   * ships the library; the stand-in is the hand-written code it replaced).
   */
  readonly swappedIn: "library" | "own" | "";
  /** Host module (repository path, .ts) → stand-in module. */
  readonly swap: Readonly<Record<string, string>>;
}

/** The shipped provider and one stand-in per library. */
export const VARIANTS: readonly Variant[] = [
  { name: "shipped", part: "", library: "", swappedIn: "", swap: {} },
  {
    name: "grpc-js",
    part: "gRPC server",
    library: "@grpc/grpc-js",
    swappedIn: "library",
    swap: { "src/plugin/transport/grpc-server.ts": "bench/lib/plugin-grpc-js.ts" },
  },
  {
    name: "msgpack",
    part: "MessagePack bytes",
    library: "@msgpack/msgpack",
    swappedIn: "own",
    swap: { "src/plugin/values/msgpack.ts": "bench/lib/plugin-msgpack-own.ts" },
  },
  {
    name: "x509",
    part: "certificate / DER",
    library: "@peculiar/x509",
    swappedIn: "library",
    swap: { "src/plugin/go-plugin/certificate.ts": "bench/lib/plugin-x509-lib.ts" },
  },
];

/** A built variant: its package directory, executable and bundle size. */
export interface BuiltVariant extends Variant {
  readonly packageDir: string;
  readonly executable: string;
  readonly bundleBytes: number;
}

/** Builds every variant's package into a fresh temporary directory. */
export async function buildVariants(): Promise<BuiltVariant[]> {
  const built: BuiltVariant[] = [];
  for (const variant of VARIANTS) {
    const outDir = mkdtempSync(join(tmpdir(), `bench-plugin-${variant.name}-`));
    const pkg = await buildProviderPackage({
      entry: join(ROOT, "src/provider/main.ts"),
      outDir,
      providerType: PROVIDER_TYPE,
      version: PROVIDER_VERSION,
      rootDir: ROOT,
      plugins: [swapModules(variant.swap)],
    });
    built.push({
      ...variant,
      packageDir: pkg.dir,
      executable: join(pkg.dir, pkg.files.executable),
      bundleBytes: pkg.bundle.bytes,
    });
  }
  return built;
}

// Redirects imports of a host module to its stand-in, except the stand-in's own imports of it.
function swapModules(swap: Readonly<Record<string, string>>): Plugin {
  const targets = new Map(
    Object.entries(swap).map(([from, to]) => [join(ROOT, from), join(ROOT, to)]),
  );
  const names = [...targets.keys()].map((file) => basename(file, ".ts"));
  return {
    name: "swap-host-modules",
    setup(build) {
      if (names.length === 0) return;
      const filter = new RegExp(
        `/(${names.map((n) => n.replace(/[-.]/g, "\\$&")).join("|")})\\.js$`,
      );
      build.onResolve({ filter }, (args) => {
        const file = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        const replacement = targets.get(file);
        if (replacement === undefined || args.importer === replacement) return undefined;
        return { path: replacement };
      });
    },
  };
}
