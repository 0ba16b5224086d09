/**
 * Who exists in the emulated Amazon: client applications, users and the advertising profiles each
 * user can reach (and, in `accounts`, their Ads and manager accounts), plus which user is "signed
 * in" on the consent page.
 */
import { type Region, regionOfCountry } from "../amazon-ads/regions.js";
import { AccountBook } from "./account-book.js";
import type { Identifiers } from "./identifiers.js";
import {
  type AccountInfoSeed,
  type ApiProgram,
  type AppSeed,
  type EmulatorSeed,
  type ProfileSeed,
  type UserSeed,
  DEFAULT_SEED,
  defaultApiPrograms,
} from "./seed.js";
import { KNOWN_SCOPES } from "./scopes.js";
import type { SecretLedger } from "./secrets.js";

/** A client application as the emulator keeps it. */
export interface App {
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly scopes: ReadonlySet<string>;
}

/** An Amazon customer. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** A profile as the emulator keeps it: what the API returns plus who owns it and where. */
export interface Profile {
  readonly profileId: string;
  readonly ownerId: string;
  readonly region: Region;
  readonly countryCode: string;
  readonly currencyCode: string;
  readonly timezone: string;
  readonly dailyBudget?: number;
  readonly accountInfo: AccountInfoSeed;
  readonly accessLevel: "edit" | "view";
  readonly apiPrograms: readonly ApiProgram[];
  /** True for profiles made through `POST /testAccounts`. */
  readonly testAccount: boolean;
}

const INT64_MAX = 9223372036854775807n;

/** Apps, users and profiles, with the checks that keep them consistent. */
export class Directory {
  readonly #apps = new Map<string, App>();
  readonly #users = new Map<string, User>();
  readonly #profiles = new Map<string, Profile>();
  #signedInUserId: string;
  /** The users' Ads accounts and manager accounts. */
  readonly accounts: AccountBook;

  constructor(
    seed: EmulatorSeed,
    private readonly secrets: SecretLedger,
    ids: Identifiers,
  ) {
    this.accounts = new AccountBook(ids, (profileId) => this.profile(profileId));
    for (const app of seed.apps ?? DEFAULT_SEED.apps) this.addApp(app);
    for (const user of seed.users ?? DEFAULT_SEED.users) this.addUser(user);
    const first = this.#users.keys().next().value;
    if (first === undefined) throw new Error("The emulator's seed needs at least one user.");
    this.#signedInUserId = first;
    const wanted = seed.signedInUserId ?? (seed.users ? undefined : DEFAULT_SEED.signedInUserId);
    if (wanted !== undefined) this.signIn(wanted);
  }

  /** Registers a client application. */
  addApp(seed: AppSeed): App {
    if (this.#apps.has(seed.clientId)) throw new Error(`App ${seed.clientId} already exists.`);
    const app: App = {
      name: seed.name,
      clientId: seed.clientId,
      clientSecret: seed.clientSecret,
      redirectUris: [...seed.redirectUris],
      scopes: new Set(seed.scopes ?? KNOWN_SCOPES),
    };
    this.#apps.set(app.clientId, app);
    this.secrets.record(app.clientSecret);
    return app;
  }

  /** The app with this client id (case-sensitive), if any. */
  app(clientId: string): App | undefined {
    return this.#apps.get(clientId);
  }

  /** Every registered app, in registration order. */
  apps(): App[] {
    return [...this.#apps.values()];
  }

  /** Adds a user with their profiles, Ads accounts and manager accounts. */
  addUser(seed: UserSeed): User {
    if (this.#users.has(seed.id)) throw new Error(`User ${seed.id} already exists.`);
    const user: User = { id: seed.id, name: seed.name, email: seed.email };
    this.#users.set(user.id, user);
    for (const profile of seed.profiles ?? []) this.addProfile(user.id, profile);
    for (const account of seed.adsAccounts ?? []) this.accounts.addAdsAccount(user.id, account);
    for (const manager of seed.managerAccounts ?? []) {
      this.accounts.addManagerAccount(user.id, manager);
    }
    return user;
  }

  /** The user with this id, if any. */
  user(id: string): User | undefined {
    return this.#users.get(id);
  }

  /** The user the consent page acts for. */
  signedInUser(): User {
    return this.#users.get(this.#signedInUserId)!;
  }

  /** Makes the consent page act for another user, as if they signed in. */
  signIn(userId: string): void {
    if (!this.#users.has(userId)) throw new Error(`Unknown user ${userId}.`);
    this.#signedInUserId = userId;
  }

  /** Gives a user access to a profile. */
  addProfile(userId: string, seed: ProfileSeed, testAccount = false): Profile {
    if (!this.#users.has(userId)) throw new Error(`Unknown user ${userId}.`);
    if (!/^\d{1,19}$/.test(seed.profileId) || BigInt(seed.profileId) > INT64_MAX) {
      throw new Error(`Profile id ${seed.profileId} is not an int64 written in decimal digits.`);
    }
    if (this.#profiles.has(seed.profileId)) {
      throw new Error(`Profile ${seed.profileId} already exists.`);
    }
    const region = seed.region ?? regionOfCountry(seed.countryCode);
    if (region === undefined) {
      throw new Error(
        `Country ${seed.countryCode} has no known region: give the profile a region.`,
      );
    }
    const profile: Profile = {
      profileId: seed.profileId,
      ownerId: userId,
      region,
      countryCode: seed.countryCode,
      currencyCode: seed.currencyCode,
      timezone: seed.timezone,
      ...(seed.dailyBudget === undefined ? {} : { dailyBudget: seed.dailyBudget }),
      accountInfo: { ...seed.accountInfo },
      accessLevel: seed.accessLevel ?? "edit",
      apiPrograms: seed.apiPrograms ?? defaultApiPrograms(seed.accountInfo.type),
      testAccount,
    };
    this.#profiles.set(profile.profileId, profile);
    return profile;
  }

  /** Takes a profile away; false when there was none with this id. */
  removeProfile(profileId: string): boolean {
    return this.#profiles.delete(profileId);
  }

  /** The profile with this id, whoever owns it. */
  profile(profileId: string): Profile | undefined {
    return this.#profiles.get(profileId);
  }

  /** A user's profiles in every region, in the order they were added. */
  profilesOf(userId: string): Profile[] {
    return [...this.#profiles.values()].filter((p) => p.ownerId === userId);
  }
}
