/**
 * The credentials file that `cdktf-amazon-ads login` writes and the provider, the constructs and the
 * other commands read: one authorization grant (the refresh token and what it belongs to).
 *
 * It holds a long-lived secret, so it is written atomically with mode 0600 in a 0700 directory, and
 * nothing here ever puts its content into an error message.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import * as z from "zod";
import { REGIONS, type Region } from "./regions.js";

/** Environment variable naming a credentials file to use instead of the default location. */
export const CREDENTIALS_FILE_ENV = "AMAZON_ADS_CREDENTIALS_FILE";

/** One authorization grant as stored on disk. */
export interface StoredGrant {
  /** The LwA client id the grant was made for. */
  readonly clientId: string;
  /** The region whose consent page and token endpoint made the grant. */
  readonly region: Region;
  /** The scopes the user consented to. */
  readonly scopes: readonly string[];
  /** The grant's refresh token (secret). */
  readonly refreshToken: string;
  /** When the user consented (ISO 8601); Amazon does not return it, so we record it. */
  readonly grantedAt: string;
  /** The redirect URI used for consent, kept for re-authorization. */
  readonly redirectUri?: string;
}

/** Why a credentials file could not be used. */
export type CredentialsFileProblem = "NOT_FOUND" | "UNREADABLE" | "MALFORMED";

/** A credentials file that is missing, unreadable or not one of ours. Never quotes the file. */
export class CredentialsFileError extends Error {
  override readonly name = "CredentialsFileError";

  /**
   * @param problem - stable machine code
   * @param path - the file concerned (a path, not a secret)
   * @param message - what happened and what to do
   */
  constructor(
    readonly problem: CredentialsFileProblem,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** What reading a credentials file found, with a permission check the caller can warn about. */
export interface ReadCredentials {
  /** The stored grant. */
  readonly grant: StoredGrant;
  /** True when group or others may read the file (it should be 0600). */
  readonly permissionsTooOpen: boolean;
}

const fileSchema = z.object({
  version: z.literal(1),
  client_id: z.string().min(1),
  region: z.enum(REGIONS as [Region, ...Region[]]),
  scopes: z.array(z.string()),
  refresh_token: z.string().min(1),
  granted_at: z.string().min(1),
  redirect_uri: z.string().optional(),
});

/**
 * Where the credentials file lives when no path is given: `$AMAZON_ADS_CREDENTIALS_FILE`, else
 * `credentials.json` in the user's configuration directory for this tool
 * (`$XDG_CONFIG_HOME/cdktf-amazon-ads`, `~/.config/cdktf-amazon-ads`, or `%APPDATA%` on Windows).
 */
export function defaultCredentialsPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env[CREDENTIALS_FILE_ENV];
  if (explicit) return explicit;
  const base =
    platform === "win32"
      ? (env.APPDATA ?? join(home, "AppData", "Roaming"))
      : (env.XDG_CONFIG_HOME ?? join(home, ".config"));
  return join(base, "cdktf-amazon-ads", "credentials.json");
}

/**
 * Writes a grant atomically: a private temporary file in the same directory, flushed, then renamed
 * over the target, so a reader never sees half a file and the secret is never world-readable.
 */
export async function writeCredentialsFile(path: string, grant: StoredGrant): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const body = JSON.stringify(
    {
      version: 1,
      client_id: grant.clientId,
      region: grant.region,
      scopes: grant.scopes,
      refresh_token: grant.refreshToken,
      granted_at: grant.grantedAt,
      ...(grant.redirectUri === undefined ? {} : { redirect_uri: grant.redirectUri }),
    },
    null,
    2,
  );
  const temporary = join(dir, `.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${body}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // The mode given to open() is reduced by the umask; make sure it is exactly 0600.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads and validates a credentials file written by `cdktf-amazon-ads login`. */
export async function readCredentialsFile(path: string): Promise<ReadCredentials> {
  let text: string;
  let mode: number;
  try {
    [text, mode] = await Promise.all([readFile(path, "utf8"), stat(path).then((s) => s.mode)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new CredentialsFileError(
        "NOT_FOUND",
        path,
        `No credentials file at ${path}. Run \`cdktf-amazon-ads login\` to create one, or point ${CREDENTIALS_FILE_ENV} at yours.`,
      );
    }
    throw new CredentialsFileError(
      "UNREADABLE",
      path,
      `Cannot read the credentials file ${path} (${code ?? "unknown error"}). Check its owner and permissions.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    // Name the offending fields, never their values: the file holds a secret.
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(file)"))];
    throw new CredentialsFileError(
      "MALFORMED",
      path,
      `The credentials file ${path} is not one written by \`cdktf-amazon-ads login\` (problem with: ${fields.join(", ")}). Run \`cdktf-amazon-ads login\` again to rewrite it.`,
    );
  }
  const f = parsed.data;
  return {
    grant: {
      clientId: f.client_id,
      region: f.region,
      scopes: f.scopes,
      refreshToken: f.refresh_token,
      grantedAt: f.granted_at,
      ...(f.redirect_uri === undefined ? {} : { redirectUri: f.redirect_uri }),
    },
    permissionsTooOpen: process.platform !== "win32" && (mode & 0o077) !== 0,
  };
}
