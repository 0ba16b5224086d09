/**
 * Asking Login with Amazon whether a consent URL would work, before a person opens it: LwA checks
 * the client id, the redirect URI (against the app's Allowed Return URLs) and the scopes before
 * anyone signs in, and answers a refused URL with a 400 page instead of a redirect.
 */
import type { CallOptions, Transport } from "./http.js";

/** What a consent URL's problem is, as far as Login with Amazon's refusal says. */
export type ConsentUrlProblem = "redirect_uri" | "scope" | "client_id";

/** The verdict on a consent URL. */
export type ConsentUrlVerdict =
  /** LwA shows a page, sends to sign-in, or refuses without saying why: nothing known wrong. */
  | { readonly refused: false; readonly status: number }
  /** LwA refuses the URL outright (400): a person opening it sees an error page. */
  | { readonly refused: true; readonly status: number; readonly blames: ConsentUrlProblem };

/**
 * Opens `url` without following redirects or signing in. Throws the transport's errors (network,
 * timeout, outage, `ABORTED`); callers treat those as "could not tell".
 */
export async function checkConsentUrl(
  transport: Transport,
  url: string,
  options: CallOptions = {},
): Promise<ConsentUrlVerdict> {
  const response = await transport.send({
    service: "Login with Amazon",
    method: "GET",
    url,
    headers: { accept: "text/html" },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const blames = response.status === 400 ? blamed(response.body) : undefined;
  return blames
    ? { refused: true, status: response.status, blames }
    : { refused: false, status: response.status };
}

// Amazon's refusal pages name what they refuse. A 400 that names nothing is not taken as a
// verdict: a false alarm would block an apply for a URL that works.
function blamed(page: string): ConsentUrlProblem | undefined {
  const text = page.toLowerCase();
  if (text.includes("redirect")) return "redirect_uri";
  if (text.includes("scope")) return "scope";
  if (text.includes("client")) return "client_id";
  return undefined;
}
