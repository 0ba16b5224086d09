/**
 * `cdktf-amazon-ads login`: consent in the browser, the redirect caught on localhost, the code
 * redeemed at once and the grant stored in a file only the user can read. No copy and paste.
 */
import { Command } from "commander";
import { defaultCredentialsPath, type StoredGrant } from "../../amazon-ads/credentials-file.js";
import { calendarDate } from "../../amazon-ads/grant-lifetime.js";
import { CAMPAIGN_MANAGEMENT_SCOPE } from "../../amazon-ads/consent.js";
import { ENV, fallbackCredentialsPath } from "../env.js";
import { grantExpiresAt, renewCommand } from "../grant-expiry.js";
import { processIo, type CliIo } from "../io.js";
import { openInBrowser } from "../login/browser.js";
import { runLogin, type LoginResult, type LoginSeams } from "../login/flow.js";
import { DEFAULT_REDIRECT_URI } from "../login/redirect.js";
import { prepareRenewal, type Renewal } from "../login/renewal.js";
import {
  DEFAULT_TIMEOUT_SECONDS,
  resolveLoginSettings,
  type LoginOptions,
  type LoginSettings,
} from "../login/settings.js";
import { collect, parseRegion, parseSeconds } from "../options.js";
import { exportLines } from "../shell.js";

/** What `login` may be given instead of the real process, browser and clock. */
export type LoginCommandSeams = Partial<LoginSeams>;

function examples(): string {
  const fallback = fallbackCredentialsPath();
  return `
The consent page opens in your browser; after you choose Allow, the redirect to the redirect URI
is caught on this machine (127.0.0.1 and ::1 only), the code is redeemed at once, and the grant
(refresh token, client id, region, scopes, granted_at, redirect URI) is written with mode 0600 to
$${ENV.credentialsFile}, else ${fallback}.
The redirect URI must be on your app's Allowed Return URLs (Amazon Developer console → Login with
Amazon → your security profile → Web Settings). Nothing secret is printed.
cdktf deploy takes only the refresh token from the file, not its region or client id: the
provider uses its own configuration or $${ENV.clientId} and $${ENV.region} (else NA),
which --print-env exports.

Examples:
  $ export ${ENV.clientId}=amzn1.application-oa2-client.0123…  ${ENV.clientSecret}=…
  $ cdktf-amazon-ads login
      NA consent page, redirect caught on ${DEFAULT_REDIRECT_URI}
  $ cdktf-amazon-ads login --client-id amzn1.application-oa2-client.0123… --region EU
      the client id on the command line, the secret still from ${ENV.clientSecret}
  $ cdktf-amazon-ads login --client-secret "$(cat ~/.amazon-ads-secret)"
      works, but other users can read it in ps while login runs: prefer the variable
  $ cdktf-amazon-ads login --region EU --scope ${CAMPAIGN_MANAGEMENT_SCOPE} --scope advertising::test:create_account
      EU consent page, asking for two scopes
  $ cdktf-amazon-ads login --redirect-uri http://127.0.0.1:9000/cb --timeout 600
      another registered redirect URI; wait up to 10 minutes
  $ cdktf-amazon-ads login --no-browser
      print the consent address only (open it on this machine yourself)
  $ cdktf-amazon-ads login --paste --redirect-uri https://amazon.com
      for an app whose only Allowed Return URL is https://amazon.com, or over SSH: paste the
      address the browser lands on
  $ eval "$(cdktf-amazon-ads login --output ./amazon-ads.json --print-env)"
      write the grant to ./amazon-ads.json and export ${ENV.clientId}, ${ENV.region}
      and ${ENV.credentialsFile} for cdktf deploy (the refresh token is never printed)
  $ cdktf-amazon-ads login --renew --output ./amazon-ads.json
      renew that file's grant before its refresh token expires: a new consent for the same
      client id and region (and its redirect URI and scopes), written into the same file; the
      next cdktf deploy (or terraform apply) replaces the grant, the new one made first

Refresh tokens from consents given from 2026-07-01 stop working 365 days after the consent.
login says when; profiles and token remind you, plans warn 30 days ahead.

Endpoint overrides (emulator, proxies): ${ENV.authorizationUrl}, ${ENV.tokenUrl},
${ENV.apiUrl}, or their per-region variants such as ${ENV.apiUrl}_EU.
With --renew, a --client-id, $${ENV.clientId} or --region other than the file's is a usage
error: the renewed grant stays the same app's, in the same region.
Exit codes: 0 signed in or renewed, 1 failed (no file to renew included), 2 usage error.
`;
}

