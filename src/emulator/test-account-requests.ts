/**
 * Test-account creation requests: each stays IN_PROGRESS for a number of polls and a time on the
 * emulator's clock, then completes and its profile appears in `/v2/profiles`.
 */
import { marketplaceOfCountry } from "../amazon-ads/regions.js";
import type { EmulatorClock } from "./clock.js";
import type { Directory } from "./directory.js";
import type { Identifiers } from "./identifiers.js";

/** How long test-account requests stay IN_PROGRESS; both conditions must be met to complete. */
export interface TestAccountTiming {
  /** Polls answered IN_PROGRESS before COMPLETED. @default 1 */
  readonly inProgressPolls?: number;
  /** Seconds (emulator clock) before completion. @default 0 */
  readonly pendingSeconds?: number;
}

/** One `POST /testAccounts` request. */
export interface TestAccountRequest {
  readonly requestId: string;
  readonly userId: string;
  readonly countryCode: string;
  readonly accountType: "VENDOR" | "AUTHOR";
  readonly vendorCode?: string;
  readonly submittedAt: number;
  inProgressAnswers: number;
  /** Set on completion: the account id (`ENTITY…`) the new profile's `accountInfo.id` carries. */
  accountId?: string;
  asins: readonly string[];
}

/** The requests, and their completion into profiles. */
export class TestAccountRequests {
  readonly #requests = new Map<string, TestAccountRequest>();
  readonly #inProgressPolls: number;
  readonly #pendingMs: number;

  constructor(
    private readonly clock: EmulatorClock,
    private readonly ids: Identifiers,
    private readonly directory: Directory,
    timing: TestAccountTiming = {},
  ) {
    this.#inProgressPolls = timing.inProgressPolls ?? 1;
    this.#pendingMs = (timing.pendingSeconds ?? 0) * 1000;
  }

  /** Records a creation request. */
  submit(
    userId: string,
    countryCode: string,
    accountType: "VENDOR" | "AUTHOR",
    vendorCode?: string,
  ): TestAccountRequest {
    const request: TestAccountRequest = {
      requestId: this.ids.requestId(),
      userId,
      countryCode,
      accountType,
      vendorCode,
      submittedAt: this.clock.now(),
      inProgressAnswers: 0,
      asins: [],
    };
    this.#requests.set(request.requestId, request);
    return request;
  }

  /** A user's requests, oldest first. */
  of(userId: string): TestAccountRequest[] {
    return [...this.#requests.values()].filter((r) => r.userId === userId);
  }

  /** The request with this id if it is the user's. */
  find(userId: string, requestId: string): TestAccountRequest | undefined {
    const request = this.#requests.get(requestId);
    return request?.userId === userId ? request : undefined;
  }

  /** Answers one poll: completes the request when it is due, else counts an IN_PROGRESS answer. */
  poll(request: TestAccountRequest): "IN_PROGRESS" | "COMPLETED" {
    this.settle(request);
    if (request.accountId !== undefined) return "COMPLETED";
    request.inProgressAnswers += 1;
    return "IN_PROGRESS";
  }

  /** Completes a request whose polls and time are both due (creating its profile). */
  settle(request: TestAccountRequest): void {
    if (request.accountId !== undefined) return;
    if (request.inProgressAnswers < this.#inProgressPolls) return;
    if (this.clock.now() - request.submittedAt < this.#pendingMs) return;
    this.complete(request);
  }

  private complete(request: TestAccountRequest): void {
    const marketplace = marketplaceOfCountry(request.countryCode)!;
    const accountId = this.ids.entityId();
    const author = request.accountType === "AUTHOR";
    let profileId = this.ids.profileId();
    while (this.directory.profile(profileId)) profileId = this.ids.profileId();
    this.directory.addProfile(
      request.userId,
      {
        profileId,
        countryCode: request.countryCode,
        currencyCode: marketplace.currencyCode,
        timezone: marketplace.timezone,
        dailyBudget: 0,
        accountInfo: {
          marketplaceStringId: marketplace.marketplaceId,
          id: accountId,
          type: "vendor",
          name: author
            ? "Test author account"
            : `Test vendor account ${request.vendorCode ?? ""}`.trim(),
          ...(author ? { subType: "KDP_AUTHOR" } : {}),
          validPaymentMethod: true,
        },
      },
      true,
    );
    request.accountId = accountId;
    request.asins = author ? [1, 2, 3].map(() => `B0${this.ids.requestId().slice(0, 8)}`) : [];
  }
}
