/**
 * One `login` run: check the app's credentials, send the user to the consent page with a fresh
 * `state` and PKCE pair, catch the redirect (or the pasted address), redeem the code at once and
 * store the grant. Nothing secret is ever written to the terminal.
 */
import { AmazonAdsClient } from "../../amazon-ads/client.js";
import type { ConsentGrant, ConsentRequest, RandomBytes } from "../../amazon-ads/consent.js";
import { writeCredentialsFile, type StoredGrant } from "../../amazon-ads/credentials-file.js";
import type { HttpOptions } from "../../amazon-ads/http.js";
import { abortableSleep } from "../../amazon-ads/seams.js";
import type { CliIo } from "../io.js";
import { startProgress, type Progress, type Repeat } from "../progress.js";
import type { OpenBrowser } from "./browser.js";
import { CallbackGate } from "./callback.js";
import { type CallbackAnswer, type CallbackListener, startCallbackListener } from "./listener.js";
import { failurePage, finishedPage, forgedPage, successPage } from "./pages.js";
import { readPastedAddress } from "./paste.js";
import type { LoginSettings } from "./settings.js";

/** The side effects of a login, replaceable in tests. */
export interface LoginSeams {
  readonly io: CliIo;
  /** Opens the consent page (the platform opener by default). */
  readonly openBrowser: OpenBrowser;
  /** The clock, for `granted_at` and the time left. @default Date.now */
  readonly now?: () => number;
  /** Waits out the timeout. @default a real timer */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Randomness for `state` and the PKCE verifier. @default node:crypto */
  readonly randomBytes?: RandomBytes;
  /** Aborts the login (Ctrl+C). */
  readonly cancel?: AbortSignal;
  /** Transport settings for the Amazon client (timeouts, retries, logger). */
  readonly http?: HttpOptions;
  /** The spinner's timer. */
  readonly repeat?: Repeat;
}

/** A finished login. */
export interface LoginResult {
  /** What was stored (holds the refresh token: never print it). */
  readonly grant: StoredGrant;
  /** The credentials file written. */
  readonly path: string;
}

/** A login that ended without a grant; its message says why and what to do. */
export class LoginFailed extends Error {
  override readonly name = "LoginFailed";
}

/** How long the check of the consent URL may take before the login goes on without it. */
const CONSENT_CHECK_TIMEOUT_MS = 15_000;

/** The outcome a waiting login settles with, once. */
interface Outcome {
  readonly promise: Promise<LoginResult>;
  resolve(result: LoginResult): void;
  reject(error: unknown): void;
}

