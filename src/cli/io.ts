/**
 * What the commands touch of the process: output streams, the environment, standard input and
 * whether standard error is a terminal. Tests pass their own; the entry point passes the process.
 */

/** The process as the commands see it. */
export interface CliIo {
  /** Writes to standard output (results meant for scripts: tables, JSON, tokens, `export` lines). */
  readonly out: (text: string) => void;
  /** Writes to standard error (progress, notes, errors). */
  readonly err: (text: string) => void;
  /** Environment variables (`AMAZON_ADS_*`, `XDG_CONFIG_HOME`, …). */
  readonly env: NodeJS.ProcessEnv;
  /** Standard input, for `login --paste`. */
  readonly stdin: NodeJS.ReadableStream;
  /** True when standard error is an interactive terminal (spinners only then). */
  readonly stderrIsTty: boolean;
}

let pipesGuarded = false;

// `cdktf-amazon-ads profiles | head -3` closes the pipe early; end quietly as other commands
// do rather than with an unhandled EPIPE and its stack trace.
function endQuietlyOnClosedPipe(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  endQuietlyOnClosedPipe();
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    stdin: process.stdin,
    stderrIsTty: process.stderr.isTTY === true,
  };
}
