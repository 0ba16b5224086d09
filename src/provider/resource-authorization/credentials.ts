/**
 * Reading the credentials file of `amazonads_authorization.credentials_file`, with every problem
 * as a diagnostic on that attribute (the file holds a secret: no message quotes it).
 */
import type { StoredGrant } from "../../amazon-ads/credentials-file.js";
import { attributePath, type Diagnostics, type Severity } from "../../plugin/index.js";

const AT = attributePath("credentials_file");

/** How to read: the client id the grant must belong to, and how serious a missing file is. */
export interface ReadGrantFileOptions {
  /** The provider's client id, when known: a file for another app is an error. */
  readonly clientId: string | undefined;
  /** `error` where the file is needed; `warning` where the state already holds the grant. */
  readonly unreadable: Severity;
  /** Warn when other users may read the file. */
  readonly checkPermissions: boolean;
}

/** The grant in the file, or undefined with a diagnostic saying why it cannot be used. */
export async function readGrantFile(
  path: string,
  diagnostics: Diagnostics,
  options: ReadGrantFileOptions,
): Promise<StoredGrant | undefined> {
  // Loaded on first use: it brings zod, which most provider processes never need.
  const { CredentialsFileError, readCredentialsFile } =
    await import("../../amazon-ads/credentials-file.js");
  let read;
  try {
    read = await readCredentialsFile(path);
  } catch (error) {
    if (!(error instanceof CredentialsFileError)) throw error;
    const add = options.unreadable === "error" ? diagnostics.error : diagnostics.warning;
    add.call(
      diagnostics,
      options.unreadable === "error"
        ? "Cannot use the credentials file"
        : "Cannot read the credentials file; keeping the grant in state",
      error.message,
      AT,
    );
    return undefined;
  }
  if (options.checkPermissions && read.permissionsTooOpen) {
    diagnostics.warning(
      "The credentials file can be read by other users",
      `${path} holds a refresh token but its permissions let other users read it. Run ` +
        `\`chmod 600 ${path}\` (cdktf-amazon-ads login writes it that way).`,
      AT,
    );
  }
  if (options.clientId !== undefined && read.grant.clientId !== options.clientId) {
    diagnostics.error(
      "The credentials file is for another client id",
      `${path} holds a grant for client id ${read.grant.clientId}, but the provider uses ` +
        `${options.clientId}. A refresh token works only with the client id it was issued to: run ` +
        "`cdktf-amazon-ads login` with this provider's client id, or configure the provider with the " +
        "file's client id.",
      AT,
    );
    return undefined;
  }
  return read.grant;
}
