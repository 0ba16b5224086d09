/**
 * Amazon's test accounts (the sandbox since 2022): created asynchronously on the NA host, then
 * polled by request id until `COMPLETED`.
 */
import { AmazonAdsError } from "./errors.js";
import type { Seams } from "./seams.js";

/** Test account types Amazon documents; others pass through. */
export type TestAccountType = "VENDOR" | "AUTHOR" | (string & {});

/** What to create. */
export interface TestAccountRequest {
  /** Marketplace country (`US`, …). */
  readonly countryCode: string;
  /** `VENDOR` or `AUTHOR` (one AUTHOR account per user and marketplace). */
  readonly accountType: TestAccountType;
  /** Vendor code for a `VENDOR` account (`accountMetaData.vendorCode`); required for `VENDOR`. */
  readonly vendorCode?: string;
}

/** Amazon's receipt for a creation request. */
export interface TestAccountReceipt {
  /** The id to poll with. */
  readonly requestId: string;
}

/** A test account as `GET /testAccounts?requestId=` reports it. */
export interface TestAccount {
  /** Marketplace country. */
  readonly countryCode: string;
  /** Account type. */
  readonly accountType: string;
  /** Entity id; equals the profile's `accountInfo.id` once `COMPLETED`. */
  readonly id?: string | undefined;
  /** `COMPLETED`, `IN_PROGRESS`, `FAILED`, … */
  readonly status: string;
  /** ASINs attached to the account. */
  readonly asins: readonly string[];
}

/**
 * Throws `INVALID_ARGUMENT` for a request Amazon would refuse: a `VENDOR` account without a vendor
 * code. Checked before sending so that the error says which field to set.
 */
export function checkTestAccountRequest(request: TestAccountRequest): void {
  if (request.accountType === "VENDOR" && !request.vendorCode?.trim()) {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      "A VENDOR test account needs a vendor code: set vendorCode (sent to Amazon as " +
        'accountMetaData.vendorCode), such as "ABCDE", or ask for an AUTHOR account instead.',
    );
  }
}

/** The JSON body `POST /testAccounts` takes. */
export function testAccountBody(request: TestAccountRequest): Record<string, unknown> {
  return {
    countryCode: request.countryCode,
    accountType: request.accountType,
    ...(request.vendorCode === undefined
      ? {}
      : { accountMetaData: { vendorCode: request.vendorCode } }),
  };
}

/** How long and how often to poll. */
export interface WaitForTestAccountOptions {
  /** Cancels polling at once, including a wait between polls. */
  readonly signal?: AbortSignal;
  /** Give up when the account is not ready this long after the first poll. @default 300000 */
  readonly timeoutMs?: number;
  /** Pause between polls. @default 5000 */
  readonly pollIntervalMs?: number;
}

/**
 * Polls until an account of the request is `COMPLETED` and returns it. Throws
 * `TEST_ACCOUNT_FAILED` when Amazon reports failure, `TEST_ACCOUNT_NOT_READY` at the deadline and
 * `ABORTED` when the signal fires.
 */
export async function waitForTestAccount(
  requestId: string,
  poll: (signal: AbortSignal | undefined) => Promise<readonly TestAccount[]>,
  seams: Pick<Seams, "now" | "sleep">,
  options: WaitForTestAccountOptions = {},
): Promise<TestAccount> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const intervalMs = options.pollIntervalMs ?? 5_000;
  const deadline = seams.now() + timeoutMs;
  for (let polls = 1; ; polls++) {
    const accounts = await poll(options.signal);
    const completed = accounts.find((account) => account.status === "COMPLETED");
    if (completed) return completed;
    const statuses = accounts.map((account) => account.status).join(", ") || "no account yet";
    if (
      accounts.length > 0 &&
      accounts.every((account) => /FAIL|ERROR|REJECT/i.test(account.status))
    ) {
      throw new AmazonAdsError(
        "TEST_ACCOUNT_FAILED",
        `Amazon could not create the test account of request ${requestId} (status ${statuses}). ` +
          `Each Amazon user may hold one AUTHOR account per marketplace, and the user must manage ` +
          `no Ads accounts; try another user or account type.`,
      );
    }
    if (seams.now() + intervalMs > deadline) {
      throw new AmazonAdsError(
        "TEST_ACCOUNT_NOT_READY",
        `The test account of request ${requestId} was not ready after ${polls} polls over ` +
          `${Math.round(timeoutMs / 1000)} s (status ${statuses}). Amazon may still complete it: ` +
          `poll request ${requestId} again later.`,
      );
    }
    try {
      await seams.sleep(intervalMs, options.signal);
    } catch (error) {
      throw new AmazonAdsError(
        "ABORTED",
        `Waiting for the test account of request ${requestId} was cancelled.`,
        { cause: error },
      );
    }
  }
}
