/**
 * A grant given to a data or ephemeral object as either `refresh_token` or `credentials_file` (the
 * file `cdktf-amazon-ads login` writes): the check that exactly one is set, and the refresh token
 * it yields, with Amazon's refusals reported on the attribute the grant came from.
 */
import { attributePath, isUnknown, type AttributePath, type Diagnostics } from "../plugin/index.js";
import { readGrantFile } from "./resource-authorization/credentials.js";

/** The two attributes a grant may come from, as validation sees them (a string, null or unknown). */
export interface GrantSourceConfig {
  readonly refresh_token: unknown;
  readonly credentials_file: unknown;
}

/** The summary of the error for a missing grant, unless the caller names its own. */
const NO_GRANT = "No grant given";

/**
 * Adds an error unless exactly one of `refresh_token` and `credentials_file` is set. `purpose`
 * begins the details ("Listing Ads accounts uses one grant …").
 */
export function checkGrantSource(
  config: GrantSourceConfig,
  diagnostics: Diagnostics,
  purpose: string,
  noGrant = NO_GRANT,
): void {
  const { refresh_token: token, credentials_file: file } = config;
  if (token !== null && file !== null && !isUnknown(token) && !isUnknown(file)) {
    diagnostics.error(
      "Give only one of refresh_token and credentials_file",
      `${purpose} uses one grant: keep the refresh token or the credentials file it should come ` +
        "from, and remove the other.",
      attributePath("credentials_file"),
    );
  } else if (token === null && file === null) {
    diagnostics.error(
      noGrant,
      `${purpose} needs a grant: set refresh_token (e.g. amazonads_authorization.<name>.refresh_token ` +
        "or an ephemeral variable) or credentials_file (the file `cdktf-amazon-ads login` writes).",
    );
  }
}

/** Where a grant came from, for diagnostics, and its refresh token. */
export interface ResolvedGrant {
  readonly refreshToken: string;
  readonly attribute: AttributePath;
}

/**
 * The refresh token of the configured grant: the attribute's value, or the file's grant (which
 * must be for `clientId`). Undefined when it cannot be had, with the error already added.
 */
export async function resolveGrantSource(
  config: { readonly refresh_token: string | null; readonly credentials_file: string | null },
  clientId: string,
  diagnostics: Diagnostics,
  noGrant = NO_GRANT,
): Promise<ResolvedGrant | undefined> {
  const path = config.credentials_file;
  if (path === null) {
    if (config.refresh_token !== null) {
      return { refreshToken: config.refresh_token, attribute: attributePath("refresh_token") };
    }
  } else {
    const grant = await readGrantFile(path, diagnostics, {
      clientId,
      unreadable: "error",
      checkPermissions: true,
    });
    if (grant)
      return { refreshToken: grant.refreshToken, attribute: attributePath("credentials_file") };
  }
  // An unreadable file has its diagnostic already; validation reports a missing source.
  if (!diagnostics.hasErrors()) {
    diagnostics.error(noGrant, "Set refresh_token or credentials_file.");
  }
  return undefined;
}
