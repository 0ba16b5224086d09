/**
 * The emulator's clock: an injectable time source plus the time tests have advanced it by, so code
 * expiry (5 minutes) and access-token expiry (3600 s) can be tested without sleeping.
 */
export class EmulatorClock {
  #offsetMs = 0;

  /** @param source - milliseconds since the epoch; defaults to the real clock. */
  constructor(private readonly source: () => number = Date.now) {}

  /** The emulator's current time in milliseconds since the epoch. */
  now(): number {
    return this.source() + this.#offsetMs;
  }

  /** Moves the emulator's time forward; it never goes back. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`The clock only moves forward: got ${ms} ms.`);
    }
    this.#offsetMs += ms;
  }
}
