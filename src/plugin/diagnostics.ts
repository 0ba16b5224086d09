/**
 * Diagnostics: errors and warnings a handler reports to the user, optionally on an attribute.
 *
 * Handlers add diagnostics to their response instead of throwing; the framework turns uncaught
 * exceptions into a short error diagnostic as well, so nothing is thrown across the wire.
 */
import type { AttributePath } from "./path.js";

/** How serious a diagnostic is: an error stops Terraform, a warning is shown and ignored. */
export type Severity = "error" | "warning";

/** One message for the user. */
export interface Diagnostic {
  /** Error or warning. */
  readonly severity: Severity;
  /** One line saying what happened. */
  readonly summary: string;
  /** What it means and what to do about it. */
  readonly detail: string;
  /** The attribute the message is about; Terraform then points at it in the configuration. */
  readonly attribute?: AttributePath;
}

/** A list of diagnostics collected while handling one request. */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  /** Adds an error. */
  error(summary: string, detail = "", attribute?: AttributePath): void {
    this.items.push({ severity: "error", summary, detail, ...(attribute ? { attribute } : {}) });
  }

  /** Adds a warning. */
  warning(summary: string, detail = "", attribute?: AttributePath): void {
    this.items.push({ severity: "warning", summary, detail, ...(attribute ? { attribute } : {}) });
  }

  /** Adds diagnostics made elsewhere. */
  append(...diagnostics: readonly Diagnostic[]): void {
    this.items.push(...diagnostics);
  }

  /** True when at least one error was added. */
  hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  /** Every diagnostic, in the order added. */
  all(): readonly Diagnostic[] {
    return this.items;
  }
}
