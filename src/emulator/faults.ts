/**
 * Faults tests inject on purpose: throttling, server errors, delays, hangs, connection resets,
 * malformed bodies, revoked grants, refused consents and forbidden API calls, for one endpoint (or
 * all) and the next N requests or until cleared. The first active fault that matches a request
 * applies to it.
 */
import * as z from "zod";
import { CONSENT_ERRORS } from "./consent-errors.js";
import { type EmulatorEndpoint, EMULATOR_ENDPOINTS } from "./endpoints.js";

const target = {
  /** Only this endpoint. @default every endpoint */
  endpoint: z.enum(EMULATOR_ENDPOINTS).optional(),
  /** Only token requests with this `grant_type`. */
  grantType: z.string().min(1).optional(),
  /** Only requests to this region's hosts. */
  region: z.enum(["NA", "EU", "FE"]).optional(),
  /** How many requests it hits. @default every request until cleared */
  times: z.number().int().positive().optional(),
};

/** The validated form of a {@link FaultSpec} (defaults filled in). */
export const faultSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    ...target,
    kind: z.literal("throttle"),
    retryAfterSeconds: z.number().int().nonnegative().default(1),
    retryAfterFormat: z.enum(["seconds", "http-date", "none"]).default("seconds"),
  }),
  z.strictObject({
    ...target,
    kind: z.literal("server-error"),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500),
  }),
  z.strictObject({ ...target, kind: z.literal("delay"), ms: z.number().int().nonnegative() }),
  z.strictObject({ ...target, kind: z.literal("hang") }),
  z.strictObject({
    ...target,
    kind: z.literal("reset"),
    afterHandling: z.boolean().default(false),
  }),
  z.strictObject({
    ...target,
    kind: z.literal("html"),
    status: z.number().int().min(200).max(599).default(200),
  }),
  z.strictObject({ ...target, kind: z.literal("truncated-json") }),
  z.strictObject({ ...target, kind: z.literal("empty") }),
  z.strictObject({ ...target, kind: z.literal("revoked") }),
  z.strictObject({
    ...target,
    kind: z.literal("consent-refusal"),
    error: z.enum(CONSENT_ERRORS),
    description: z.string().min(1).optional(),
  }),
  z.strictObject({ ...target, kind: z.literal("forbidden") }),
]);

/**
 * A fault to inject. `kind` is one of:
 * - `throttle`: 429 with `Retry-After` (`retryAfterSeconds`, default 1, written as seconds or as an
 *   HTTP-date per `retryAfterFormat`; `none` omits the header);
 * - `server-error`: `status` 500 (default), 502, 503 or 504 with an Amazon-like body;
 * - `delay`: handles the request normally after `ms` milliseconds (given up if the client leaves);
 * - `hang`: never answers (until the client leaves or the emulator closes);
 * - `reset`: destroys the connection without an answer; with `afterHandling: true`, only after
 *   handling the request (a code is redeemed, a token issued), so its effect stays and its answer
 *   is lost;
 * - `html`: an HTML page (`status`, default 200) instead of JSON;
 * - `truncated-json`: handles the request, then sends only the first half of the body;
 * - `empty`: 200 with an empty body;
 * - `revoked`: answers as if the grant were revoked (token: `invalid_grant`; API: 401);
 * - `consent-refusal`: the consent page redirects with `error` (one of LwA's consent errors:
 *   `access_denied`, `invalid_request`, `invalid_scope`, `server_error`,
 *   `temporarily_unavailable`, `unauthorized_client`), `error_description` (`description`, or a
 *   default per error) and the request's `state` — only once the client and redirect URI check
 *   out; otherwise the usual 400 page;
 * - `forbidden`: the Ads API answers 403 `{"code":"UNAUTHORIZED","details":"Not authorized to
 *   access scope <profile id>"}` (the id only for `GET /v2/profiles/{id}`); the account APIs
 *   answer 403 in their own error shapes.
 *
 * Some kinds belong to some endpoints only: `revoked` never applies to the consent page,
 * `consent-refusal` only to it, `forbidden` only to the Ads API (`profiles`, `profile`,
 * `testAccounts`, `adsAccounts`, `managerAccounts`). Naming another endpoint is refused; naming none targets those it applies to.
 */
