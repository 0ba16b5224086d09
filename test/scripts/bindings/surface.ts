/**
 * The public surface of a set of bindings, read with the TypeScript compiler from the index that
 * exports them: for each namespace of the index, each export with its kind, base types and every
 * public or protected member with its type as the checker infers it. Framework namespaces are
 * left out of type names, so that bindings built on cdktf and on cdktn compare equal.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Namespace → export name → lines describing the export and its members, sorted. */
export type Surface = Record<string, Record<string, string[]>>;

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

// Generated bindings outside the repository find the frameworks in its node_modules.
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
  types: [],
  paths: Object.fromEntries(
    ["cdktf", "cdktn", "constructs"].map((name) => [name, [join(ROOT, "node_modules", name)]]),
  ),
};

/** The surfaces of the bindings exported (as namespaces) by each of `indexFiles`, in one program. */
export function bindingsSurfaces(indexFiles: readonly string[]): Surface[] {
  const program = ts.createProgram(indexFiles, OPTIONS);
  const checker = program.getTypeChecker();
  return indexFiles.map((indexFile) => {
    const index = program.getSourceFile(indexFile);
    if (!index) throw new Error(`${indexFile} could not be read`);
    const surface: Surface = {};
    for (const namespace of checker.getExportsOfModule(checker.getSymbolAtLocation(index)!)) {
      const module = checker.getAliasedSymbol(namespace);
      surface[namespace.name] = Object.fromEntries(
        checker
          .getExportsOfModule(module)
          .map((symbol) => [symbol.name, describeExport(checker, symbol)] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return surface;
  });
}

function describeExport(checker: ts.TypeChecker, symbol: ts.Symbol): string[] {
  const declaration = symbol.declarations?.[0];
  if (!declaration) throw new Error(`${symbol.name} has no declaration`);
  const text = (type: ts.Type) => typeText(checker, type, declaration);
  if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) {
    const kind = ts.isClassDeclaration(declaration) ? "class" : "interface";
    const instance = checker.getDeclaredTypeOfSymbol(symbol) as ts.InterfaceType;
    const bases = (checker.getBaseTypes(instance) ?? []).map(text).join(", ");
    const lines = [`${kind}${bases ? ` extends ${bases}` : ""}`];
    for (const member of declaration.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
      const line = describeMember(checker, member);
      if (line !== undefined) lines.push(line);
    }
    return [lines[0]!, ...lines.slice(1).sort()];
  }
  if (ts.isFunctionDeclaration(declaration)) {
    return [`function ${text(checker.getTypeOfSymbolAtLocation(symbol, declaration))}`];
  }
  throw new Error(`${symbol.name}: an export of kind ${ts.SyntaxKind[declaration.kind]}`);
}

/** One member as `[static] [protected] kind name[?]: type`, or undefined when it is private. */
function describeMember(
  checker: ts.TypeChecker,
  member: ts.ClassElement | ts.TypeElement,
): string | undefined {
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  if (flags & ts.ModifierFlags.Private) return undefined;
  if (member.name && ts.isPrivateIdentifier(member.name)) return undefined;
  const words = [
    ...(flags & ts.ModifierFlags.Static ? ["static"] : []),
    ...(flags & ts.ModifierFlags.Protected ? ["protected"] : []),
    ...(flags & ts.ModifierFlags.Readonly ? ["readonly"] : []),
  ];
  const text = (type: ts.Type) => typeText(checker, type, member);
  const signature = (node: ts.SignatureDeclaration) =>
    normalize(checker.signatureToString(checker.getSignatureFromDeclaration(node)!, member));
  const name = member.name ? member.name.getText() : "";
  const optional = "questionToken" in member && member.questionToken ? "?" : "";
  if (ts.isConstructorDeclaration(member))
    return [...words, `constructor${signature(member)}`].join(" ");
  if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) {
    return [...words, `method ${name}${optional}${signature(member)}`].join(" ");
  }
  if (ts.isGetAccessorDeclaration(member)) {
    return [
      ...words,
      `get ${name}: ${text(checker.getReturnTypeOfSignature(checker.getSignatureFromDeclaration(member)!))}`,
    ].join(" ");
  }
  if (ts.isSetAccessorDeclaration(member)) {
    return [...words, `set ${name}${signature(member)}`].join(" ");
  }
  if (ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) {
    const symbol = checker.getSymbolAtLocation(member.name);
    return [
      ...words,
      `property ${name}${optional}: ${text(checker.getTypeOfSymbolAtLocation(symbol!, member))}`,
    ].join(" ");
  }
  if (ts.isIndexSignatureDeclaration(member)) return `index ${member.getText()}`;
  throw new Error(`a member of kind ${ts.SyntaxKind[member.kind]}`);
}

function typeText(checker: ts.TypeChecker, type: ts.Type, where: ts.Node): string {
  return normalize(checker.typeToString(type, where, ts.TypeFormatFlags.NoTruncation));
}

// `cdktn.IResolvable` and `cdktf.IResolvable` are the same name to a user of either framework.
function normalize(text: string): string {
  return text.replace(/\b(cdktf|cdktn)\./g, "");
}
