/**
 * Every secret the emulator issued or accepted: client secrets, authorization codes, PKCE
 * verifiers, refresh and access tokens. Leak-scan tests search all output for these values.
 */
export class SecretLedger {
  readonly #values = new Set<string>();

  /** Remembers a secret value (empty strings are ignored: they would match everything). */
  record(value: string): void {
    if (value.length > 0) this.#values.add(value);
  }

  /** Every secret recorded so far, oldest first. */
  list(): string[] {
    return [...this.#values];
  }
}
