/** The options shared by the commands that use a stored grant (`profiles`, `token`). */
import type { Command } from "commander";
import type { HttpOptions } from "../amazon-ads/http.js";
import { ENV, fallbackCredentialsPath } from "./env.js";
import type { CliIo } from "./io.js";

/** `--credentials` and `--client-secret` as commander parsed them. */
export interface GrantOptions {
  /** `--credentials <file>`. */
  readonly credentials?: string;
  /** `--client-secret <secret>`. */
  readonly clientSecret?: string;
}

/** What a grant command may be given instead of the real process and transport. */
export interface GrantCommandSeams {
  readonly io?: CliIo;
  readonly http?: HttpOptions;
}

/** Adds `--credentials` and `--client-secret` to a command. */
export function withGrantOptions(command: Command): Command {
  return command
    .option(
      "--credentials <file>",
      `the credentials file written by login (default: $${ENV.credentialsFile}, else ` +
        `${fallbackCredentialsPath()})`,
    )
    .option(
      "--client-secret <secret>",
      `the client secret of the grant's app (default: $${ENV.clientSecret}; prefer the ` +
        `variable, since command lines are visible to other users in ps)`,
    );
}
