/**
 * What the CLI tests share: captured output, an emulator whose app allows a redirect URI on a
 * free port, the environment that points the CLI at it, and a scripted browser (a fake: plain
 * HTTP requests standing in for a person clicking Allow or Deny).
 */
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/io.js";
import type { BrowserOpening } from "../../src/cli/login/browser.js";
import { writeCredentialsFile } from "../../src/amazon-ads/credentials-file.js";
import { DEFAULT_SEED, type Emulator, startEmulator } from "../../src/emulator/index.js";

/** A {@link CliIo} that records everything written and reads stdin from a stream the test feeds. */
export interface CapturedIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
  /** Feeds standard input. */
  readonly input: PassThrough;
  /** Everything written to both streams. */
  all(): string;
}

/** Captures output; `tty` makes stderr look like a terminal. */
export function captureIo(env: NodeJS.ProcessEnv = {}, tty = false): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const input = new PassThrough();
  return {
    stdout,
    stderr,
    input,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    env,
    stdin: input,
    stderrIsTty: tty,
    all: () => [...stdout, ...stderr].join(""),
  };
}

/** Waits (by polling, without a deadline of its own) until `condition` holds. */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A scratch directory. */
export function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "cli-test-"));
}

/** An emulator whose demo app also allows `http://localhost:<port>/callback` (and 127.0.0.1). */
export async function emulatorAllowing(
  port: number,
  options: { readonly autoApprove?: boolean; readonly now?: () => number } = {},
): Promise<Emulator> {
  const demo = DEFAULT_SEED.apps[0]!;
  return startEmulator({
    ...options,
    seed: {
      apps: [
        {
          ...demo,
          redirectUris: [
            ...demo.redirectUris,
            `http://localhost:${port}/callback`,
            `http://127.0.0.1:${port}/callback`,
          ],
        },
      ],
    },
  });
}

/** The environment that points the CLI at the emulator with the demo app's credentials. */
export function emulatorEnv(emulator: Emulator, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AMAZON_ADS_CLIENT_ID: emulator.clientId,
    AMAZON_ADS_CLIENT_SECRET: emulator.clientSecret,
    AMAZON_ADS_AUTHORIZATION_URL: emulator.authorizationUrl,
    AMAZON_ADS_TOKEN_URL: emulator.tokenUrl,
    // The emulator serves each region under /na, /eu, /fe: one variable reaches all three.
    AMAZON_ADS_API_URL: `${emulator.url}/{region}`,
    ...extra,
  };
}

/** Answers the emulator's consent page like a person would, returning where LwA redirects to. */
export async function answerConsent(
  consentUrl: string,
  decision: "allow" | "deny",
): Promise<string> {
  const page = await fetch(consentUrl, { redirect: "manual" });
  if (page.status === 302) return page.headers.get("location")!;
  const html = await page.text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!consentId || !action) throw new Error(`not a consent page (${page.status}): ${html}`);
  const answer = await fetch(new URL(action, consentUrl), {
    method: "POST",
    body: new URLSearchParams({ consent_id: consentId, decision }),
    redirect: "manual",
  });
  return answer.headers.get("location")!;
}

/** What the scripted browser saw when it followed the redirect to the callback. */
export interface CallbackVisit {
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

/**
 * A scripted browser (fake): receives the consent URL from `login`, answers the consent page and,
 * unless `follow` is false, follows the redirect to the callback.
 */
export function scriptedBrowser(
  decision: "allow" | "deny" = "allow",
  options: { readonly follow?: boolean; readonly beforeCallback?: () => void } = {},
): {
  readonly open: (url: string) => Promise<BrowserOpening>;
  readonly opened: string[];
  readonly visits: Promise<CallbackVisit>[];
} {
  const opened: string[] = [];
  const visits: Promise<CallbackVisit>[] = [];
  return {
    opened,
    visits,
    open: (url) => {
      opened.push(url);
      visits.push(
        (async () => {
          const callback = await answerConsent(url, decision);
          if (options.follow === false) return { url: callback, status: 0, html: "" };
          options.beforeCallback?.();
          const response = await fetch(callback);
          return { url: callback, status: response.status, html: await response.text() };
        })(),
      );
      return Promise.resolve({ opened: true });
    },
  };
}

/** A grant the emulator issued, stored as `login` stores it. */
export interface StoredTestGrant {
  readonly path: string;
  readonly refreshToken: string;
  /** When the consent was given (epoch ms). */
  readonly consentedAt: number;
}

/**
 * Issues a grant of the demo (or another) user in the emulator, consented at `consentedAt`
 * (default: the emulator's now), and writes it to a new credentials file as `login` would.
 */
export async function storedGrant(
  emulator: Emulator,
  options: {
    readonly userId?: string;
    readonly consentedAt?: number;
    readonly redirectUri?: string;
  } = {},
): Promise<StoredTestGrant> {
  const consentedAt = options.consentedAt ?? emulator.admin.now();
  const { refreshToken } = emulator.admin.issueRefreshToken({
    ...(options.userId ? { userId: options.userId } : {}),
    consentedAt,
  });
  const path = join(await scratchDir(), "credentials.json");
  await writeCredentialsFile(path, {
    clientId: emulator.clientId,
    region: "NA",
    scopes: ["advertising::campaign_management"],
    refreshToken,
    grantedAt: new Date(consentedAt).toISOString(),
    ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
  });
  return { path, refreshToken, consentedAt };
}
