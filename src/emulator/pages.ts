/**
 * The HTML LwA shows: the consent page (Allow / Deny as real form buttons, so a browser test can
 * click them) and the 400 pages shown instead of redirecting when the client or redirect URI is bad.
 */

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;max-width:32em;margin:3em auto;color:#111}
button{font-size:1em;padding:.5em 2em;margin-right:1em}.note{color:#555;font-size:.9em}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${content}
<p class="note">Login with Amazon emulator: a local stand-in for testing, not Amazon.</p>
</body>
</html>
`;
}

const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "advertising::campaign_management": "Manage your Amazon Ads campaigns and read your profiles",
  "advertising::test:create_account": "Create Amazon Ads test accounts",
  "advertising::audiences": "Manage your Amazon Ads audiences",
  "cpc_advertising:campaign_management": "Manage your sponsored ads (legacy permission)",
};

/** What the consent page shows and where its form posts. */
export interface ConsentPageContent {
  readonly appName: string;
  readonly userName: string;
  readonly scopes: readonly string[];
  readonly formAction: string;
  readonly consentId: string;
}

/** The consent page: the app, the signed-in user, the scopes, and Allow / Deny buttons. */
export function consentPage(content: ConsentPageContent): string {
  const scopes = content.scopes
    .map((s) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[s] ?? s)} <code>${escapeHtml(s)}</code></li>`)
    .join("\n");
  return layout(
    `${content.appName} would like to access your Amazon Ads data`,
    `<p>Signed in as <strong>${escapeHtml(content.userName)}</strong>.</p>
<p>${escapeHtml(content.appName)} is asking to:</p>
<ul>
${scopes}
</ul>
<form method="post" action="${escapeHtml(content.formAction)}">
<input type="hidden" name="consent_id" value="${escapeHtml(content.consentId)}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** The page LwA shows instead of redirecting (400): what went wrong and what to do. */
export function errorPage(message: string, advice: string): string {
  return layout(
    "We're sorry, we could not process your request",
    `<p role="alert">${escapeHtml(message)}</p>\n<p>${escapeHtml(advice)}</p>`,
  );
}
