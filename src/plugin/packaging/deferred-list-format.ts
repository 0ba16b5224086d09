/**
 * What a provider bundle has in place of `Intl.ListFormat`: the same object, made on first use.
 *
 * The first `Intl` object a process makes initialises ICU, which took 20 ms on Node.js 20 and
 * ~50 ms on Node.js 22 and 24 here. got's `@sindresorhus/is` makes two list formatters when it
 * loads, for the wording of assertion errors that a working provider never raises, so every
 * process that sent one HTTP request paid that. The bundler (`bundle.ts`) replaces each
 * `Intl.ListFormat` in the program with this class, which makes the real formatter when one of
 * its methods is first called. A formatter whose options are invalid throws then, rather than
 * at construction.
 *
 * The real class is reached through `globalThis`, which the bundler's replacement does not match.
 */
type ListFormatArguments = ConstructorParameters<typeof Intl.ListFormat>;

/** `Intl.ListFormat`, constructed lazily. */
export class DeferredListFormat implements Intl.ListFormat {
  /** As `Intl.ListFormat.supportedLocalesOf`, which makes no formatter. */
  static supportedLocalesOf(
    ...args: Parameters<typeof Intl.ListFormat.supportedLocalesOf>
  ): string[] {
    return globalThis.Intl.ListFormat.supportedLocalesOf(...args);
  }

  readonly #args: ListFormatArguments;
  #formatter: Intl.ListFormat | undefined;

  constructor(...args: ListFormatArguments) {
    this.#args = args;
  }

  /** As `Intl.ListFormat.prototype.format`. */
  format(list: Iterable<string>): string {
    return this.#real().format(list);
  }

  /** As `Intl.ListFormat.prototype.formatToParts`. */
  formatToParts(list: Iterable<string>): ReturnType<Intl.ListFormat["formatToParts"]> {
    return this.#real().formatToParts(list);
  }

  /** As `Intl.ListFormat.prototype.resolvedOptions`. */
  resolvedOptions(): Intl.ResolvedListFormatOptions {
    return this.#real().resolvedOptions();
  }

  get [Symbol.toStringTag](): string {
    return "Intl.ListFormat";
  }

  #real(): Intl.ListFormat {
    return (this.#formatter ??= new globalThis.Intl.ListFormat(...this.#args));
  }
}
