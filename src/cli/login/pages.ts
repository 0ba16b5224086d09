/**
 * The pages the browser shows after the redirect. They never contain the code, the state or any
 * token: only what happened and what to do next.
 */

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function page(title: string, lines: readonly string[]): string {
  const body = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34em;margin:3em auto;color:#111}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** A browser page and the HTTP status it is served with. */
export interface CallbackPage {
  readonly status: number;
  readonly html: string;
}

/** After the grant was saved. */
export function successPage(): CallbackPage {
  return {
    status: 200,
    html: page("cdktf-amazon-ads: you are signed in", [
      "The Amazon Ads grant is saved. You can close this tab and return to the terminal.",
    ]),
  };
}

/** After Amazon refused, or redeeming the code failed; `message` is the CLI's own (no secrets). */
export function failurePage(message: string, status = 400): CallbackPage {
  return {
    status,
    html: page("cdktf-amazon-ads: sign-in did not finish", [
      message,
      "Return to the terminal for details; nothing was saved.",
    ]),
  };
}

/** A request without this login's state: it did not come from the consent just opened. */
export function forgedPage(): CallbackPage {
  return {
    status: 400,
    html: page("cdktf-amazon-ads: request refused", [
      "This address does not carry the state of the sign-in in progress, so it was ignored.",
      "Finish the consent in the browser window that cdktf-amazon-ads login opened.",
    ]),
  };
}

/** A request after the login already took its callback. */
export function finishedPage(): CallbackPage {
  return {
    status: 400,
    html: page("cdktf-amazon-ads: already finished", [
      "This sign-in has already finished; an authorization code can be used only once.",
      "Run cdktf-amazon-ads login again to sign in anew.",
    ]),
  };
}

/** Any path other than the redirect URI's. */
export function notFoundPage(): CallbackPage {
  return { status: 404, html: page("Not found", ["Only the sign-in callback is served here."]) };
}
