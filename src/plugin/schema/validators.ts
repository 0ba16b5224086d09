/**
 * Validators: value checks attached to attributes. The framework runs them on configured values
 * that are known and not null, and turns each message into an error on the attribute's path.
 */

/** A check on a known, non-null value. */
export interface Validator<T> {
  /** What a valid value looks like, in plain English (for docs): "one of NA, EU, FE". */
  readonly description: string;
  /**
   * Returns why `value` is invalid, as the end of a sentence that starts with the attribute's
   * name ("must be one of NA, EU, FE"), or undefined when it is valid. Never echo secrets.
   */
  validate(value: T): string | undefined;
}

/** Accepts only the listed values. */
export function oneOf<T extends string | number>(...allowed: readonly T[]): Validator<T> {
  const list = allowed.join(", ");
  return {
    description: `one of ${list}`,
    validate: (value) => (allowed.includes(value) ? undefined : `must be one of ${list}`),
  };
}

/** Accepts strings matching `pattern`; `description` says what that means to a user. */
export function matches(pattern: RegExp, description: string): Validator<string> {
  return {
    description,
    validate: (value) => (pattern.test(value) ? undefined : `must be ${description}`),
  };
}

/** Accepts strings whose length (in characters) is between `min` and `max`, inclusive. */
export function lengthBetween(min: number, max: number): Validator<string> {
  const description = `between ${min} and ${max} characters long`;
  return {
    description,
    validate: (value) =>
      [...value].length >= min && [...value].length <= max ? undefined : `must be ${description}`,
  };
}

/** Accepts numbers between `min` and `max`, inclusive. */
export function between(min: number, max: number): Validator<number> {
  const description = `a number from ${min} to ${max}`;
  return {
    description,
    validate: (value) => (value >= min && value <= max ? undefined : `must be ${description}`),
  };
}

/** Accepts absolute URLs whose scheme is one of `protocols` (default http and https). */
export function absoluteUrl(protocols: readonly string[] = ["http", "https"]): Validator<string> {
  const description = `an absolute ${protocols.join(" or ")} URL`;
  return {
    description,
    validate(value) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return `must be ${description}, such as ${protocols[0]}://example.com/path`;
      }
      return protocols.includes(url.protocol.slice(0, -1)) && url.host
        ? undefined
        : `must be ${description}, such as ${protocols[0]}://example.com/path`;
    },
  };
}
