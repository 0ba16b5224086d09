/**
 * One login from start to end against the in-process emulator over real HTTP, with a scripted
 * browser (a fake standing in for a person) and, where time matters, a fake timer.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { isAmazonAdsError } from "../../../src/amazon-ads/errors.js";
import { runLogin, type LoginSeams } from "../../../src/cli/login/flow.js";
import { resolveLoginSettings, type LoginOptions } from "../../../src/cli/login/settings.js";
import type { Emulator } from "../../../src/emulator/index.js";
import {
  captureIo,
  emulatorAllowing,
  emulatorEnv,
  eventually,
  freePort,
  scratchDir,
  scriptedBrowser,
  type CapturedIo,
} from "../support.js";

let emulator: Emulator;
let port: number;
const outputs: CapturedIo[] = [];

beforeAll(async () => {
  port = await freePort();
  emulator = await emulatorAllowing(port);
});

afterAll(async () => {
  // The leak check: nothing the emulator issued or accepted was ever written to the terminal.
  const written = outputs.map((io) => io.all()).join("\n");
  expect(emulator.admin.secrets().length).toBeGreaterThan(3);
  for (const secret of emulator.admin.secrets()) expect(written).not.toContain(secret);
  await emulator.close();
});

async function setup(options: LoginOptions = {}, env: NodeJS.ProcessEnv = {}) {
  const dir = await scratchDir();
  const io = captureIo(emulatorEnv(emulator, env));
  outputs.push(io);
  const settings = resolveLoginSettings(
    {
      redirectUri: `http://localhost:${port}/callback`,
      output: join(dir, "credentials.json"),
      ...options,
    },
    io.env,
  );
  return { io, settings, output: settings.output };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The consent address login printed, once it is waiting (the listener is up by then). */
async function printedConsentUrl(io: CapturedIo): Promise<string> {
  await eventually(() => io.stderr.join("").includes("Waiting for you"));
  return /\n {2}(http:\/\/\S+)\n/.exec(io.stderr.join(""))![1]!;
}

