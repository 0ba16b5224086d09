/**
 * Terraform's machine-readable diagnostics (`-json`): each one with its severity, texts, and the
 * configuration line it points at, so tests can pin the attribute an error is reported on.
 */
import type { TerraformResult } from "./terraform.js";

/** One diagnostic as `terraform <command> -json` reports it. */
export interface TerraformDiagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail: string;
  /** The resource instance, for diagnostics of a resource operation. */
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
  /** The configuration around the range: the enclosing block's header and the line itself. */
  readonly snippet?: { readonly context: string | null; readonly code: string };
}

/**
 * The diagnostics of a command run with `-json`: the streamed `{"type":"diagnostic"}` lines of
 * plan, apply and destroy, or the one document `validate -json` prints.
 */
export function diagnosticsOf(result: TerraformResult): TerraformDiagnostic[] {
  const text = result.stdout.trim();
  if (text.startsWith("{\n") || text.startsWith('{"format_version"')) {
    try {
      const document = JSON.parse(text) as { diagnostics?: TerraformDiagnostic[] };
      if (document.diagnostics) return document.diagnostics;
    } catch {
      // Not one document: streamed lines.
    }
  }
  return text.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    const entry = JSON.parse(line) as { type?: string; diagnostic?: TerraformDiagnostic };
    return entry.type === "diagnostic" && entry.diagnostic ? [entry.diagnostic] : [];
  });
}

/** Where a diagnostic must point: a block, and optionally one attribute written in it. */
export interface DiagnosticPlace {
  /** The block's header as written: `resource "amazonads_profile" "p"`, `provider "amazonads"`. */
  readonly block: string;
  /** The attribute whose line it points at; undefined for the block itself. */
  readonly attribute?: string;
}

/**
 * Checks that `diagnostic` points at `place`: the line Terraform quotes is the attribute's
 * assignment inside that block (or the block's own header line).
 */
export function pointsAt(diagnostic: TerraformDiagnostic, place: DiagnosticPlace): boolean {
  const snippet = diagnostic.snippet;
  if (!snippet) return false;
  if (place.attribute === undefined) return snippet.code.trim().startsWith(place.block);
  return (
    snippet.context === place.block && new RegExp(`^\\s*${place.attribute}\\s*=`).test(snippet.code)
  );
}

/** How a diagnostic is described in a failure message (severity, summary and where it points). */
export function describeDiagnostic(diagnostic: TerraformDiagnostic): string {
  const where = diagnostic.snippet
    ? ` at ${diagnostic.snippet.context ?? "(top level)"}: ${diagnostic.snippet.code.trim()}`
    : "";
  return `${diagnostic.severity}: ${diagnostic.summary}${where}`;
}

/** Lines that look like a JavaScript or Go stack trace, a panic, or an uncaught exception. */
export function stackTraceLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) =>
      /^\s+at .+:\d+:\d+\)?$|node:internal|^goroutine \d+|panic:|Uncaught|TypeError|ReferenceError/.test(
        line,
      ),
    );
}

/** What a test expects of one diagnostic. */
export interface ExpectedDiagnostic extends DiagnosticPlace {
  readonly severity: "error" | "warning";
  /** The summary, or a part of it. */
  readonly summary: string | RegExp;
  /** Texts the detail must contain: the fix, above all. */
  readonly detail?: readonly (string | RegExp)[];
}

/**
 * The diagnostic of `result` with this severity and summary, after checking that it points at the
 * expected block and attribute, that its detail says what is expected, and that nothing the
 * command printed looks like a stack trace. Throws with every diagnostic found when there is none.
 */
export function expectDiagnostic(
  result: TerraformResult,
  expected: ExpectedDiagnostic,
): TerraformDiagnostic {
  const all = diagnosticsOf(result);
  const matchesSummary = (summary: string) =>
    typeof expected.summary === "string"
      ? summary.includes(expected.summary)
      : expected.summary.test(summary);
  const found = all.find((d) => d.severity === expected.severity && matchesSummary(d.summary));
  if (!found) {
    throw new Error(
      `No ${expected.severity} "${String(expected.summary)}" among the diagnostics:\n` +
        `${all.map(describeDiagnostic).join("\n") || "(none)"}\n\nOutput:\n${result.output}`,
    );
  }
  const place = expected.attribute
    ? `${expected.block}: ${expected.attribute} = …`
    : `${expected.block} itself`;
  // On failure this shows where it points instead of where it should.
  expect(pointsAt(found, expected) ? place : describeDiagnostic(found)).toBe(place);
  for (const text of expected.detail ?? []) {
    if (typeof text === "string") expect(found.detail).toContain(text);
    else expect(found.detail).toMatch(text);
  }
  expect(stackTraceLines(result.output)).toEqual([]);
  return found;
}
