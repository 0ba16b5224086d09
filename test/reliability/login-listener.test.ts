/**
 * The listener `cdktf-amazon-ads login` opens for the consent redirect, with real CLI processes
 * against the emulator: it is bound to loopback only (unreachable on this machine's other
 * addresses), refuses callbacks without this login's state and replays of the genuine one, and a
 * second login on the same port fails at once with a message that says what to do.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, stat } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../src/emulator/index.js";
import { answerConsent, emulatorAllowing, emulatorEnv, freePort } from "../cli/support.js";
import { stackTraceLines } from "../e2e/support/diagnostics.js";
import { type CliProcess, consentUrlOf, startCli, stopCli } from "../e2e/support/cli.js";

let emulator: Emulator;
let port: number;
let redirectUri: string;
const processes: CliProcess[] = [];

beforeAll(async () => {
  port = await freePort();
  redirectUri = `http://localhost:${port}/callback`;
  emulator = await emulatorAllowing(port, { autoApprove: true });
});
afterEach(() => processes.forEach(stopCli));
afterAll(() => emulator.close());

/** Starts `login --no-browser` on the test's port; resolves once it listens. */
async function startLogin(): Promise<{ login: CliProcess; consentUrl: string; output: string }> {
  const output = join(await mkdtemp(join(tmpdir(), "login-listener-")), "credentials.json");
  const login = startCli(
    ["login", "--no-browser", "--redirect-uri", redirectUri, "--output", output],
    emulatorEnv(emulator),
  );
  processes.push(login);
  return { login, consentUrl: await consentUrlOf(login), output };
}

/** Resolves with the error code of a TCP connection attempt, or "connected". */
function tryConnect(host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("ETIMEDOUT");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** The local addresses with a listening TCP socket on `port`, read from the kernel's tables. */
function listeningOn(port: number): string[] {
  const found: string[] = [];
  for (const [file, v6] of [
    ["/proc/net/tcp", false],
    ["/proc/net/tcp6", true],
  ] as const) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue; // no IPv6 on this kernel
    }
    for (const line of table.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = local!.split(":");
      if (state !== "0A" || parseInt(hexPort!, 16) !== port) continue;
      found.push(v6 ? ipv6(hexAddress!) : ipv4(hexAddress!));
    }
  }
  return found;
}

// The kernel prints addresses as 32-bit words in host (little-endian) order.
function ipv4(hex: string): string {
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
}
function ipv6(hex: string): string {
  const bytes = hex.match(/.{8}/g)!.flatMap((word) => word.match(/../g)!.reverse());
  const groups = bytes
    .join("")
    .match(/.{4}/g)!
    .map((g) => parseInt(g, 16).toString(16));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}

/** Answers the consent page (auto-approved) and returns the genuine callback URL. */
function genuineCallback(consentUrl: string): Promise<string> {
  return answerConsent(consentUrl, "allow");
}

describe("the login listener", () => {
  it("listens on loopback only: unreachable on every other address of this machine", async () => {
    const { login } = await startLogin();
    const bound = listeningOn(port);
    expect(bound.length).toBeGreaterThan(0);
    expect(bound.filter((address) => address !== "127.0.0.1" && address !== "::1")).toEqual([]);
    expect(await tryConnect("127.0.0.1")).toBe("connected");

    const others = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
      (addresses ?? [])
        .filter((a) => !a.internal)
        .map((a) => (a.family === "IPv6" && a.scopeid ? `${a.address}%${name}` : a.address)),
    );
    process.stdout.write(`non-loopback addresses tried: ${others.join(", ") || "(none)"}\n`);
    for (const address of others) {
      expect([address, await tryConnect(address)]).toEqual([address, "ECONNREFUSED"]);
    }
    expect(login.child.exitCode).toBeNull();
  });

  it("refuses a callback with a wrong or missing state, keeps waiting, then takes the genuine one", async () => {
    const { login, consentUrl, output } = await startLogin();
    emulator.admin.resetCounters();
    const forged = await fetch(`${redirectUri}?code=forged-code&state=not-this-login`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("does not carry the state of the sign-in in progress");
    const unsigned = await fetch(`${redirectUri}?code=forged-code`);
    expect(unsigned.status).toBe(400);
    await expect(stat(output)).rejects.toThrow();
    expect(login.child.exitCode).toBeNull();
    expect(emulator.admin.calls("token", "authorization_code")).toBe(0);

    const genuine = await fetch(await genuineCallback(consentUrl));
    expect(genuine.status).toBe(200);
    expect(await login.exited).toBe(0);
    expect(login.stderr).toContain("Refused a request to the callback with a state that is not");
    expect(login.stderr).toContain("Refused a request to the callback with no state");
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
  });

  it("refuses a replayed callback: one redemption, whether the replay races it or comes after", async () => {
    const { login, consentUrl } = await startLogin();
    emulator.admin.resetCounters();
    const callback = await genuineCallback(consentUrl);
    const visits = await Promise.allSettled([fetch(callback), fetch(callback)]);
    const statuses = visits.map((v) => (v.status === "fulfilled" ? v.value.status : "refused"));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The replay meets the "already finished" page, or no listener if the login ended first.
    const [replay] = statuses.filter((s) => s !== 200);
    expect([400, "refused"]).toContain(replay);
    expect(await login.exited).toBe(0);
    // Once the login is over, nothing listens any more.
    await expect(fetch(callback)).rejects.toThrow();
    expect(emulator.admin.calls("token", "authorization_code")).toBe(1);
  });

  it("fails at once when the app has not registered the redirect URI, instead of waiting in vain", async () => {
    const unregistered = `http://localhost:${await freePort()}/callback`;
    const login = startCli(
      ["login", "--no-browser", "--redirect-uri", unregistered, "--output", "/dev/null"],
      emulatorEnv(emulator),
    );
    processes.push(login);
    expect(await login.exited).toBe(1);
    expect(login.stderr).toContain(
      `Login with Amazon refuses the redirect URI ${unregistered}: it is not on the Allowed Return URLs`,
    );
    expect(login.stderr).not.toContain("Waiting for you");
    expect(stackTraceLines(login.stderr)).toEqual([]);
  });

  it("fails a second concurrent login on the same port at once, saying what to do", async () => {
    const first = await startLogin();
    const second = startCli(
      ["login", "--no-browser", "--redirect-uri", redirectUri, "--output", "/dev/null"],
      emulatorEnv(emulator),
    );
    processes.push(second);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toContain(`Port ${port} on localhost is already in use (another login`);
    expect(second.stderr).toContain("--redirect-uri");
    expect(stackTraceLines(second.stderr)).toEqual([]);
    // The first login is unharmed.
    expect((await fetch(await genuineCallback(first.consentUrl))).status).toBe(200);
    expect(await first.login.exited).toBe(0);
  });
});