/** A timer the test ends by hand (a fake: no real waiting). */
function manualTimer(): { sleep: NonNullable<LoginSeams["sleep"]>; expire: () => void } {
  let expire = (): void => undefined;
  return {
    sleep: (_ms, signal) =>
      new Promise<void>((resolve, reject) => {
        expire = resolve;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
    expire: () => expire(),
  };
}

describe("login with a scripted browser (fake) against the emulator", () => {
  it("redeems the code at once and stores the grant in a 0600 file", async () => {
    const { io, settings, output } = await setup({ scope: ["advertising::campaign_management"] });
    const browser = scriptedBrowser("allow");
    const before = emulator.admin.calls("token", "authorization_code");
    const result = await runLogin(settings, {
      io,
      openBrowser: browser.open,
      now: () => Date.parse("2026-11-29T10:00:00Z"),
    });

    const visit = await browser.visits[0]!;
    expect(visit.status).toBe(200);
    expect(visit.html).toContain("You can close this tab");
    expect(emulator.admin.calls("token", "authorization_code")).toBe(before + 1);
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(output, "utf8")) as Record<string, unknown>;
    expect(file).toEqual({
      version: 1,
      client_id: emulator.clientId,
      region: "NA",
      scopes: ["advertising::campaign_management"],
      refresh_token: result.grant.refreshToken,
      granted_at: "2026-11-29T10:00:00.000Z",
      redirect_uri: `http://localhost:${port}/callback`,
    });
    expect(result.path).toBe(output);
    expect(io.stdout).toEqual([]);
  });

  it("fails at once, opening no browser, when the app has not registered the redirect URI", async () => {
    const other = await freePort();
    const { io, settings, output } = await setup({
      redirectUri: `http://localhost:${other}/callback`,
    });
    const browser = scriptedBrowser("allow");
    await expect(runLogin(settings, { io, openBrowser: browser.open })).rejects.toThrow(
      `Login with Amazon refuses the redirect URI http://localhost:${other}/callback: it is not on ` +
        "the Allowed Return URLs",
    );
    expect(browser.opened).toEqual([]);
    expect(await exists(output)).toBe(false);
  });

  it("sends a fresh state and a fresh PKCE S256 challenge on every run", async () => {
    const urls: URL[] = [];
    for (let run = 0; run < 2; run += 1) {
      const { io, settings } = await setup();
      const browser = scriptedBrowser("allow");
      await runLogin(settings, { io, openBrowser: browser.open });
      urls.push(new URL(browser.opened[0]!));
    }
    const [first, second] = urls.map((url) => url.searchParams);
    expect(first!.get("code_challenge_method")).toBe("S256");
    expect(second!.get("code_challenge_method")).toBe("S256");
    expect(first!.get("state")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first!.get("state")).not.toBe(second!.get("state"));
    expect(first!.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first!.get("code_challenge")).not.toBe(second!.get("code_challenge"));
    expect([...first!.keys()]).not.toContain("code_verifier");
  });

  it("refuses callbacks with a wrong or missing state with a 400 page, writes nothing and keeps waiting", async () => {
    const { io, settings, output } = await setup();
    let settled = false;
    const login = runLogin(settings, {
      io,
      openBrowser: () => Promise.resolve({ opened: true }),
    }).finally(() => (settled = true));
    const consentUrl = await printedConsentUrl(io);
    const callback = `http://localhost:${port}/callback`;
    const wrong = await fetch(`${callback}?code=forged-code&state=not-this-login`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("does not carry the state");
    const missing = await fetch(`${callback}?code=forged-code`);
    expect(missing.status).toBe(400);
    const deniedWithoutState = await fetch(`${callback}?error=access_denied`);
    expect(deniedWithoutState.status).toBe(400);
    expect(await exists(output)).toBe(false);
    expect(settled).toBe(false);
    expect(io.stderr.join("")).toContain("Refused a request to the callback with no state");
    expect(io.stderr.join("")).toContain("a state that is not this login's");

    // The genuine consent still completes the same login.
    const browser = scriptedBrowser("allow");
    await browser.open(consentUrl);
    expect((await browser.visits[0]!).status).toBe(200);
    expect((await login).path).toBe(output);
  });

  it("refuses a replayed callback once the login has finished", async () => {
    const { io, settings } = await setup();
    const browser = scriptedBrowser("allow");
    await runLogin(settings, { io, openBrowser: browser.open });
    const visit = await browser.visits[0]!;
    // The listener is gone, so the replayed code cannot reach anything.
    await expect(fetch(visit.url)).rejects.toThrow();
  });

  it("ends with Amazon's refusal when the user chooses Deny, and writes nothing", async () => {
    const { io, settings, output } = await setup();
    const browser = scriptedBrowser("deny");
    const failure = await runLogin(settings, { io, openBrowser: browser.open }).catch(
      (error: unknown) => error,
    );
    expect(isAmazonAdsError(failure, "CONSENT_REFUSED")).toBe(true);
    expect((failure as Error).message).toContain("access_denied");
    expect((failure as Error).message).toContain("choose Allow");
    const visit = await browser.visits[0]!;
    expect(visit.status).toBe(400);
    expect(visit.html).toContain("nothing was saved");
    expect(await exists(output)).toBe(false);
  });

  it("shows a failed redemption on the page and in the error (code expired, emulator clock moved)", async () => {
    const { io, settings, output } = await setup();
    const browser = scriptedBrowser("allow", {
      beforeCallback: () => emulator.admin.advanceClock(301),
    });
    const failure = await runLogin(settings, { io, openBrowser: browser.open }).catch(
      (error: unknown) => error,
    );
    expect(isAmazonAdsError(failure, "CODE_EXPIRED_OR_USED")).toBe(true);
    const visit = await browser.visits[0]!;
    expect(visit.status).toBe(500);
    expect(visit.html).toContain("has expired or was already redeemed");
    expect(await exists(output)).toBe(false);
  });

  it("stops with a clear message when no consent arrives in time (fake timer), and frees the port", async () => {
    const { io, settings, output } = await setup({ timeout: 120 });
    const timer = manualTimer();
    let listening!: () => void;
    const opened = new Promise<void>((resolve) => (listening = resolve));
    const login = runLogin(settings, {
      io,
      openBrowser: () => {
        listening();
        return Promise.resolve({ opened: true });
      },
      sleep: timer.sleep,
    });
    await opened;
    const elsewhere = await fetch(`http://127.0.0.1:${port}/elsewhere`);
    expect(elsewhere.status).toBe(404);
    timer.expire();
    await expect(login).rejects.toThrow(
      "No consent arrived within 120 s, so login stopped; nothing was saved.",
    );
    expect(await exists(output)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow();
  });

  it("stops when cancelled (Ctrl+C) and writes nothing", async () => {
    const { io, settings, output } = await setup();
    const cancel = new AbortController();
    const login = runLogin(settings, {
      io,
      openBrowser: () => {
        cancel.abort();
        return Promise.resolve({ opened: true });
      },
      cancel: cancel.signal,
    });
    await expect(login).rejects.toThrow("Login cancelled; nothing was saved.");
    expect(await exists(output)).toBe(false);
  });

  it("says so when the browser cannot be opened, prints the address, and keeps waiting", async () => {
    const { io, settings } = await setup();
    const login = runLogin(settings, {
      io,
      openBrowser: () => Promise.resolve({ opened: false, problem: "xdg-open was not found" }),
    });
    const url = await printedConsentUrl(io);
    await eventually(() => io.stderr.join("").includes("Could not open a browser"));
    const browser = scriptedBrowser("allow");
    await browser.open(url);
    await login;
    expect(io.stderr.join("")).toContain(
      "Could not open a browser (xdg-open was not found); open the address above yourself.",
    );
  });

  it("with --no-browser, prints the address without opening anything", async () => {
    const { io, settings } = await setup({ browser: false });
    let opened = 0;
    const login = runLogin(settings, {
      io,
      openBrowser: () => {
        opened += 1;
        return Promise.resolve({ opened: true });
      },
    });
    const url = await printedConsentUrl(io);
    const browser = scriptedBrowser("allow");
    await browser.open(url);
    await login;
    expect(opened).toBe(0);
    expect(io.stderr.join("")).toContain("Open this address in a browser");
  });

  it("checks the client secret before sending anyone to the consent page", async () => {
    const { io, settings } = await setup({}, { AMAZON_ADS_CLIENT_SECRET: "not-the-secret" });
    const browser = scriptedBrowser("allow");
    const failure = await runLogin(settings, { io, openBrowser: browser.open }).catch(
      (error: unknown) => error,
    );
    expect(isAmazonAdsError(failure, "INVALID_CLIENT")).toBe(true);
    expect(browser.opened).toEqual([]);
  });
});

describe("login's listener port", () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
  });

  afterAll(() => new Promise((resolve) => busy.close(resolve)));

  it("names the busy port and suggests --redirect-uri when it is taken", async () => {
    const { io, settings } = await setup({ redirectUri: `http://localhost:${busyPort}/callback` });
    await expect(
      runLogin(settings, { io, openBrowser: () => Promise.resolve({ opened: true }) }),
    ).rejects.toThrow(
      new RegExp(`Port ${busyPort} on localhost is already in use.*--redirect-uri`),
    );
  });
});
