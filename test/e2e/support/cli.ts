/**
 * End-to-end harness for the `cdktf-amazon-ads` command: a real CLI process run from source (the
 * way bin/cdktf-amazon-ads.js runs the compiled one), its output collected as it comes.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

// The CLI's entry, evaluated by Node with tsx so that no build is needed.
const ENTRY = `import { main } from "./src/cli/main.ts";
process.exitCode = await main([process.argv[0], "cdktf-amazon-ads", ...process.argv.slice(1)]);`;

/** A CLI process with its output collected. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `cdktf-amazon-ads <args>` with `env` added to this process's environment, on the Node.js
 * `node` (default: the one running the tests).
 */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  node: string = process.execPath,
): CliProcess {
  const child = spawn(
    node,
    ["--import", "tsx", "--input-type=module", "--eval", ENTRY, "--", ...args],
    { cwd: root, env: { ...process.env, ...env, NODE_NO_WARNINGS: "1" } },
  );
  const run: CliProcess = {
    child,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  };
  child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString("utf8")));
  return run;
}

/**
 * Resolves the consent address a `login` prints, once its listener is up (the progress line comes
 * after it); rejects when the process exits first.
 */
export function consentUrlOf(login: CliProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const found = /\n {2}(http:\/\/127\.0\.0\.1:\d+\/\S*ap\/oa\?\S+)\n/.exec(login.stderr);
      if (found && login.stderr.includes("Waiting for you")) resolve(found[1]!);
    };
    look();
    login.child.stderr.on("data", look);
    void login.exited.then((code) =>
      reject(new Error(`login exited with ${code} before printing the URL:\n${login.stderr}`)),
    );
  });
}

/** Ends a CLI process that is still running. */
export function stopCli(run: CliProcess): void {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
}
