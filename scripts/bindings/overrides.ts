/**
 * The generated bindings under the project's compiler options: `noImplicitOverride` wants
 * `override` on every member that replaces one of the framework's (`synthesizeAttributes`, the
 * provider's `alias`, …), which the generator never writes. The type checker finds those members;
 * after they get the modifier, any remaining error fails generation.
 */
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { applyEdits } from "./adapt.js";

// "This member must have an 'override' modifier because it overrides a member in the base class"
// (4114), "… an abstract method that is declared in the base class" (4116).
const MISSING_OVERRIDE = new Set([4114, 4116]);

/**
 * `files` (absolute path → text, not yet on disk) with `override` where the compiler asks for it.
 * Compiled with `tsconfig` against the rest of the project as it is on disk.
 */
export function addOverrides(
  files: ReadonlyMap<string, string>,
  tsconfig: string,
): Map<string, string> {
  const options = compilerOptions(tsconfig);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const first = createProgram(files, options, parsed);
  const out = new Map<string, string>();
  for (const [path, text] of files) {
    const source = first.getSourceFile(path)!;
    const positions = first
      .getSemanticDiagnostics(source)
      .filter((d) => MISSING_OVERRIDE.has(d.code))
      .map((d) => d.start!);
    out.set(
      path,
      applyEdits(
        text,
        positions.map((at) => overrideEdit(source, at)),
      ),
    );
  }
  const second = createProgram(out, options, parsed);
  const errors = [...out.keys()].flatMap((path) => [
    ...second.getSyntacticDiagnostics(second.getSourceFile(path)),
    ...second.getSemanticDiagnostics(second.getSourceFile(path)),
  ]);
  if (errors.length > 0) {
    const text = ts.formatDiagnostics(errors, formatHost);
    throw new Error(
      "The generated bindings do not compile under the project's options; adapt them in " +
        `scripts/bindings/adapt.ts:\n${text}`,
    );
  }
  return out;
}

/** Inserts `override` after the accessibility modifier of the member whose name is at `at`. */
function overrideEdit(source: ts.SourceFile, at: number) {
  let member: ts.ClassElement | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isClassElement(node) && node.name && node.name.getStart(source) === at) member = node;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  if (!member) throw new Error(`${source.fileName}: no class member at offset ${at}`);
  const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined;
  const last = modifiers?.[modifiers.length - 1];
  return last
    ? { at: last.end, end: last.end, text: " override" }
    : { at: member.getStart(source), end: member.getStart(source), text: "override " };
}

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.formatDiagnostics([d], formatHost));
      },
    },
  );
  if (!parsed) throw new Error(`${tsconfig} could not be read`);
  return { ...parsed.options, noEmit: true };
}

// `parsed` keeps the files read from disk (the framework's declarations …) for the next program.
function createProgram(
  files: ReadonlyMap<string, string>,
  options: ts.CompilerOptions,
  parsed: Map<string, ts.SourceFile | undefined>,
): ts.Program {
  const host = ts.createCompilerHost(options);
  const overlay = new Map([...files].map(([path, text]) => [resolve(path), text]));
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const text = overlay.get(resolve(name));
    if (text !== undefined) return ts.createSourceFile(name, text, language, true);
    if (!parsed.has(name)) parsed.set(name, getSourceFile.call(host, name, language, ...rest));
    return parsed.get(name);
  };
  host.fileExists = (name) => overlay.has(resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => overlay.get(resolve(name)) ?? readFile.call(host, name);
  host.directoryExists = (name) =>
    [...overlay.keys()].some((path) => path.startsWith(resolve(name) + sep)) ||
    (directoryExists?.call(host, name) ?? ts.sys.directoryExists(name));
  return ts.createProgram({ rootNames: [...overlay.keys()], options, host });
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => "\n",
};

/** The project's tsconfig.json, whose options `npm run typecheck` applies to the bindings. */
export const PROJECT_TSCONFIG = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
