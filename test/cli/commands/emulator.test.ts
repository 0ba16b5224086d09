import { jest } from "@jest/globals";
import { Command } from "commander";
import { startEmulator } from "../../../src/emulator/index.js";
import { type EmulatorCommandIo, emulatorCommand } from "../../../src/cli/commands/emulator.js";
import { main } from "../../../src/cli/main.js";

/** Runs the command in-process with captured output and a stop the test controls. */
function run(args: string[]): {
  out: string[];
  err: string[];
  listening: Promise<void>;
  stop: () => void;
  done: Promise<unknown>;
} {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  let markListening!: () => void;
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  const io: EmulatorCommandIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilStopped: () => {
      markListening();
      return new Promise<void>((resolve) => (stop = resolve));
    },
  };
  const program = new Command("cdktf-amazon-ads").exitOverride().addCommand(emulatorCommand(io));
  const done = program.parseAsync(["node", "cdktf-amazon-ads", "emulator", ...args]);
  return { out, err, listening, stop: () => stop(), done };
}

describe("the emulator command (in-process, with captured output)", () => {
  it("prints exactly one JSON line with the demo connection and serves until stopped", async () => {
    const command = run(["--json", "--auto-approve"]);
    await command.listening;
    expect(command.out).toHaveLength(1);
    const line = command.out[0]!;
    expect(line.endsWith("\n")).toBe(true);
    const info = JSON.parse(line) as Record<string, string>;
    expect(Object.keys(info)).toEqual([
      "authorization_url",
      "token_url",
      "api_url",
      "client_id",
      "client_secret",
      "redirect_uri",
    ]);
    expect(info.redirect_uri).toBe("http://localhost:8765/callback");
    expect(info.client_id).toMatch(/^amzn1\.application-oa2-client\.[0-9a-f]{32}$/);
    const consent = await fetch(
      `${info.authorization_url}?client_id=${info.client_id}&scope=advertising::campaign_management&response_type=code&redirect_uri=${encodeURIComponent(info.redirect_uri!)}`,
      { redirect: "manual" },
    );
    expect(consent.status).toBe(302);
    command.stop();
    await command.done;
    await expect(fetch(info.api_url!)).rejects.toThrow();
    expect(command.err).toEqual([]);
  });

  it("prints a summary with every region's URLs and logs requests to stderr", async () => {
    const command = run([]);
    await command.listening;
    const text = command.out.join("");
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    for (const prefix of ["/na", "/eu", "/fe"]) {
      expect(text).toContain(`${url}${prefix}/ap/oa`);
      expect(text).toContain(`${url}${prefix}/auth/o2/token`);
    }
    expect(text).toContain("Allow/Deny page");
    await fetch(`${url}/v2/profiles`);
    expect(command.err).toEqual(["GET /v2/profiles → 401 (no bearer token)\n"]);
    command.stop();
    await command.done;
  });

  it("says which port is taken and how to choose another", async () => {
    const busy = await startEmulator();
    try {
      const command = run(["--port", String(busy.port)]);
      await expect(command.done).rejects.toThrow(/already in use; choose another --port/);
    } finally {
      await busy.close();
    }
  });
});

describe("the emulator command's usage errors", () => {
  it.each([[["--port", "abc"]], [["--port", "70000"]], [["--colour"]]])(
    "exits 2 for %j",
    async (args) => {
      const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        expect(await main(["node", "cdktf-amazon-ads", "emulator", ...args])).toBe(2);
        expect(stderr.mock.calls.map((c) => String(c[0])).join("")).toContain("error:");
      } finally {
        stderr.mockRestore();
      }
    },
  );

  it("shows examples in --help and exits 0", async () => {
    const stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["node", "cdktf-amazon-ads", "emulator", "--help"])).toBe(0);
      const help = stdout.mock.calls.map((c) => String(c[0])).join("");
      expect(help).toContain("Examples:");
      expect(help).toContain("--auto-approve");
    } finally {
      stdout.mockRestore();
    }
  });
});
