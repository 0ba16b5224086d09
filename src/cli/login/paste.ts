/**
 * `login --paste`: for a registered redirect URI that is not on this machine (such as
 * `https://amazon.com`), the user pastes the address the browser landed on.
 */
import { createInterface } from "node:readline";
import type { ConsentGrant } from "../../amazon-ads/consent.js";
import type { CliIo } from "../io.js";
import type { CallbackGate } from "./callback.js";

/**
 * The address as pasted, cleaned: surrounding quotes or angle brackets dropped and all whitespace
 * removed (a URL never contains any, but terminals add line breaks and spaces when copying).
 */
export function cleanPastedAddress(pasted: string): string {
  const compact = pasted.replace(/\s+/g, "");
  return /^["'<](.*)["'>]$/.exec(compact)?.[1] ?? compact;
}

/** The lines typed or piped on `input`, until it ends or `signal` aborts. */
export async function* pastedLines(
  input: NodeJS.ReadableStream,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const stop = (): void => lines.close();
  signal.addEventListener("abort", stop, { once: true });
  try {
    for await (const line of lines) {
      if (signal.aborted) return;
      yield line;
    }
  } finally {
    signal.removeEventListener("abort", stop);
    lines.close();
  }
}

/** Resolves with the code from the first pasted address of this login; undefined when aborted. */
export async function readPastedAddress(
  io: CliIo,
  gate: CallbackGate,
  signal: AbortSignal,
): Promise<ConsentGrant | undefined> {
  for await (const line of pastedLines(io.stdin, signal)) {
    const text = cleanPastedAddress(line);
    if (text === "") continue;
    let address: URL;
    try {
      address = new URL(text);
    } catch {
      io.err(
        "That is not a web address. Paste the whole address from the browser's address bar " +
          "(it starts with http), then press Enter:\n",
      );
      continue;
    }
    const verdict = gate.inspect(address);
    if (verdict.kind === "code") return verdict.grant;
    if (verdict.kind === "failed") throw verdict.error;
    io.err(
      `That address carries ${verdict.kind === "forged" && verdict.reason === "missing state" ? "no state" : "another state"}, ` +
        `so it is not from the consent this login just opened. Paste the address that consent ` +
        `led to, then press Enter:\n`,
    );
  }
  if (signal.aborted) return undefined;
  throw new Error(
    "Standard input ended before an address was pasted; nothing was saved. Run " +
      "`cdktf-amazon-ads login --paste` again and paste the address the browser landed on.",
  );
}
