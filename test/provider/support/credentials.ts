/** A `cdktf-amazon-ads login` credentials file for provider tests, written as login writes it. */
import { join } from "node:path";
import { writeCredentialsFile } from "../../../src/amazon-ads/credentials-file.js";

/** Writes `credentials.json` in `dir` for a grant of `clientId`; returns its path. */
export async function writeTestCredentials(
  dir: string,
  grant: {
    readonly clientId: string;
    readonly refreshToken: string;
    readonly redirectUri?: string;
    /** When login recorded the consent. @default "2026-07-10T08:00:00.000Z" */
    readonly grantedAt?: string;
  },
): Promise<string> {
  const path = join(dir, "credentials.json");
  await writeCredentialsFile(path, {
    clientId: grant.clientId,
    region: "NA",
    scopes: ["advertising::campaign_management"],
    refreshToken: grant.refreshToken,
    grantedAt: grant.grantedAt ?? "2026-07-10T08:00:00.000Z",
    ...(grant.redirectUri !== undefined && { redirectUri: grant.redirectUri }),
  });
  return path;
}
