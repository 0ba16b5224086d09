/**
 * Opens the consent page with the platform's opener (`xdg-open`, `open`, `start`). Whatever
 * happens, the URL is also printed, so a missing or failing opener only costs a copy and paste.
 */
import { spawn as spawnProcess, type SpawnOptions } from "node:child_process";

/** How opening the browser went. */
export interface BrowserOpening {
  /** False when the opener is missing or reported a failure. */
  readonly opened: boolean;
  /** What went wrong, for a note on stderr. */
  readonly problem?: string;
}

/** Opens a URL in the user's browser. */
export type OpenBrowser = (url: string) => Promise<BrowserOpening>;

/** The command that opens a URL on a platform. */
export interface Opener {
  readonly command: string;
  readonly args: readonly string[];
  readonly options?: SpawnOptions;
}

/** The platform's URL opener. */
export function openerFor(url: string, platform: NodeJS.Platform = process.platform): Opener {
  if (platform === "darwin") return { command: "open", args: [url] };
  if (platform === "win32") {
    // `start` is a cmd built-in; the empty title and the quotes keep `&` in the URL literal.
    return {
      command: "cmd.exe",
      args: ["/d", "/s", "/c", `start "" "${url}"`],
      options: { windowsVerbatimArguments: true },
    };
  }
  return { command: "xdg-open", args: [url] };
}

// An opener that is still running after this long has handed the URL over (some wait for the
// browser to exit); the callback listener is up already, so nothing is lost by not waiting.
const SETTLE_MS = 3000;

/** Runs the platform opener, detached, and reports whether it failed. */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  spawn: typeof spawnProcess = spawnProcess,
): Promise<BrowserOpening> {
  const opener = openerFor(url, platform);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (opening: BrowserOpening): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(opening);
    };
    const timer = setTimeout(() => settle({ opened: true }), SETTLE_MS);
    timer.unref();
    const child = spawn(opener.command, [...opener.args], {
      ...opener.options,
      detached: platform !== "win32",
      stdio: "ignore",
    });
    child.once("error", (error: NodeJS.ErrnoException) =>
      settle({
        opened: false,
        problem:
          error.code === "ENOENT"
            ? `${opener.command} was not found`
            : `${opener.command} failed (${error.code ?? error.message})`,
      }),
    );
    child.once("exit", (code) =>
      settle(
        code === 0
          ? { opened: true }
          : { opened: false, problem: `${opener.command} exited with ${String(code)}` },
      ),
    );
    child.unref();
  });
}