function signedIn(
  result: LoginResult,
  settings: LoginSettings,
  io: CliIo,
  renewal: Renewal | undefined,
): void {
  const { grant, path } = result;
  if (renewal) {
    renewed(result, renewal, io);
  } else {
    io.err(
      `Signed in. The grant for ${grant.clientId} (region ${grant.region}; scopes ` +
        `${grant.scopes.join(" ")}) is saved in\n  ${path}\n(readable only by you).\n`,
    );
    io.err(lifetimeLine(grant, path));
  }
  if (path !== defaultCredentialsPath(io.env) && !settings.printEnv) {
    io.err(`Other commands find it with: export ${ENV.credentialsFile}=${path}\n`);
  }
  if (!renewal) io.err("Next: cdktf-amazon-ads profiles\n");
  if (settings.printEnv) {
    io.out(
      exportLines({
        [ENV.clientId]: grant.clientId,
        [ENV.region]: grant.region,
        [ENV.credentialsFile]: path,
      }),
    );
  }
}

// When the refresh token just stored stops working, and the command that renews it.
function lifetimeLine(grant: StoredGrant, path: string): string {
  const expiresAt = grantExpiresAt(grant);
  return expiresAt === undefined
    ? "Its refresh token lasts until the advertiser revokes the consent.\n"
    : `Its refresh token works until ${calendarDate(expiresAt)} (365 days after this consent); ` +
        `renew it before then with: ${renewCommand(path)}\n`;
}

function renewed(result: LoginResult, renewal: Renewal, io: CliIo): void {
  const before = grantExpiresAt(renewal.previous);
  const { grant, path } = result;
  io.err(
    `Renewed. The grant for ${grant.clientId} (region ${grant.region}) in\n  ${path}\nis now the ` +
      `consent just given (the previous one ${before === undefined ? "had no end date" : `ended ${calendarDate(before)}`}).\n`,
  );
  io.err(lifetimeLine(grant, path));
  io.err(
    "Next: deploy (cdktf deploy, or terraform apply) to replace amazonads_authorization with the " +
      "new grant. With create_before_destroy (AuthorizationGrant sets it) the new grant is made " +
      "before the old one is forgotten, and consumers keep the same profile ids.\n",
  );
}

/** Ctrl+C aborts the returned signal until `release` is called. */
function interruptSignal(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.once("SIGINT", abort);
  return { signal: controller.signal, release: () => process.off("SIGINT", abort) };
}

/** Builds the `login` subcommand. */
export function loginCommand(seams: LoginCommandSeams = {}): Command {
  return new Command("login")
    .description(
      "Sign in an Amazon Ads advertiser in the browser and store the grant (refresh token) " +
        "for profiles, token and cdktf deploy.",
    )
    .option(
      "--region <region>",
      `NA, EU or FE: whose consent page and token endpoint to use (default: $${ENV.region}, else NA)`,
      parseRegion,
    )
    .option("--client-id <id>", `your LwA app's client id (default: $${ENV.clientId})`)
    .option(
      "--client-secret <secret>",
      `your LwA app's client secret (default: $${ENV.clientSecret}; prefer the variable, ` +
        `since command lines are visible to other users in ps)`,
    )
    .option(
      "--redirect-uri <uri>",
      `where Amazon sends the browser back; must be on the app's Allowed Return URLs ` +
        `(default: ${DEFAULT_REDIRECT_URI})`,
    )
    .option(
      "--scope <scope>",
      `a scope to ask for; repeat for several (default: ${CAMPAIGN_MANAGEMENT_SCOPE})`,
      collect,
    )
    .option("--no-browser", "do not open a browser; print the consent address only")
    .option(
      "--paste",
      "do not listen for the redirect: paste the address the browser landed on (for a redirect " +
        "URI such as https://amazon.com that is not on this machine)",
    )
    .option(
      "--output <file>",
      `where to write the grant, and with --renew the file to renew (default: ` +
        `$${ENV.credentialsFile}, else ` +
        `${fallbackCredentialsPath()})`,
    )
    .option(
      "--print-env",
      `print export lines for ${ENV.clientId}, ${ENV.region} and ${ENV.credentialsFile} on ` +
        "stdout (never a token or the secret)",
    )
    .option(
      "--timeout <seconds>",
      `how long to wait for the consent (default: ${DEFAULT_TIMEOUT_SECONDS})`,
      parseSeconds,
    )
    .option(
      "--renew",
      "renew the grant of the credentials file (--output, else the default): a new consent for " +
        "its client id and region, written into the same file",
    )
    .addHelpText("after", examples())
    .action(async (options: LoginOptions) => {
      const io = seams.io ?? processIo();
      const renewal = options.renew ? await prepareRenewal(options, io.env) : undefined;
      const settings = resolveLoginSettings(renewal?.options ?? options, io.env);
      const interrupt = seams.cancel ? undefined : interruptSignal();
      try {
        const result = await runLogin(settings, {
          ...seams,
          io,
          openBrowser: seams.openBrowser ?? ((url) => openInBrowser(url)),
          ...(interrupt ? { cancel: interrupt.signal } : {}),
        });
        signedIn(result, settings, io, renewal);
      } finally {
        interrupt?.release();
      }
    });
}
