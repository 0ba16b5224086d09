/**
 * `cdktf-amazon-ads emulator`: serves the local Login with Amazon + Ads API stand-in until
 * SIGINT/SIGTERM, for demos, offline work and tests that drive it as a separate process.
 */
import { Command, InvalidArgumentError } from "commander";
import { REGIONS } from "../../amazon-ads/regions.js";
import { type Emulator, type EmulatorLogEntry, startEmulator } from "../../emulator/index.js";

/** The command's side effects, replaceable in tests. */
export interface EmulatorCommandIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Resolves when the emulator should stop. @default the first SIGINT or SIGTERM */
  readonly untilStopped: () => Promise<unknown>;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

const processIo: EmulatorCommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  untilStopped: untilSignal,
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError("Give a port number from 0 to 65535 (0 picks a free port).");
  }
  return port;
}

const EXAMPLES = `
Examples:
  $ cdktf-amazon-ads emulator
      serve on a free port of 127.0.0.1 and print the URLs and demo credentials
  $ cdktf-amazon-ads emulator --port 8766 --auto-approve
      a fixed port, and consent pages that approve at once (no browser click needed)
  $ cdktf-amazon-ads emulator --json --auto-approve
      one JSON line for scripts: {"authorization_url","token_url","api_url","client_id",
      "client_secret","redirect_uri"}
  $ cdktf-amazon-ads emulator --host 0.0.0.0 --port 8766
      listen on every interface (for a container's published port); URLs print as 127.0.0.1

Point the provider at it with AMAZON_ADS_AUTHORIZATION_URL, AMAZON_ADS_TOKEN_URL and
AMAZON_ADS_API_URL (per-region URLs use the /na, /eu and /fe prefixes). Stop it with Ctrl+C.
The admin API (faults, clock, grants, counters) is under <url>/_emulator.
Exit codes: 0 stopped with Ctrl+C (or SIGTERM), 1 could not listen (port in use, unknown host),
2 usage error.
`;

function summary(emulator: Emulator, autoApprove: boolean): string {
  const rows = REGIONS.map((region) => {
    const urls = emulator.regions[region];
    return `  ${region}  ${urls.authorizationUrl}\n      ${urls.tokenUrl}\n      ${urls.apiUrl}`;
  });
  return [
    `Amazon Ads emulator listening on ${emulator.url} (consent: ${autoApprove ? "approved at once" : "Allow/Deny page"})`,
    "",
    `Default (NA): consent page ${emulator.authorizationUrl}`,
    `              token        ${emulator.tokenUrl}`,
    `              Ads API      ${emulator.apiUrl}`,
    "Per region (consent page, token endpoint, Ads API):",
    ...rows,
    "",
    `Demo client id:     ${emulator.clientId}`,
    `Demo client secret: ${emulator.clientSecret}   (a fake that only opens this emulator)`,
    `Redirect URIs:      ${emulator.redirectUris.join(", ")}`,
    `Admin API:          ${emulator.url}/_emulator`,
    "Press Ctrl+C to stop.",
    "",
  ].join("\n");
}

function describeRequest(entry: EmulatorLogEntry): string {
  const result = entry.status === undefined ? entry.outcome : String(entry.status);
  const fault = entry.fault ? ` [fault: ${entry.fault}]` : "";
  const reason = entry.reason ? ` (${entry.reason})` : "";
  return `${entry.method} ${entry.path} → ${result}${fault}${reason}\n`;
}

interface EmulatorCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly json?: boolean;
  readonly autoApprove?: boolean;
}

/** Builds the `emulator` subcommand. */
export function emulatorCommand(io: EmulatorCommandIo = processIo): Command {
  return new Command("emulator")
    .description(
      "Serve a local stand-in for Login with Amazon and the Amazon Ads API (demo app and user, " +
        "profiles in NA, EU and FE) until Ctrl+C.",
    )
    .option("--port <number>", "port to listen on; 0 picks a free one", parsePort, 0)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option(
      "--json",
      "print one JSON line with URLs and demo credentials once listening, nothing else",
    )
    .option("--auto-approve", "approve consent at once, as if Allow was clicked")
    .addHelpText("after", EXAMPLES)
    .action(async (options: EmulatorCommandOptions) => {
      const emulator = await startEmulator({
        port: options.port,
        host: options.host,
        autoApprove: options.autoApprove ?? false,
        ...(options.json ? {} : { log: (entry) => io.err(describeRequest(entry)) }),
      }).catch((error: NodeJS.ErrnoException) => {
        const where = `${options.host}:${options.port}`;
        if (error.code === "EADDRINUSE") {
          throw new Error(
            `${where} is already in use; choose another --port (0 picks a free one).`,
          );
        }
        throw new Error(`cannot listen on ${where}: ${error.message}. Check --host and --port.`);
      });
      if (options.json) {
        io.out(
          `${JSON.stringify({
            authorization_url: emulator.authorizationUrl,
            token_url: emulator.tokenUrl,
            api_url: emulator.apiUrl,
            client_id: emulator.clientId,
            client_secret: emulator.clientSecret,
            redirect_uri: emulator.redirectUri,
          })}\n`,
        );
      } else {
        io.out(summary(emulator, options.autoApprove ?? false));
      }
      await io.untilStopped();
      await emulator.close();
    });
}
