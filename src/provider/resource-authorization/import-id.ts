/**
 * Import ids of `amazonads_authorization`: where to read the refresh token from, never the token
 * itself (a command-line argument ends up in shell history and process lists).
 */

/** Where an imported grant's refresh token is read from. */
export type ImportSource =
  | { readonly kind: "env"; readonly variable: string }
  | { readonly kind: "file"; readonly path: string };

/** Parsed import id, or the reason it is not one (a message that never repeats the id). */
export type ParsedImportId = ImportSource | { readonly kind: "invalid"; readonly reason: string };

const FORMS =
  "Use `env:VARNAME` to read the refresh token from an environment variable of the terraform " +
  "process (e.g. `AMAZON_ADS_REFRESH_TOKEN=… terraform import amazonads_authorization.grant " +
  "env:AMAZON_ADS_REFRESH_TOKEN`), or `file:/path/to/credentials.json` for a credentials file " +
  "written by `cdktf-amazon-ads login`.";

/** Reads `env:VARNAME` or `file:PATH`. */
export function parseImportId(id: string): ParsedImportId {
  const trimmed = id.trim();
  if (trimmed.startsWith("env:")) {
    const variable = trimmed.slice(4);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      return { kind: "invalid", reason: `After env: comes an environment variable name. ${FORMS}` };
    }
    return { kind: "env", variable };
  }
  if (trimmed.startsWith("file:")) {
    const path = trimmed.slice(5);
    if (path === "") return { kind: "invalid", reason: `After file: comes a path. ${FORMS}` };
    return { kind: "file", path };
  }
  const looksLikeToken = /^Atz[ra]\|/.test(trimmed) || trimmed.length > 100;
  return {
    kind: "invalid",
    reason:
      (looksLikeToken
        ? "The import id looks like a token. Never pass a refresh token on the command line: " +
          "it stays in your shell history and shows in process lists. "
        : "The import id says where to read the grant's refresh token from, not the token itself. ") +
      FORMS,
  };
}
