/**
 * What the bindings change in the ecosystem generator's output, and nothing else (why each, in
 * docs/design/bindings.md):
 * - layout: the folders of `providers/<name>/` and their index, without the READMEs, the CommonJS
 *   `lazy-index.ts` and the ephemeral resources (cdktf 0.21 has no `TerraformEphemeralResource`);
 * - the framework: `import * as cdktn from 'cdktn'` becomes the package's framework module, so the
 *   same source builds for cdktf and cdktn;
 * - the provider class vendors the provider package into its stack (`vendorProvider(this)`);
 * - a map entry's key is quoted in its Terraform reference (the generator leaves it bare);
 * - write-only attributes are marked through the framework module (cdktf 0.21 cannot mark them).
 * `override` modifiers are added by `overrides.ts`, which needs the type checker.
 */
import ts from "typescript";

/** The generator's name for the framework namespace, and ours (see src/constructs/framework.ts). */
const GENERATED_FRAMEWORKS = ["cdktn", "cdktf"];
const FRAMEWORK_ALIAS = "cdktf";

/** Where a binding folder finds the framework module and the vendoring, relative to itself. */
const FRAMEWORK_MODULE = "../../framework.js";
const VENDORING_MODULE = "../../provider-vendoring.js";

/** Kinds of generated folder the bindings leave out: the generator names them by kind. */
const LEFT_OUT = /^ephemeral-/;

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/** Applies edits (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  }
  return out;
}

/**
 * The bindings made of one provider's generated folder (`providers/<name>/`, files by path relative
 * to it), by path relative to the bindings directory.
 */
export function adaptLayout(generated: ReadonlyMap<string, string>): Map<string, string> {
  const folders = new Set<string>();
  const out = new Map<string, string>();
  for (const [path, text] of generated) {
    const match = /^([^/]+)\/index\.ts$/.exec(path);
    if (!match || LEFT_OUT.test(match[1]!)) continue;
    folders.add(match[1]!);
    out.set(path, adaptModule(text, path));
  }
  const index = generated.get("index.ts");
  if (index === undefined) throw new Error("the generator wrote no index.ts");
  const kept = index
    .split("\n")
    .filter((line) => {
      const from = /from '\.\/([^/']+)\//.exec(line);
      return from === null || folders.has(from[1]!);
    })
    .join("\n");
  return new Map([["index.ts", kept], ...[...out].sort(([a], [b]) => a.localeCompare(b))]);
}

function adaptModule(text: string, path: string): string {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const edits: Edit[] = [];
  let alias: string | undefined;
  let importEnd = 0;
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      GENERATED_FRAMEWORKS.includes(statement.moduleSpecifier.text)
    ) {
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamespaceImport(bindings)) {
        throw new Error(
          `${path}: expected \`import * as … from "${statement.moduleSpecifier.text}"\``,
        );
      }
      alias = bindings.name.text;
      importEnd = statement.end;
      edits.push({
        at: statement.getStart(source),
        end: statement.end,
        text: `import * as ${FRAMEWORK_ALIAS} from "${FRAMEWORK_MODULE}";`,
      });
    }
  }
  if (alias === undefined) throw new Error(`${path}: the generated module imports no framework`);
  const visit = (node: ts.Node): void => {
    const qualifier = ts.isPropertyAccessExpression(node)
      ? node.expression
      : ts.isQualifiedName(node)
        ? node.left
        : undefined;
    if (qualifier && ts.isIdentifier(qualifier) && qualifier.text === alias) {
      edits.push({ at: qualifier.getStart(source), end: qualifier.end, text: FRAMEWORK_ALIAS });
    }
    const quoted = quotedMapKey(node, source);
    if (quoted) edits.push(quoted);
    const writeOnly = writeOnlyMark(node, source);
    if (writeOnly) edits.push(writeOnly);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const provider = source.statements.find(
    (s): s is ts.ClassDeclaration =>
      ts.isClassDeclaration(s) &&
      s.heritageClauses?.[0]?.types[0]?.expression.getText(source) === `${alias}.TerraformProvider`,
  );
  if (provider) edits.push(...vendoring(provider, source, importEnd));
  return applyEdits(text, edits);
}

/**
 * A map entry's reference: the generator hands the key to `ComplexObject` as it came, which
 * renders `profiles[DE]` (a reference to nothing in Terraform); the key must be a string literal,
 * `profiles["DE"]`.
 */
function quotedMapKey(node: ts.Node, source: ts.SourceFile): Edit | undefined {
  if (!ts.isCallExpression(node) || node.expression.kind !== ts.SyntaxKind.SuperKeyword) return;
  const key = node.arguments[3];
  if (!key || !ts.isIdentifier(key) || key.text !== "complexObjectKey") return;
  return { at: key.getStart(source), end: key.end, text: "JSON.stringify(complexObjectKey)" };
}

/**
 * cdktn's generator wraps write-only attributes in `this.markWriteOnlyAttribute(…)`, a method
 * cdktf 0.21's resources lack: the framework module's `markWriteOnlyAttribute` calls it where the
 * framework has it.
 */
function writeOnlyMark(node: ts.Node, source: ts.SourceFile): Edit | undefined {
  if (
    !ts.isCallExpression(node) ||
    !ts.isPropertyAccessExpression(node.expression) ||
    node.expression.expression.kind !== ts.SyntaxKind.ThisKeyword ||
    node.expression.name.text !== "markWriteOnlyAttribute"
  ) {
    return;
  }
  return {
    at: node.expression.getStart(source),
    end: node.arguments[0]!.getStart(source),
    text: `${FRAMEWORK_ALIAS}.markWriteOnlyAttribute(this, `,
  };
}

// A stack that declares the provider gets its package at synth: terraform init needs no registry.
function vendoring(
  provider: ts.ClassDeclaration,
  source: ts.SourceFile,
  importEnd: number,
): Edit[] {
  const body = provider.members.find(ts.isConstructorDeclaration)?.body;
  if (!body) throw new Error(`${source.fileName}: the provider class has no constructor`);
  const last = body.statements[body.statements.length - 1]!;
  return [
    {
      at: importEnd,
      end: importEnd,
      text: `\nimport { vendorProvider } from "${VENDORING_MODULE}";`,
    },
    { at: last.end, end: last.end, text: "\n    vendorProvider(this);" },
  ];
}
