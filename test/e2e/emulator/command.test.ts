/**
 * The `emulator` command as a user runs it: a separate process, driven with plain curl through a
 * whole consent → code → token → profiles flow, then stopped with SIGINT.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const run = promisify(execFile);

// Runs the CLI from source, the way bin/cdktf-amazon-ads.js runs the compiled one.
const ENTRY = `import { main } from "./src/cli/main.ts";
process.exitCode = await main([process.argv[0], "cdktf-amazon-ads", ...process.argv.slice(1)]);`;

interface Connection {
  authorization_url: string;
  token_url: string;
  api_url: string;
  client_id: string;
  client_secret: string;
  redirect_uri: string;
}

async function curl(...args: string[]): Promise<string> {
  const { stdout } = await run("/usr/bin/curl", ["--silent", "--show-error", ...args]);
  return stdout;
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const end = buffered.indexOf("\n");
      if (end >= 0) {
        child.stdout.off("data", onData);
        resolve(buffered.slice(0, end));
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`emulator exited early with ${code}`)));
  });
}

describe("cdktf-amazon-ads emulator --json --auto-approve", () => {
  let child: ChildProcessWithoutNullStreams;
  let laterOutput = "";
  let stderr = "";

  beforeAll(() => {
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "--eval",
        ENTRY,
        "--",
        "emulator",
        "--json",
        "--auto-approve",
      ],
      { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: "1" } },
    );
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  });

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("prints one JSON line, serves the full flow to curl, and exits 0 on SIGINT", async () => {
    const connection = JSON.parse(await firstLine(child)) as Connection;
    child.stdout.on("data", (chunk: Buffer) => (laterOutput += chunk.toString("utf8")));
    expect(Object.keys(connection)).toEqual([
      "authorization_url",
      "token_url",
      "api_url",
      "client_id",
      "client_secret",
      "redirect_uri",
    ]);
    expect(connection.redirect_uri).toBe("http://localhost:8765/callback");

    // 1. Consent: auto-approved, so the answer is a redirect carrying the code and our state.
    const consent = new URL(connection.authorization_url);
    consent.search = new URLSearchParams({
      client_id: connection.client_id,
      scope: "advertising::campaign_management",
      response_type: "code",
      redirect_uri: connection.redirect_uri,
      state: "curl-state",
    }).toString();
    const [status, location] = (
      await curl(
        "--output",
        "/dev/null",
        "--write-out",
        "%{http_code} %{redirect_url}",
        consent.href,
      )
    ).split(" ");
    expect(status).toBe("302");
    const callback = new URL(location!);
    expect(callback.searchParams.get("state")).toBe("curl-state");
    const code = callback.searchParams.get("code")!;

    // 2. Token exchange, form-encoded as LwA requires.
    const form = {
      grant_type: "authorization_code",
      code,
      redirect_uri: connection.redirect_uri,
      client_id: connection.client_id,
      client_secret: connection.client_secret,
    };
    const fields = Object.entries(form).flatMap(([k, v]) => ["--data-urlencode", `${k}=${v}`]);
    const tokens = JSON.parse(await curl(...fields, connection.token_url)) as Record<
      string,
      unknown
    >;
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600 });

    // 3. Profiles, with the exact big ids in the raw body.
    const profiles = await curl(
      ...["--header", `Authorization: Bearer ${String(tokens.access_token)}`],
      ...["--header", `Amazon-Advertising-API-ClientId: ${connection.client_id}`],
      `${connection.api_url}/v2/profiles`,
    );
    expect(profiles).toContain('"profileId":34567890123456789,');
    expect(profiles).toContain('"countryCode":"US"');

    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.once("exit", (exitCode, signal) => resolve([exitCode, signal])),
    );
    child.kill("SIGINT");
    expect(await exited).toEqual([0, null]);
    expect(laterOutput).toBe("");
    expect(stderr).toBe("");
  });
});
