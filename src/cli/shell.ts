/** `export` lines a POSIX shell can `eval`, for `login --print-env`. */

/** Quotes a value for a POSIX shell: single quotes, with embedded single quotes spliced in. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** One `export NAME='value'` line per entry, in order. */
export function exportLines(variables: Readonly<Record<string, string>>): string {
  return Object.entries(variables)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join("");
}
