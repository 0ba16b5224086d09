import { EventEmitter } from "node:events";
import type { spawn } from "node:child_process";
import { openerFor, openInBrowser } from "../../../src/cli/login/browser.js";

const URL_WITH_QUERY = "http://127.0.0.1:1/ap/oa?client_id=a&scope=b&state=c";

/** A fake spawn whose child reports what the test scripts. */
function fakeSpawn(script: (child: EventEmitter) => void): {
  spawn: typeof spawn;
  calls: unknown[][];
} {
  const calls: unknown[][] = [];
  const fake = ((...args: unknown[]) => {
    calls.push(args);
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    setImmediate(() => script(child));
    return child;
  }) as unknown as typeof spawn;
  return { spawn: fake, calls };
}

describe("opening the consent page in a browser", () => {
  it("uses the platform's opener", () => {
    expect(openerFor(URL_WITH_QUERY, "linux")).toEqual({
      command: "xdg-open",
      args: [URL_WITH_QUERY],
    });
    expect(openerFor(URL_WITH_QUERY, "darwin")).toEqual({
      command: "open",
      args: [URL_WITH_QUERY],
    });
    const windows = openerFor(URL_WITH_QUERY, "win32");
    expect(windows.command).toBe("cmd.exe");
    // Quoted, so cmd does not split the URL at its `&`s.
    expect(windows.args.at(-1)).toBe(`start "" "${URL_WITH_QUERY}"`);
  });

  it("reports success when the opener (fake spawn) exits 0, detached with no output", async () => {
    const { spawn, calls } = fakeSpawn((child) => child.emit("exit", 0));
    await expect(openInBrowser(URL_WITH_QUERY, "linux", spawn)).resolves.toEqual({ opened: true });
    expect(calls[0]![0]).toBe("xdg-open");
    expect(calls[0]![2]).toMatchObject({ detached: true, stdio: "ignore" });
  });

  it("reports a missing opener (fake spawn: ENOENT) so login can say so", async () => {
    const { spawn } = fakeSpawn((child) =>
      child.emit("error", Object.assign(new Error("spawn xdg-open ENOENT"), { code: "ENOENT" })),
    );
    await expect(openInBrowser(URL_WITH_QUERY, "linux", spawn)).resolves.toEqual({
      opened: false,
      problem: "xdg-open was not found",
    });
  });

  it("reports an opener that fails (fake spawn: exit 3)", async () => {
    const { spawn } = fakeSpawn((child) => child.emit("exit", 3));
    await expect(openInBrowser(URL_WITH_QUERY, "linux", spawn)).resolves.toEqual({
      opened: false,
      problem: "xdg-open exited with 3",
    });
  });
});
