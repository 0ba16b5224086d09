/**
 * `cdktf-amazon-ads profiles`: the advertising profiles the stored grant reaches, in NA, EU and
 * FE, so the user can pick one for the `AdvertisingProfile` construct without guessing.
 */
import { Command } from "commander";
import { clientSecretFrom, ENV } from "../env.js";
import { credentialsPathFrom, explainGrantFailure, loadGrant } from "../grant.js";
import { grantExpiryNote, grantExpiryText } from "../grant-expiry.js";
import { withGrantOptions, type GrantCommandSeams, type GrantOptions } from "../grant-options.js";
import { processIo } from "../io.js";
import { listProfilesEverywhere } from "../profile-listing.js";
import { profileRecords, profileTable } from "../profile-table.js";

interface ProfilesOptions extends GrantOptions {
  readonly json?: boolean;
}

const EXAMPLES = `
Reads the grant that \`cdktf-amazon-ads login\` stored and asks each region's Amazon Ads API host
for its profiles (Amazon answers an empty list in regions the advertiser does not sell in).

It also says, on stderr, when the grant's refresh token expires (365 days after consents from
2026-07-01; a warning within 30 days, with the command that renews it); --json gives the date as
refresh_token_expires_at in every record (null when the grant lasts until revoked).

Examples:
  $ export ${ENV.clientSecret}=…
  $ cdktf-amazon-ads profiles
      a table: profile id, country, type, name, marketplace, region
  $ cdktf-amazon-ads profiles --json | jq -r '.[] | select(.country_code=="DE") | .profile_id'
      JSON for scripts; profile_id is a string (ids exceed 2^53)
  $ cdktf-amazon-ads profiles --json | jq -r '.[0].refresh_token_expires_at'
      when the grant stops working (RFC 3339), for a reminder in CI
  $ cdktf-amazon-ads profiles --credentials ./amazon-ads.json
      another credentials file

Exit codes: 0 listed (even when empty), 1 failed (run login again if the grant was revoked),
2 usage error.
`;

/** Builds the `profiles` subcommand. */
export function profilesCommand(seams: GrantCommandSeams = {}): Command {
  return withGrantOptions(
    new Command("profiles").description(
      "List the advertising profiles the stored grant can use, in every region.",
    ),
  )
    .option("--json", "print a JSON array for scripts (profile ids as strings), nothing else")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ProfilesOptions) => {
      const io = seams.io ?? processIo();
      const clientSecret = clientSecretFrom(options.clientSecret, io.env, "profiles");
      const path = credentialsPathFrom(options.credentials, io.env);
      const grant = await loadGrant(path, io);
      const now = seams.http?.now ?? Date.now;
      const listings = await listProfilesEverywhere({
        grant,
        clientSecret,
        env: io.env,
        ...(seams.http ? { http: seams.http } : {}),
      }).catch((error: unknown) => {
        throw explainGrantFailure(error, grant, path, now());
      });
      io.err(grantExpiryNote(grant, path, now()));
      if (!options.json) {
        io.out(profileTable(listings));
        return;
      }
      for (const listing of listings) {
        if ("skipped" in listing) io.err(`${listing.region}: ${listing.skipped}.\n`);
      }
      // Every record comes from the same grant: each carries its expiry, so `.[0]` finds it.
      const expiresAt = grantExpiryText(grant);
      const records = profileRecords(listings).map((record) => ({
        ...record,
        refresh_token_expires_at: expiresAt,
      }));
      io.out(`${JSON.stringify(records, null, 2)}\n`);
    });
}
