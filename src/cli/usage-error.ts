/**
 * A mistake in how a command was called (a missing client id, a bad redirect URI): the command line
 * ends with exit code 2 and the message, not a stack trace.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";

  /**
   * @param message - what is wrong and how to call the command instead
   * @param command - the subcommand concerned, so the message can point at its `--help`
   */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}
