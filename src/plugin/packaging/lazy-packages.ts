/**
 * Which npm packages of a program load only on demand, found from esbuild's metafile.
 *
 * A program behind the launcher reaches some dependencies only through `import()` (the provider
 * loads got and zod on its first request to Amazon). In a single bundle they still cost every
 * start: V8 reads their functions out of the code cache, and the cache grows with them. The
 * bundler gives each such package a file of its own, which the launcher compiles, with a code
 * cache of its own, the first time the program asks for it (`bundle.ts`, `launcher.ts`).
 *
 * A package is lazy when none of its files can be reached from the entry through static imports
 * alone. The lazy packages that the rest of the program imports by name are the ones to split
 * (when that does not make them much larger: `worthSplitting`); their own dependencies go into
 * their files with them.
 */
import type { Metafile } from "esbuild";

/** A lazy package the program imports, and the modules that import it. */
export interface LazyPackage {
  /** The package's name, as imported (`got`, `@scope/name`). */
  readonly name: string;
  /** Files of the program (relative to the build's working directory) that import it. */
  readonly importers: readonly string[];
}

/**
 * The lazy packages that the program imports by name, sorted by name. `entry` is the entry's path
 * as the metafile names it (relative to the build's working directory).
 */
export function findLazyPackages(metafile: Metafile, entry: string): LazyPackage[] {
  const inputs = metafile.inputs;
  const loadedAtStart = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (loadedAtStart.has(file) || !(file in inputs)) continue;
    loadedAtStart.add(file);
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind !== "dynamic-import" && !imported.external) pending.push(imported.path);
    }
  }
  const eager = new Set([...loadedAtStart].map(packageOf).filter(isDefined));
  const isLazy = (name: string | undefined): name is string => !!name && !eager.has(name);

  const importers = new Map<string, Set<string>>();
  const specifiers = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(inputs)) {
    const from = packageOf(file);
    // Inside a lazy package, its imports are its own dependencies: they travel with it.
    if (isLazy(from)) continue;
    for (const imported of input.imports) {
      const name = packageOf(imported.path);
      if (imported.external || !isLazy(name) || name === from) continue;
      importers.set(name, (importers.get(name) ?? new Set()).add(file));
      specifiers.set(name, (specifiers.get(name) ?? new Set()).add(imported.original ?? ""));
    }
  }
  for (const [name, used] of specifiers) {
    const other = [...used].filter((specifier) => specifier !== name);
    if (other.length > 0) {
      throw new Error(
        `The program imports the lazily loaded package ${name} as ${other.join(", ")}: import ` +
          `it by its name only ("${name}"), so that it can load from a file of its own.`,
      );
    }
  }
  return [...importers]
    .map(([name, files]) => ({ name, importers: [...files].sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Whether a lazy package earns a file of its own: `programBytes` is what its modules take in the
 * program, `ownBytes` the size of its file alone. Alone it keeps all its exports, where the
 * program keeps only those it uses; a package that grows by more than a quarter (plus esbuild's
 * few hundred bytes of module helpers) would cost the process that loads it more than the
 * others save, and stays in the program.
 */
export function worthSplitting(programBytes: number, ownBytes: number): boolean {
  return ownBytes <= programBytes * 1.25 + 2048;
}

/**
 * The inputs that two outputs share (each a list of the metafile input paths it holds), for the
 * check that no module is bundled twice.
 */
export function sharedInputs(a: Metafile, b: Metafile): string[] {
  const first = new Set(Object.keys(a.inputs));
  return Object.keys(b.inputs).filter((file) => first.has(file));
}

// The npm package a bundled file belongs to: the name after its last node_modules/.
function packageOf(file: string): string | undefined {
  const parts = file.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const scoped = parts[at + 1]!.startsWith("@");
  return scoped ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
