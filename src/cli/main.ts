import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { emulatorCommand } from "./commands/emulator.js";
import { installProviderCommand } from "./commands/install-provider.js";

/** Exit codes shared by every command: 0 success, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Builds the `cdktf-amazon-ads` command tree. Each subcommand registers itself from its own file. */
export function buildProgram(): Command {
  const program = new Command("cdktf-amazon-ads")
    .description("Connect Amazon Ads API advertisers to Terraform and CDK for Terraform.")
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(emulatorCommand());
  program.addCommand(installProviderCommand());
  return program;
}

/**
 * Runs the command line and resolves to its exit code; never throws, so the entry point can set
 * `process.exitCode` and let pending output drain.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    console.error(`cdktf-amazon-ads: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
