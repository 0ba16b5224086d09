/**
 * `login --renew`: a new consent for the grant a credentials file already holds. The file says
 * whose grant it is (client id, region, redirect URI, scopes); the renewal asks for the same, and
 * the new grant is written over the old one in the same file. A deploy then replaces the grant.
 */
import { resolve } from "node:path";
import {
  CredentialsFileError,
  defaultCredentialsPath,
  readCredentialsFile,
  type StoredGrant,
} from "../../amazon-ads/credentials-file.js";
import { ENV, optionOrEnv } from "../env.js";
import { UsageError } from "../usage-error.js";
import { LoginFailed } from "./flow.js";
import type { LoginOptions } from "./settings.js";

/** A renewal about to start: the grant being renewed and the options that ask for its like. */
export interface Renewal {
  /** The credentials file, read and written (absolute). */
  readonly path: string;
  /** The grant it holds now (holds a refresh token: never print it). */
  readonly previous: StoredGrant;
  /** `login`'s options with the file's client id, region, redirect URI and scopes filled in. */
  readonly options: LoginOptions;
}

/**
 * Reads the grant to renew (`--output`, else `$AMAZON_ADS_CREDENTIALS_FILE`, else the default
 * file) and returns the options for its renewal. A client id or region other than the file's is
 * a usage error: the renewed grant must stay the same app's, in the same region.
 */
export async function prepareRenewal(
  options: LoginOptions,
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): Promise<Renewal> {
  const path = resolve(cwd, options.output ?? defaultCredentialsPath(env));
  let previous: StoredGrant;
  try {
    previous = (await readCredentialsFile(path)).grant;
  } catch (error) {
    if (!(error instanceof CredentialsFileError)) throw error;
    throw new LoginFailed(
      `Nothing to renew: ${error.message} --renew renews the grant of an existing file; without ` +
        "one, run `cdktf-amazon-ads login` (no --renew), or point --output at the file to renew.",
    );
  }
  const clientId = optionOrEnv(options.clientId, env, ENV.clientId);
  if (clientId !== undefined && clientId !== previous.clientId) {
    throw new UsageError(
      `--renew keeps the grant's app, ${previous.clientId} (from ${path}), but ` +
        `${options.clientId !== undefined ? "--client-id" : ENV.clientId} names ${clientId}. ` +
        `Unset it (the file says which app), or sign in for the other app without --renew and ` +
        "with another --output.",
      "login",
    );
  }
  if (options.region !== undefined && options.region !== previous.region) {
    throw new UsageError(
      `--renew keeps the grant's region, ${previous.region} (from ${path}), but --region says ` +
        `${options.region}. Leave --region out, or sign in for that region without --renew and ` +
        "with another --output.",
      "login",
    );
  }
  return {
    path,
    previous,
    options: {
      ...options,
      clientId: previous.clientId,
      region: previous.region,
      output: path,
      ...(options.redirectUri === undefined && previous.redirectUri !== undefined
        ? { redirectUri: previous.redirectUri }
        : {}),
      ...(options.scope?.length ? {} : { scope: previous.scopes }),
    },
  };
}
