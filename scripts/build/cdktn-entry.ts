/**
 * Emits the CDK Terrain entry point of the package, `dist/cdktn/`, from the same sources as the
 * cdktf one in `dist/` (see src/constructs/framework.ts for why there are two).
 *
 * The TypeScript compiler runs again over `src/index.ts` with a transformer that rewrites module
 * names, in the JavaScript and in the declarations:
 * - `cdktf` and `cdktf/…` become `cdktn` and `cdktn/…`, in the framework module only; any other
 *   file naming the framework fails the build, so the rule "one framework module" cannot erode;
 * - only the files that reach the framework module (the constructs and the package's index) are
 *   emitted again; their imports of everything else (regions, provider packaging, identity) are
 *   pointed back at the one copy in `dist/`, so `dist/cdktn/` holds no second copy of them.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** Where the framework's name may appear in source. */
const FRAMEWORK_MODULE = join("src", "constructs", "framework.ts");
const FROM = "cdktf";
const TO = "cdktn";

/** What {@link emitCdktnEntry} wrote. */
export interface CdktnEntry {
  /** Files written, relative to the repository root. */
  readonly files: readonly string[];
}

/** Compiles `src/index.ts` and what depends on the framework into `<root>/dist/cdktn/`. */
export function emitCdktnEntry(root: string): CdktnEntry {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.build.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) },
  );
  if (!config) throw new Error("tsconfig.build.json could not be read");
  // Source maps would point one directory too high from dist/cdktn/; the sources do not ship.
  const options: ts.CompilerOptions = {
    ...config.options,
    sourceMap: false,
    declarationMap: false,
  };
  const program = ts.createProgram([join(root, "src", "index.ts")], options);
  const errors = ts.getPreEmitDiagnostics(program);
  if (errors.length > 0) fail(errors);

  const srcDir = resolve(root, "src");
  const distDir = resolve(root, "dist");
  const outDir = join(distDir, "cdktn");
  const sources = program.getSourceFiles().filter((f) => isUnder(resolve(f.fileName), srcDir));
  const imports = new Map(sources.map((f) => [resolve(f.fileName), localImports(f, options)]));
  const framework = resolve(root, FRAMEWORK_MODULE);
  const flavoured = dependents(imports, framework);
  // A file naming the framework itself would be shared, unflavoured, by both entry points.
  for (const source of sources) {
    const file = resolve(source.fileName);
    const named = moduleSpecifiers(source).find((s) => s === FROM || s.startsWith(`${FROM}/`));
    if (named !== undefined && file !== framework) frameworkNamed(root, file, named);
  }

  const rewrite = (file: string, specifier: string): string => {
    if (specifier === FROM || specifier.startsWith(`${FROM}/`)) {
      if (file !== framework) frameworkNamed(root, file, specifier);
      return TO + specifier.slice(FROM.length);
    }
    const target = imports.get(file)?.get(specifier);
    if (target === undefined || flavoured.has(target)) return specifier;
    // A module outside the framework's reach: point at its one copy in dist/.
    const from = dirname(outputOf(file, srcDir, outDir));
    const to = outputOf(target, srcDir, distDir);
    const path = relative(from, to).split(sep).join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };

  const files: string[] = [];
  const writeFile: ts.WriteFileCallback = (name, text) => {
    // The compiler names files under dist/; the flavoured copy goes under dist/cdktn/.
    const target = join(outDir, relative(distDir, name));
    ts.sys.writeFile(target, text);
    files.push(relative(root, target));
  };
  const transformer = specifierRewriter(rewrite);
  for (const file of flavoured) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const result = program.emit(source, writeFile, undefined, false, {
      before: [transformer],
      afterDeclarations: [transformer as ts.TransformerFactory<ts.SourceFile | ts.Bundle>],
    });
    if (result.diagnostics.length > 0) fail(result.diagnostics);
  }
  return { files: files.sort() };
}

/** The relative imports and exports of `file`, each mapped to the source file it resolves to. */
function localImports(file: ts.SourceFile, options: ts.CompilerOptions): Map<string, string> {
  const found = new Map<string, string>();
  for (const specifier of moduleSpecifiers(file)) {
    const resolved = ts.resolveModuleName(specifier, file.fileName, options, ts.sys, undefined);
    const target = resolved.resolvedModule?.resolvedFileName;
    if (target && !resolved.resolvedModule?.isExternalLibraryImport) {
      found.set(specifier, resolve(target));
    }
  }
  return found;
}

function moduleSpecifiers(file: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** Every file that imports `target`, directly or through others, and `target` itself. */
function dependents(imports: ReadonlyMap<string, ReadonlyMap<string, string>>, target: string) {
  const reached = new Set([target]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [file, targets] of imports) {
      if (!reached.has(file) && [...targets.values()].some((t) => reached.has(t))) {
        reached.add(file);
        grew = true;
      }
    }
  }
  return reached;
}

/** A transformer that passes each import/export specifier (and `import("…")` type) through `rewrite`. */
function specifierRewriter(
  rewrite: (file: string, specifier: string) => string,
): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const file = resolve(sourceFile.fileName);
    const { factory } = context;
    const literal = (node: ts.Expression): ts.Expression =>
      ts.isStringLiteral(node) ? factory.createStringLiteral(rewrite(file, node.text)) : node;
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        return factory.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          literal(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          literal(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const argument = node.argument.literal;
        if (ts.isStringLiteral(argument)) {
          return factory.updateImportTypeNode(
            node,
            factory.updateLiteralTypeNode(
              node.argument,
              factory.createStringLiteral(rewrite(file, argument.text)),
            ),
            node.attributes,
            node.qualifier,
            node.typeArguments,
            node.isTypeOf,
          );
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit) as ts.SourceFile;
  };
}

function frameworkNamed(root: string, file: string, specifier: string): never {
  throw new Error(
    `${relative(root, file)} imports "${specifier}": only ${FRAMEWORK_MODULE} may name the CDK ` +
      "framework; import what you need from it.",
  );
}

function outputOf(source: string, srcDir: string, outDir: string): string {
  return join(outDir, relative(srcDir, source)).replace(/\.ts$/, ".js");
}

function isUnder(file: string, dir: string): boolean {
  return file.startsWith(dir + sep);
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  throw new Error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => "\n",
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");
  const { files } = emitCdktnEntry(root);
  console.log(`build: CDK Terrain entry dist/cdktn/ (${files.length} files)`);
}