export type FaultSpec = z.input<typeof faultSpecSchema>;

/** A validated fault with its defaults. */
export type Fault = z.output<typeof faultSpecSchema>;

/** A fault in force. */
export interface ActiveFault {
  readonly id: string;
  readonly fault: Fault;
  /** Requests it will still hit; undefined = until cleared. */
  remaining?: number;
}

/** What a request offers to match faults against. */
export interface FaultTarget {
  readonly endpoint: EmulatorEndpoint;
  readonly region: string;
  readonly grantType?: string;
}

const API_ENDPOINTS: readonly EmulatorEndpoint[] = [
  "profiles",
  "profile",
  "testAccounts",
  "adsAccounts",
  "managerAccounts",
];

// Kinds that mean something on some endpoints only: a consent page has no grant to revoke, only
// the consent page redirects with a consent error, and only the Ads API answers 403.
const ONLY_ON: Partial<
  Record<
    Fault["kind"],
    { readonly endpoints: readonly EmulatorEndpoint[]; readonly refusal: string }
  >
> = {
  revoked: {
    endpoints: ["token", ...API_ENDPOINTS],
    refusal: "A revoked grant cannot be shown on the consent page; target another endpoint.",
  },
  "consent-refusal": {
    endpoints: ["consent"],
    refusal:
      "A consent-refusal fault is a redirect from the consent page; target the consent endpoint " +
      "(or leave endpoint out).",
  },
  forbidden: {
    endpoints: API_ENDPOINTS,
    refusal:
      "A forbidden fault is an Ads API 403; target profiles, profile, testAccounts, adsAccounts or " +
      "managerAccounts (or leave endpoint out).",
  },
};

/** The faults in force, in the order they were injected. */
export class FaultRegistry {
  #faults: ActiveFault[] = [];
  #nextId = 1;

  /** Validates and adds a fault; returns its id. Throws a readable error for a bad spec. */
  add(spec: FaultSpec): string {
    const parsed = faultSpecSchema.safeParse(spec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`Invalid fault at '${issue.path.join(".") || "(root)"}': ${issue.message}`);
    }
    const only = ONLY_ON[parsed.data.kind];
    if (
      only &&
      parsed.data.endpoint !== undefined &&
      !only.endpoints.includes(parsed.data.endpoint)
    ) {
      throw new Error(only.refusal);
    }
    const id = `fault-${this.#nextId++}`;
    this.#faults.push({ id, fault: parsed.data, remaining: parsed.data.times });
    return id;
  }

  /** The first fault matching this request, counted as used; undefined when none applies. */
  take(request: FaultTarget): Fault | undefined {
    const found = this.#faults.find(({ fault }) => applies(fault, request));
    if (!found) return undefined;
    if (found.remaining !== undefined) {
      found.remaining -= 1;
      if (found.remaining === 0) this.#faults = this.#faults.filter((f) => f !== found);
    }
    return found.fault;
  }

  /** Removes one fault (by id) or all; returns how many were removed. */
  clear(id?: string): number {
    const before = this.#faults.length;
    this.#faults = id === undefined ? [] : this.#faults.filter((f) => f.id !== id);
    return before - this.#faults.length;
  }

  /** The faults in force. */
  list(): ActiveFault[] {
    return this.#faults.map((f) => ({ ...f }));
  }
}

function applies(fault: Fault, request: FaultTarget): boolean {
  if (fault.endpoint !== undefined && fault.endpoint !== request.endpoint) return false;
  if (fault.region !== undefined && fault.region !== request.region) return false;
  if (fault.grantType !== undefined && fault.grantType !== request.grantType) return false;
  return ONLY_ON[fault.kind]?.endpoints.includes(request.endpoint) ?? true;
}
