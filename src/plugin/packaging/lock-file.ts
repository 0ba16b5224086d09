/**
 * Creates or updates one provider's entry in a Terraform dependency lock file
 * (`.terraform.lock.hcl`), leaving every other entry exactly as it was.
 *
 * The file is machine-written by `terraform init`: a header comment, then one
 * `provider "<address>" { … }` block per provider, sorted by address, each closed by a `}` in
 * column 0. This module relies on that shape instead of parsing HCL in general, and writes its
 * own entry in the layout Terraform itself writes, so a later `terraform init` leaves it alone.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** One provider's entry in the lock file. */
export interface LockEntry {
  /** Fully qualified source address, e.g. `terraform.local/acme/demo` (host included). */
  readonly source: string;
  /** The exact version selected. */
  readonly version: string;
  /** The version constraints from the configuration; `cdktf` requires this line to be present. */
  readonly constraints?: string;
  /** Package checksums, e.g. `["h1:…"]`. Terraform accepts a package matching any of them. */
  readonly hashes: readonly string[];
}

/** What {@link writeLockEntry} did to the file. */
export type LockFileChange = "created" | "added" | "replaced" | "unchanged";

const HEADER =
  '# This file is maintained automatically by "terraform init".\n' +
  "# Manual edits may be lost in future updates.\n";

interface Block {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** Renders an entry the way `terraform init` formats it (aligned `=` for the scalar lines). */
export function renderLockEntry(entry: LockEntry): string {
  const scalars: [string, string][] = [["version", entry.version]];
  if (entry.constraints !== undefined) scalars.push(["constraints", entry.constraints]);
  const width = Math.max(...scalars.map(([key]) => key.length));
  const lines = [`provider ${quote(entry.source)} {`];
  for (const [key, value] of scalars) lines.push(`  ${key.padEnd(width)} = ${quote(value)}`);
  lines.push("  hashes = [", ...entry.hashes.map((hash) => `    ${quote(hash)},`), "  ]", "}");
  return lines.join("\n") + "\n";
}

/**
 * Returns `existing` (a lock file's text, or `undefined` when there is none) with `entry` in
 * place: added in address order when missing, replaced when its version or hashes differ (a stale
 * hash would make `terraform init` refuse the package), untouched otherwise.
 */
export function upsertLockEntry(
  existing: string | undefined,
  entry: LockEntry,
): { text: string; change: LockFileChange } {
  const rendered = renderLockEntry(entry);
  if (existing === undefined || existing.trim() === "") {
    return { text: `${HEADER}\n${rendered}`, change: "created" };
  }
  const blocks = findBlocks(existing);
  const current = blocks.find((block) => block.source === entry.source);
  if (current !== undefined) {
    const body = existing.slice(current.start, current.end);
    if (isUpToDate(body, entry)) return { text: existing, change: "unchanged" };
    const text = existing.slice(0, current.start) + rendered + existing.slice(current.end);
    return { text, change: "replaced" };
  }
  const next = blocks.find((block) => block.source > entry.source);
  if (next !== undefined) {
    const text = existing.slice(0, next.start) + rendered + "\n" + existing.slice(next.start);
    return { text, change: "added" };
  }
  const base = existing.endsWith("\n") ? existing : `${existing}\n`;
  return { text: `${base}\n${rendered}`, change: "added" };
}

/**
 * Creates or updates `entry` in the lock file at `file` and says what changed. Writes nothing
 * when the entry is already up to date.
 */
export function writeLockEntry(file: string, entry: LockEntry): LockFileChange {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const { text, change } = upsertLockEntry(existing, entry);
  if (change !== "unchanged") writeFileSync(file, text);
  return change;
}

/** Locates each `provider "…" {` … `}` block; `end` includes the closing line's newline. */
function findBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const opening = /^provider "((?:[^"\\]|\\.)*)" \{[ \t]*\r?$/gm;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const closing = /^\}[ \t]*(?:\r?\n|$)/gm;
    closing.lastIndex = match.index + match[0].length;
    const close = closing.exec(text);
    if (close === null) {
      throw new Error(
        `The lock file's entry for ${match[1]} has no closing "}"; fix or delete the file and run again.`,
      );
    }
    blocks.push({ source: match[1] ?? "", start: match.index, end: close.index + close[0].length });
    opening.lastIndex = close.index + close[0].length;
  }
  return blocks;
}

function isUpToDate(body: string, entry: LockEntry): boolean {
  const scalar = (key: string): string | undefined =>
    new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, "m").exec(body)?.[1];
  const hashes = [...body.matchAll(/"([a-z0-9]+:[^"]*)"/g)].map((match) => match[1]);
  return (
    scalar("version") === entry.version &&
    scalar("constraints") === entry.constraints &&
    entry.hashes.every((hash) => hashes.includes(hash))
  );
}

function quote(value: string): string {
  return JSON.stringify(value);
}
