/**
 * A person answering the emulator's consent page in a real browser (the test browser of
 * test/support/browser.ts, on a fresh profile each time, so nothing carries over from another
 * test or run): opens the consent address, checks it is the consent page, clicks a button and
 * follows the redirect to the login's callback.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchTestBrowser } from "../../support/browser.js";

/** Where the browser landed after the click. */
export interface ConsentAnswer {
  /** The text of the page the callback served. */
  readonly text: string;
  /** Its address (the callback, with the code or the error). */
  readonly url: string;
}

/** Clicks `button` on the consent page at `consentUrl`; resolves once at `redirectUri`. */
export async function consentInBrowser(
  consentUrl: string,
  button: "Allow" | "Deny",
  redirectUri: string,
): Promise<ConsentAnswer> {
  const profile = await mkdtemp(join(tmpdir(), "login-e2e-chromium-"));
  const context = await launchTestBrowser(profile);
  try {
    const page = await context.newPage();
    await page.goto(consentUrl);
    const heading = (await page.locator("h1").textContent()) ?? "";
    if (!heading.includes("would like to access your Amazon Ads data")) {
      throw new Error(`${consentUrl} is not the consent page; its heading is "${heading}".`);
    }
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(redirectUri)),
      page.getByRole("button", { name: button }).click(),
    ]);
    return { text: (await page.locator("body").textContent()) ?? "", url: page.url() };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
