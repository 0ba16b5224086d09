/**
 * `login --paste` against the in-process emulator: the scripted browser (a fake) clicks Allow and
 * stops at the redirect, and the test types what a person would paste into standard input.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { runLogin } from "../../../src/cli/login/flow.js";
import { cleanPastedAddress } from "../../../src/cli/login/paste.js";
import { resolveLoginSettings } from "../../../src/cli/login/settings.js";
import { type Emulator, startEmulator } from "../../../src/emulator/index.js";
import {
  answerConsent,
  captureIo,
  emulatorEnv,
  eventually,
  scratchDir,
  type CapturedIo,
} from "../support.js";

describe("cleaning a pasted address", () => {
  it.each([
    ["  https://amazon.com/?code=a&state=b \n", "https://amazon.com/?code=a&state=b"],
    ["https://amazon.com/?code=a\n  &state=b", "https://amazon.com/?code=a&state=b"],
    ['"https://amazon.com/?code=a&state=b"', "https://amazon.com/?code=a&state=b"],
    ["<https://amazon.com/?code=a&state=b>", "https://amazon.com/?code=a&state=b"],
    ["   ", ""],
  ])("%j becomes %j", (pasted, clean) => {
    expect(cleanPastedAddress(pasted)).toBe(clean);
  });
});

describe("login --paste with a scripted browser (fake)", () => {
  let emulator: Emulator;
  const outputs: CapturedIo[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    const written = outputs.map((io) => io.all()).join("\n");
    for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
    await emulator.close();
  });

  /** Starts a paste-mode login and resolves the address Amazon redirected the browser to. */
  async function pasteLogin() {
    const io = captureIo(emulatorEnv(emulator));
    outputs.push(io);
    const output = join(await scratchDir(), "credentials.json");
    const settings = resolveLoginSettings(
      { paste: true, redirectUri: "https://amazon.com", output },
      io.env,
    );
    let consentUrl!: (url: string) => void;
    const opened = new Promise<string>((resolve) => (consentUrl = resolve));
    const login = runLogin(settings, {
      io,
      openBrowser: (url) => {
        consentUrl(url);
        return Promise.resolve({ opened: true });
      },
    });
    const redirectedTo = await answerConsent(await opened, "allow");
    return { io, login, output, redirectedTo };
  }

  it("redeems the code from the pasted address and writes the grant", async () => {
    const { io, login, output, redirectedTo } = await pasteLogin();
    expect(redirectedTo).toMatch(/^https:\/\/amazon\.com\/\?code=/);
    io.input.write(`${redirectedTo}\n`);
    const result = await login;
    expect(result.grant.redirectUri).toBe("https://amazon.com");
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    expect(io.stderr.join("")).toContain("paste it here and press Enter");
  });

  it("accepts the address with whitespace and line breaks around and inside it", async () => {
    const { io, login, redirectedTo } = await pasteLogin();
    const middle = Math.floor(redirectedTo.length / 2);
    io.input.write(`\n   ${redirectedTo.slice(0, middle)}\t ${redirectedTo.slice(middle)}  \n`);
    await expect(login).resolves.toHaveProperty("grant.clientId", emulator.clientId);
  });

  it("refuses an address with another state or none, says why, and waits for the right one", async () => {
    const { io, login, output, redirectedTo } = await pasteLogin();
    const wrong = new URL(redirectedTo);
    wrong.searchParams.set("state", "someone-elses-state");
    const none = new URL(redirectedTo);
    none.searchParams.delete("state");
    io.input.write(`${wrong.href}\n${none.href}\nnot an address\n`);
    await eventually(() => io.stderr.join("").includes("That is not a web address"));
    await expect(stat(output)).rejects.toThrow();
    io.input.write(`${redirectedTo}\n`);
    await login;
    const said = io.stderr.join("");
    expect(said).toContain("That address carries another state");
    expect(said).toContain("That address carries no state");
    expect(said).toContain("That is not a web address");
  });

  it("ends with a clear message when standard input ends before an address", async () => {
    const { io, login, output } = await pasteLogin();
    io.input.end();
    await expect(login).rejects.toThrow(
      "Standard input ended before an address was pasted; nothing was saved.",
    );
    await expect(stat(output)).rejects.toThrow();
  });

  it("ends with Amazon's refusal when the pasted address carries error=access_denied", async () => {
    const { io, login, redirectedTo } = await pasteLogin();
    const denied = new URL(redirectedTo);
    denied.searchParams.delete("code");
    denied.searchParams.set("error", "access_denied");
    io.input.write(`${denied.href}\n`);
    await expect(login).rejects.toThrow(/refused the consent \(access_denied/);
  });
});
