/**
 * `cdktf-amazon-ads token`: a fresh access token on stdout, for scripts (`curl -H "Authorization:
 * Bearer $(cdktf-amazon-ads token)"`). The one command that prints a secret, and only that.
 */
import { Command } from "commander";
import { clientSecretFrom, ENV } from "../env.js";
import { credentialsPathFrom, explainGrantFailure, grantClient, loadGrant } from "../grant.js";
import { grantExpiryNote } from "../grant-expiry.js";
import { withGrantOptions, type GrantCommandSeams, type GrantOptions } from "../grant-options.js";
import { processIo } from "../io.js";

const EXAMPLES = `
This command prints a secret: an access token (valid 60 minutes) that lets anyone holding it act
on the advertiser's Amazon Ads accounts. Do not paste it into chats, tickets or logs. Nothing else
goes to stdout; notes go to stderr, among them when the grant's refresh token expires (365 days
after consents from 2026-07-01; a warning within 30 days, with the command that renews it).

Examples:
  $ export ${ENV.clientSecret}=…
  $ curl -H "Authorization: Bearer $(cdktf-amazon-ads token)" \\
         -H "Amazon-Advertising-API-ClientId: $${ENV.clientId}" \\
         https://advertising-api.amazon.com/v2/profiles
  $ cdktf-amazon-ads token --credentials ./amazon-ads.json

Exit codes: 0 printed, 1 failed (run login again if the grant was revoked), 2 usage error.
`;

/** Builds the `token` subcommand. */
export function tokenCommand(seams: GrantCommandSeams = {}): Command {
  return withGrantOptions(
    new Command("token").description(
      "Print a fresh access token for the stored grant on stdout (a secret: handle with care).",
    ),
  )
    .addHelpText("after", EXAMPLES)
    .action(async (options: GrantOptions) => {
      const io = seams.io ?? processIo();
      const clientSecret = clientSecretFrom(options.clientSecret, io.env, "token");
      const path = credentialsPathFrom(options.credentials, io.env);
      const grant = await loadGrant(path, io);
      const client = grantClient({
        grant,
        clientSecret,
        env: io.env,
        ...(seams.http ? { http: seams.http } : {}),
      });
      const now = seams.http?.now ?? Date.now;
      const token = await client.refreshAccessToken(grant.refreshToken).catch((error: unknown) => {
        throw explainGrantFailure(error, grant, path, now());
      });
      io.err(grantExpiryNote(grant, path, now()));
      io.out(`${token.accessToken}\n`);
    });
}
