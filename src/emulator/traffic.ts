/**
 * What tests observe of the traffic: calls per endpoint (and per `grant_type` on the token
 * endpoint), requests in flight, and the peak number in flight at once.
 */
import { type EmulatorEndpoint, EMULATOR_ENDPOINTS } from "./endpoints.js";

/** One endpoint's counters. */
export interface EndpointTraffic {
  /** Requests received since the last reset (faulted ones included). */
  calls: number;
  /** Token requests by `grant_type` (`(none)` when absent or unreadable). */
  byGrantType: Record<string, number>;
  /** Requests being handled now (delayed and hung ones included). */
  inFlight: number;
  /** The most requests in flight at once since the last reset. */
  peakConcurrency: number;
}

/** Counters of every endpoint. */
export type TrafficSnapshot = Record<EmulatorEndpoint, EndpointTraffic>;

/** The live counters. */
export class Traffic {
  readonly #counters = Object.fromEntries(
    EMULATOR_ENDPOINTS.map((e) => [
      e,
      { calls: 0, byGrantType: {}, inFlight: 0, peakConcurrency: 0 },
    ]),
  ) as TrafficSnapshot;

  /** Counts a request in; call the returned function once when it is over. */
  begin(endpoint: EmulatorEndpoint, grantType?: string): () => void {
    const counter = this.#counters[endpoint];
    counter.calls += 1;
    if (endpoint === "token") {
      const key = grantType || "(none)";
      counter.byGrantType[key] = (counter.byGrantType[key] ?? 0) + 1;
    }
    counter.inFlight += 1;
    counter.peakConcurrency = Math.max(counter.peakConcurrency, counter.inFlight);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      counter.inFlight -= 1;
    };
  }

  /** Calls to an endpoint, optionally only token calls of one `grant_type`. */
  calls(endpoint: EmulatorEndpoint, grantType?: string): number {
    const counter = this.#counters[endpoint];
    return grantType === undefined ? counter.calls : (counter.byGrantType[grantType] ?? 0);
  }

  /** A copy of every counter. */
  snapshot(): TrafficSnapshot {
    return structuredClone(this.#counters);
  }

  /** Zeroes calls and restarts peaks from what is in flight now. */
  reset(): void {
    for (const counter of Object.values(this.#counters)) {
      counter.calls = 0;
      counter.byGrantType = {};
      counter.peakConcurrency = counter.inFlight;
    }
  }
}
