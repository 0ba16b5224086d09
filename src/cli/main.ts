import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { emulatorCommand } from "./commands/emulator.js";
import { installProviderCommand } from "./commands/install-provider.js";
import { loginCommand, type LoginCommandSeams } from "./commands/login.js";
import { profilesCommand } from "./commands/profiles.js";
import { tokenCommand } from "./commands/token.js";
import type { HttpOptions } from "../amazon-ads/http.js";
import { processIo, type CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** Exit codes shared by every command: 0 success, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What the command line may be given instead of the real process (tests). */
export interface ProgramSeams {
  /** Output streams, environment, stdin. @default the process's */
  readonly io?: CliIo;
  /** `login`'s browser, clock, randomness and cancellation. */
  readonly login?: Omit<LoginCommandSeams, "io">;
  /** Transport settings for every Amazon client (timeouts, retries). */
  readonly http?: HttpOptions;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

// addCommand() does not hand the program's settings down (only .command() does), so each
// subcommand copies them here: usage errors then end through main's handler, not process.exit.
function inheritSettings(command: Command): void {
  for (const sub of command.commands) {
    sub.copyInheritedSettings(command);
    inheritSettings(sub);
  }
}

/** Builds the `cdktf-amazon-ads` command tree. Each subcommand registers itself from its own file. */
export function buildProgram(seams: ProgramSeams = {}): Command {
  const io = seams.io ?? processIo();
  const grantSeams = { io, ...(seams.http ? { http: seams.http } : {}) };
  const program = new Command("cdktf-amazon-ads")
    .description("Connect Amazon Ads API advertisers to Terraform and CDK for Terraform.")
    .version(packageVersion())
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError("(add --help for usage and examples)")
    .exitOverride();
  program.addCommand(loginCommand({ ...seams.login, ...grantSeams }));
  program.addCommand(profilesCommand(grantSeams));
  program.addCommand(tokenCommand(grantSeams));
  program.addCommand(emulatorCommand());
  program.addCommand(installProviderCommand({ write: (text) => io.out(text) }));
  inheritSettings(program);
  return program;
}

/**
 * Runs the command line and resolves to its exit code; never throws, so the entry point can set
 * `process.exitCode` and let pending output drain. Errors print as their message, never a stack.
 */
export async function main(argv: readonly string[], seams: ProgramSeams = {}): Promise<number> {
  const io = seams.io ?? processIo();
  const program = buildProgram({ ...seams, io });
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed the problem already; --help and --version end here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      const help = error.command ? ` ${error.command}` : "";
      io.err(`cdktf-amazon-ads${help}: ${error.message}\n(see cdktf-amazon-ads${help} --help)\n`);
      return EXIT.usage;
    }
    io.err(`cdktf-amazon-ads: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}