function outcome(): Outcome {
  let resolve!: (result: LoginResult) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<LoginResult>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a login to the end; throws with a user-facing message when no grant was stored. */
export async function runLogin(settings: LoginSettings, seams: LoginSeams): Promise<LoginResult> {
  const io = seams.io;
  const now = seams.now ?? Date.now;
  const client = new AmazonAdsClient({
    ...seams.http,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    region: settings.region,
    endpoints: settings.endpoints,
  });
  // A wrong secret found now costs nothing; found after the consent, it wastes the user's click.
  await client
    .verifyClientCredentials(seams.cancel ? { signal: seams.cancel } : {})
    .catch((error: unknown) => {
      throw seams.cancel?.aborted ? cancelledError() : error;
    });

  const consent = client.consentUrl({
    redirectUri: settings.redirectUri,
    scopes: settings.scopes,
    ...(seams.randomBytes ? { randomBytes: seams.randomBytes } : {}),
  });
  const gate = new CallbackGate(consent.state);
  const done = new AbortController();
  const result = outcome();
  // The race below reports a failure; this keeps a late one (after a timeout) from going unhandled.
  result.promise.catch(() => undefined);

  const redeem = async (grant: ConsentGrant): Promise<LoginResult> => {
    const signal = AbortSignal.any([done.signal, ...(seams.cancel ? [seams.cancel] : [])]);
    const tokens = await client
      .redeemAuthorizationCode(
        {
          code: grant.code,
          redirectUri: consent.redirectUri,
          ...(consent.codeVerifier ? { codeVerifier: consent.codeVerifier } : {}),
        },
        { signal },
      )
      .catch((error: unknown) => {
        throw signal.aborted ? cancelledError() : error;
      });
    if (signal.aborted) throw cancelledError();
    const granted = (grant.scope ?? tokens.scope)?.split(" ").filter((s) => s.length > 0);
    const stored: StoredGrant = {
      clientId: settings.clientId,
      region: settings.region,
      scopes: granted?.length ? granted : settings.scopes,
      refreshToken: tokens.refreshToken,
      grantedAt: new Date(now()).toISOString(),
      redirectUri: settings.redirectUri,
    };
    await writeCredentialsFile(settings.output, stored).catch((error: NodeJS.ErrnoException) => {
      throw new LoginFailed(
        `Signed in, but the credentials file ${settings.output} could not be written ` +
          `(${error.code ?? error.message}). Choose another --output and run login again.`,
      );
    });
    return { grant: stored, path: settings.output };
  };

  let progress: Progress | undefined;
  const note = (line: string): void => (progress ? progress.note(line) : io.err(`${line}\n`));

  const answerCallback = async (callback: URL): Promise<CallbackAnswer> => {
    const verdict = gate.inspect(callback);
    switch (verdict.kind) {
      case "forged":
        note(
          `Refused a request to the callback with ${verdict.reason === "missing state" ? "no state" : "a state that is not this login's"}; ` +
            `it did not come from this consent. Still waiting.`,
        );
        return forgedPage();
      case "finished":
        return finishedPage();
      case "failed":
        return {
          ...failurePage(verdict.error.message),
          afterSent: () => result.reject(verdict.error),
        };
      case "code":
        try {
          const stored = await redeem(verdict.grant);
          return { ...successPage(), afterSent: () => result.resolve(stored) };
        } catch (error) {
          return { ...failurePage(messageOf(error), 500), afterSent: () => result.reject(error) };
        }
    }
  };

  let listener: CallbackListener | undefined;
  if (settings.listen) listener = await startCallbackListener(settings.listen, answerCallback);
  try {
    await refuseUnusableConsent(client, consent.url, settings, seams.cancel);
    announce(settings, consent, io);
    if (settings.openBrowser) {
      void seams.openBrowser(consent.url).then((opening) => {
        if (!opening.opened && !gate.closed) {
          note(`Could not open a browser (${opening.problem}); open the address above yourself.`);
        }
      });
    }
    const deadline = now() + settings.timeoutSeconds * 1000;
    if (listener) {
      progress = startProgress(
        io,
        "Waiting for you to choose Allow in the browser; Ctrl+C cancels",
        { deadline, now, ...(seams.repeat ? { repeat: seams.repeat } : {}) },
      );
    } else {
      void readPastedAddress(io, gate, done.signal)
        .then(async (grant) => {
          if (grant) result.resolve(await redeem(grant));
        })
        .catch((error: unknown) => result.reject(error));
    }
    return await Promise.race([
      result.promise,
      timeout(settings.timeoutSeconds, seams, done.signal, gate),
      cancelled(seams.cancel, done.signal, gate),
    ]);
  } finally {
    done.abort();
    progress?.stop();
    await listener?.close();
  }
}

/**
 * Fails the login at once when Login with Amazon refuses the consent URL (a redirect URI missing
 * from the app's Allowed Return URLs, an unapproved scope): the browser would show only Amazon's
 * error page while the login waited in vain. When Amazon cannot tell right now, the login goes on.
 */
async function refuseUnusableConsent(
  client: AmazonAdsClient,
  url: string,
  settings: LoginSettings,
  cancel: AbortSignal | undefined,
): Promise<void> {
  const signal = AbortSignal.any([
    AbortSignal.timeout(CONSENT_CHECK_TIMEOUT_MS),
    ...(cancel ? [cancel] : []),
  ]);
  const verdict = await client.checkConsentUrl(url, { signal }).catch(() => undefined);
  if (cancel?.aborted) throw cancelledError();
  if (!verdict?.refused) return;
  const developerConsole =
    "your app's security profile in the Amazon Developer console (Login with Amazon → Web Settings)";
  throw new LoginFailed(
    verdict.blames === "scope"
      ? `Login with Amazon refuses to ask for the scopes ${settings.scopes.join(" ")} for this ` +
          `app. Ask only for scopes Amazon approved for it (--scope advertising::campaign_management).`
      : verdict.blames === "client_id"
        ? `Login with Amazon does not know the client id ${settings.clientId}. Copy it again ` +
          `from ${developerConsole}.`
        : `Login with Amazon refuses the redirect URI ${settings.redirectUri}: it is not on the ` +
          `Allowed Return URLs of ${developerConsole}. Add it there exactly, or pass one listed ` +
          "there with --redirect-uri. Nothing was saved.",
  );
}

function announce(settings: LoginSettings, consent: ConsentRequest, io: CliIo): void {
  const lead = settings.openBrowser
    ? "Opening the Amazon consent page in your browser. If it does not open, visit this address:"
    : "Open this address in a browser signed in as the Amazon user who manages the advertising accounts:";
  io.err(`${lead}\n\n  ${consent.url}\n\n`);
  if (!settings.listen) {
    io.err(
      `After you choose Allow, the browser lands on ${settings.redirectUri}… ` +
        `Copy that whole address from the address bar, paste it here and press Enter:\n`,
    );
  }
}

/** Rejects when the wait is over, unless a genuine callback is being finished. */
async function timeout(
  seconds: number,
  seams: LoginSeams,
  done: AbortSignal,
  gate: CallbackGate,
): Promise<never> {
  await (seams.sleep ?? abortableSleep)(seconds * 1000, done).catch(() => undefined);
  if (done.aborted || gate.closed) return new Promise<never>(() => undefined);
  throw new LoginFailed(
    `No consent arrived within ${seconds} s, so login stopped; nothing was saved. Run it again ` +
      `and choose Allow in the browser (--timeout ${Math.max(seconds * 2, 600)} waits longer).`,
  );
}

function cancelledError(): LoginFailed {
  return new LoginFailed("Login cancelled; nothing was saved.");
}

/**
 * Rejects on Ctrl+C while waiting. Once a genuine callback is being finished, the redemption
 * itself watches the signal, so its outcome (cancelled or saved) is the one reported.
 */
function cancelled(
  cancel: AbortSignal | undefined,
  done: AbortSignal,
  gate: CallbackGate,
): Promise<never> {
  return new Promise((_, reject) => {
    if (!cancel) return;
    const stop = (): void => {
      if (!gate.closed) reject(cancelledError());
    };
    if (cancel.aborted) stop();
    cancel.addEventListener("abort", stop, { once: true });
    done.addEventListener("abort", () => cancel.removeEventListener("abort", stop), { once: true });
  });
}
