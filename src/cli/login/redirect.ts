/**
 * Where `login` catches the consent redirect: the redirect URI's port on the loopback interface,
 * serving only its path. A redirect URI that is not on this machine needs `--paste` instead.
 */
import { UsageError } from "../usage-error.js";

/** The redirect URI `login` uses unless told otherwise (register it in the Amazon console). */
export const DEFAULT_REDIRECT_URI = "http://localhost:8765/callback";

/** How the listener must bind to catch a redirect. */
export interface ListenPlan {
  /** The port of the redirect URI (80 when it names none). */
  readonly port: number;
  /** The path the callback arrives on; every other path answers 404. */
  readonly path: string;
  /**
   * Loopback addresses to bind: `localhost` needs both 127.0.0.1 and ::1, because browsers
   * (Chromium included) try ::1 first and only fall back to 127.0.0.1 when it is refused.
   */
  readonly hosts: readonly ("127.0.0.1" | "::1")[];
}

const LOOPBACK_HOSTS: Readonly<Record<string, ListenPlan["hosts"]>> = {
  localhost: ["127.0.0.1", "::1"],
  "127.0.0.1": ["127.0.0.1"],
  "[::1]": ["::1"],
};

/** Parses a redirect URI, or throws a usage error saying what an acceptable one looks like. */
export function parseRedirectUri(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--redirect-uri ${JSON.stringify(value)} is not an absolute URL. Use the one registered in ` +
        `your app's Allowed Return URLs, such as ${DEFAULT_REDIRECT_URI}.`,
      "login",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--redirect-uri must be an http or https URL.`, "login");
  }
  if (url.hash) {
    throw new UsageError(`--redirect-uri must not have a #fragment (OAuth forbids it).`, "login");
  }
  return url;
}

/**
 * The listener for a loopback `http:` redirect URI, or a usage error that suggests `--paste` for
 * any other (an `https:` or non-local address cannot be served from here). `shown` is the text
 * the user typed, for the message.
 */
export function listenPlanFor(redirectUri: URL, shown: string = redirectUri.href): ListenPlan {
  const hosts = LOOPBACK_HOSTS[redirectUri.hostname];
  if (redirectUri.protocol !== "http:" || hosts === undefined) {
    throw new UsageError(
      `The redirect URI ${shown} does not point at this ` +
        `machine over plain http, so login cannot catch it. Add --paste to paste the address the ` +
        `browser lands on, or register ${DEFAULT_REDIRECT_URI} and use that.`,
      "login",
    );
  }
  return {
    port: redirectUri.port === "" ? 80 : Number(redirectUri.port),
    path: redirectUri.pathname,
    hosts,
  };
}
