/**
 * The account-management records of the emulated Amazon: each user's global Ads accounts (with
 * the alternate ids that link them to profiles) and manager accounts, plus the page tokens of
 * `POST /adsAccounts/list`. Seeds are checked against Amazon's documented limits.
 */
import type { Profile } from "./directory.js";
import type { Identifiers } from "./identifiers.js";
import {
  type AdsAccountErrorSeed,
  type AdsAccountSeed,
  type AdsAccountStatus,
  type LinkedAccountSeed,
  type ManagerAccountSeed,
  ADS_ACCOUNT_STATUSES,
  LINKED_ACCOUNT_TYPES,
} from "./seed-accounts.js";

/** One `alternateIds` entry: the account in one country. */
export interface AlternateId {
  readonly countryCode: string;
  readonly entityId: string;
  /** Decimal digits, written as a raw JSON number (it may exceed 2^53). */
  readonly profileId: string;
}

/** An Ads account as the emulator keeps it. */
export interface AdsAccount {
  readonly ownerId: string;
  readonly adsAccountId: string;
  readonly accountName?: string;
  readonly status: AdsAccountStatus;
  readonly countryCodes: readonly string[];
  readonly alternateIds: readonly AlternateId[];
  readonly errors: Readonly<Record<string, readonly AdsAccountErrorSeed[]>>;
}

/** A manager account as the emulator keeps it. */
export interface ManagerAccount {
  readonly ownerId: string;
  readonly managerAccountId: string;
  readonly managerAccountName: string;
  readonly linkedAccounts: readonly LinkedAccountSeed[];
}

// Amazon's limits: 100 countries and alternate ids per account, 50 linked accounts, and an id
// pattern for Ads accounts.
const MAX_PER_ACCOUNT = 100;
const MAX_LINKED = 50;
const ADS_ACCOUNT_ID = /^[A-Za-z0-9.-]+$/;

/** Each user's Ads accounts and manager accounts, and the listing's page tokens. */
export class AccountBook {
  readonly #adsAccounts = new Map<string, AdsAccount>();
  readonly #managerAccounts = new Map<string, ManagerAccount>();
  readonly #pages = new Map<string, { readonly userId: string; readonly offset: number }>();

  constructor(
    private readonly ids: Identifiers,
    private readonly profile: (profileId: string) => Profile | undefined,
  ) {}

  /** Adds an Ads account of `userId`; its alternate ids come from the user's profiles it names. */
  addAdsAccount(userId: string, seed: AdsAccountSeed): AdsAccount {
    const id = seed.adsAccountId;
    if (!ADS_ACCOUNT_ID.test(id)) {
      throw new Error(`Ads account id "${id}" does not match Amazon's pattern ^[A-Za-z0-9.-]+$.`);
    }
    if (this.#adsAccounts.has(id)) throw new Error(`Ads account ${id} already exists.`);
    const status = seed.status ?? "CREATED";
    if (!ADS_ACCOUNT_STATUSES.includes(status)) {
      throw new Error(
        `Ads account status ${status} is not one of ${ADS_ACCOUNT_STATUSES.join(", ")}.`,
      );
    }
    const alternateIds = (seed.profileIds ?? []).map((profileId) => {
      const profile = this.profile(profileId);
      if (profile?.ownerId !== userId) {
        throw new Error(
          `Ads account ${id} links profile ${profileId}, which ${userId} does not have.`,
        );
      }
      return { countryCode: profile.countryCode, entityId: profile.accountInfo.id, profileId };
    });
    const countryCodes = seed.countryCodes ?? [...new Set(alternateIds.map((a) => a.countryCode))];
    if (alternateIds.length > MAX_PER_ACCOUNT || countryCodes.length > MAX_PER_ACCOUNT) {
      throw new Error(`Ads account ${id} has more than ${MAX_PER_ACCOUNT} countries or profiles.`);
    }
    const account: AdsAccount = {
      ownerId: userId,
      adsAccountId: id,
      ...(seed.accountName === undefined ? {} : { accountName: seed.accountName }),
      status,
      countryCodes: [...countryCodes],
      alternateIds,
      errors: { ...seed.errors },
    };
    this.#adsAccounts.set(id, account);
    return account;
  }

  /** Removes an Ads account; false when there was none with this id. */
  removeAdsAccount(adsAccountId: string): boolean {
    return this.#adsAccounts.delete(adsAccountId);
  }

  /** A user's Ads accounts, in the order they were added. */
  adsAccountsOf(userId: string): AdsAccount[] {
    return [...this.#adsAccounts.values()].filter((a) => a.ownerId === userId);
  }

  /** Adds a manager account `userId` belongs to. */
  addManagerAccount(userId: string, seed: ManagerAccountSeed): ManagerAccount {
    const id = seed.managerAccountId;
    if (this.#managerAccounts.has(id)) throw new Error(`Manager account ${id} already exists.`);
    const linked = seed.linkedAccounts ?? [];
    if (linked.length > MAX_LINKED) {
      throw new Error(`Manager account ${id} links ${linked.length} accounts; Amazon's cap is 50.`);
    }
    const badType = linked.find((a) => !LINKED_ACCOUNT_TYPES.includes(a.accountType));
    if (badType) throw new Error(`Linked account type ${badType.accountType} is not documented.`);
    const account: ManagerAccount = {
      ownerId: userId,
      managerAccountId: id,
      managerAccountName: seed.managerAccountName,
      linkedAccounts: linked.map((a) => ({ ...a })),
    };
    this.#managerAccounts.set(id, account);
    return account;
  }

  /** The manager accounts a user belongs to, in the order they were added. */
  managerAccountsOf(userId: string): ManagerAccount[] {
    return [...this.#managerAccounts.values()].filter((a) => a.ownerId === userId);
  }

  /** A new opaque token for the listing page of `userId` that starts at `offset`. */
  pageToken(userId: string, offset: number): string {
    const token = this.ids.pageToken();
    this.#pages.set(token, { userId, offset });
    return token;
  }

  /** Where a page token starts, if it was issued to this user. */
  pageOffset(token: string, userId: string): number | undefined {
    const page = this.#pages.get(token);
    return page?.userId === userId ? page.offset : undefined;
  }
}
