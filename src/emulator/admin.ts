/**
 * The admin handle: what tests use to steer and observe the emulator without a browser — issue
 * codes and grants, revoke grants, move the clock, inject faults, edit profiles and Ads accounts,
 * read counters and the list of every secret issued.
 */
import type { Region } from "../amazon-ads/regions.js";
import { ACCESS_TOKEN_LIFETIME_S } from "./authorizations.js";
import type { EmulatorEndpoint } from "./endpoints.js";
import type { ActiveFault, FaultRegistry, FaultSpec } from "./faults.js";
import type { ChallengeMethod } from "./pkce.js";
import { DEFAULT_SCOPES } from "./scopes.js";
import type { ProfileSeed, UserSeed } from "./seed.js";
import type { AdsAccountSeed, ManagerAccountSeed } from "./seed-accounts.js";
import type { EmulatorState } from "./state.js";
import type { Traffic, TrafficSnapshot } from "./traffic.js";

/** What a directly issued authorization code is bound to. */
export interface IssueCodeOptions {
  /** @default the first app's client id */
  readonly clientId?: string;
  /** Must be on the app's allow-list. @default the app's first redirect URI */
  readonly redirectUri?: string;
  /** @default ["advertising::campaign_management"] */
  readonly scopes?: readonly string[];
  /** PKCE challenge the token request's `code_verifier` must answer. */
  readonly codeChallenge?: string;
  /** @default "plain" when a challenge is given */
  readonly codeChallengeMethod?: ChallengeMethod;
  /** @default the signed-in user */
  readonly userId?: string;
}

/** What a directly issued grant is for. */
export interface IssueGrantOptions {
  /** @default the first app's client id */
  readonly clientId?: string;
  /** @default ["advertising::campaign_management"] */
  readonly scopes?: readonly string[];
  /** @default the signed-in user */
  readonly userId?: string;
  /**
   * When the user consented (ms since the epoch, not after the emulator's now): a grant given long
   * ago, whose refresh token may be about to expire or already expired.
   * @default the emulator's now
   */
  readonly consentedAt?: number;
}

/** A grant issued without the browser, as the token endpoint would have answered. */
export interface IssuedTokens {
  readonly refreshToken: string;
  readonly accessToken: string;
  /** Seconds the access token lives (3600). */
  readonly expiresIn: number;
  /** When the consent was given (ms since the epoch). */
  readonly consentedAt: number;
  /** When the refresh token stops working (ms since the epoch); null when it lasts until revoked. */
  readonly refreshTokenExpiresAt: number | null;
}

/** Steers and observes a running emulator. */
export class EmulatorAdmin {
  constructor(
    private readonly state: EmulatorState,
    private readonly registry: FaultRegistry,
    private readonly counters: Traffic,
  ) {}

  private resolveGrantTerms(options: IssueGrantOptions): {
    clientId: string;
    scopes: readonly string[];
    userId: string;
  } {
    const directory = this.state.directory;
    const clientId = options.clientId ?? directory.apps()[0]!.clientId;
    const app = directory.app(clientId);
    if (!app) throw new Error(`Unknown client id ${clientId}.`);
    const scopes = options.scopes ?? DEFAULT_SCOPES;
    const unknown = scopes.find((s) => !app.scopes.has(s));
    if (unknown !== undefined) throw new Error(`Scope ${unknown} is not approved for ${clientId}.`);
    const userId = options.userId ?? directory.signedInUser().id;
    if (!directory.user(userId)) throw new Error(`Unknown user ${userId}.`);
    return { clientId, scopes, userId };
  }

  /** Issues an authorization code as if the user had clicked Allow. */
  issueCode(options: IssueCodeOptions = {}): string {
    const terms = this.resolveGrantTerms(options);
    const app = this.state.directory.app(terms.clientId)!;
    const redirectUri = options.redirectUri ?? app.redirectUris[0]!;
    if (!app.redirectUris.includes(redirectUri)) {
      throw new Error(`Redirect URI ${redirectUri} is not on ${app.clientId}'s allow-list.`);
    }
    return this.state.authorizations.issueCode({
      ...terms,
      redirectUri,
      ...(options.codeChallenge === undefined
        ? {}
        : {
            codeChallenge: options.codeChallenge,
            codeChallengeMethod: options.codeChallengeMethod ?? "plain",
          }),
    });
  }

  /**
   * Creates a grant (refresh token) and an access token for it, as a redeemed code would. With
   * `consentedAt` in the past the grant is as old as that, and one whose refresh token has
   * expired gets no access token (empty), as the token endpoint would refuse it.
   */
  issueRefreshToken(options: IssueGrantOptions = {}): IssuedTokens {
    const terms = this.resolveGrantTerms(options);
    const now = this.state.clock.now();
    const consentedAt = options.consentedAt ?? now;
    if (!Number.isFinite(consentedAt) || consentedAt > now) {
      throw new Error(`consentedAt must be an instant not after the emulator's now (${now}).`);
    }
    const authorizations = this.state.authorizations;
    const grant = authorizations.createGrant(
      terms.clientId,
      terms.userId,
      terms.scopes,
      consentedAt,
    );
    const active = authorizations.activeGrant(grant.refreshToken, grant.clientId);
    return {
      refreshToken: grant.refreshToken,
      accessToken: active ? authorizations.issueAccessToken(grant) : "",
      expiresIn: active ? ACCESS_TOKEN_LIFETIME_S : 0,
      consentedAt,
      refreshTokenExpiresAt: grant.expiresAt ?? null,
    };
  }

  /** Revokes one grant and its access tokens; false when the refresh token is unknown or revoked. */
  revokeGrant(refreshToken: string): boolean {
    return this.state.authorizations.revokeGrant(refreshToken);
  }

  /** Revokes every grant a user gave; returns how many. */
  revokeUserGrants(userId: string): number {
    return this.state.authorizations.revokeUserGrants(userId);
  }

  /** Moves the emulator's clock forward; returns the new time (ms since the epoch). */
  advanceClock(seconds: number): number {
    this.state.clock.advance(seconds * 1000);
    return this.state.clock.now();
  }

  /** The emulator's time (ms since the epoch). */
  now(): number {
    return this.state.clock.now();
  }

  /** Injects a fault (see {@link FaultSpec}); returns its id. Throws on an invalid spec. */
  injectFault(spec: FaultSpec): string {
    return this.registry.add(spec);
  }

  /** Clears one fault by id, or all of them; returns how many were removed. */
  clearFaults(id?: string): number {
    return this.registry.clear(id);
  }

  /** The faults in force. */
  faults(): ActiveFault[] {
    return this.registry.list();
  }

  /** Adds a user (with profiles). */
  addUser(user: UserSeed): void {
    this.state.directory.addUser(user);
  }

  /** Makes the consent page act for this user. */
  signIn(userId: string): void {
    this.state.directory.signIn(userId);
  }

  /** Gives a user (default: the signed-in one) a profile; returns the region serving it. */
  addProfile(profile: ProfileSeed, userId?: string): Region {
    return this.state.directory.addProfile(
      userId ?? this.state.directory.signedInUser().id,
      profile,
    ).region;
  }

  /** Removes a profile; false when there was none. */
  removeProfile(profileId: string): boolean {
    return this.state.directory.removeProfile(profileId);
  }

  /** Gives a user (default: the signed-in one) a global Ads account linking some of their profiles. */
  addAdsAccount(account: AdsAccountSeed, userId?: string): void {
    this.state.directory.accounts.addAdsAccount(
      userId ?? this.state.directory.signedInUser().id,
      account,
    );
  }

  /** Removes an Ads account; false when there was none. */
  removeAdsAccount(adsAccountId: string): boolean {
    return this.state.directory.accounts.removeAdsAccount(adsAccountId);
  }

  /** Makes a user (default: the signed-in one) a member of a manager account. */
  addManagerAccount(account: ManagerAccountSeed, userId?: string): void {
    this.state.directory.accounts.addManagerAccount(
      userId ?? this.state.directory.signedInUser().id,
      account,
    );
  }

  /** Requests an endpoint received (token: optionally of one `grant_type`). */
  calls(endpoint: EmulatorEndpoint, grantType?: string): number {
    return this.counters.calls(endpoint, grantType);
  }

  /** The most requests an endpoint had in flight at once since the last reset. */
  peakConcurrency(endpoint: EmulatorEndpoint): number {
    return this.counters.snapshot()[endpoint].peakConcurrency;
  }

  /** Requests an endpoint is handling now. */
  inFlight(endpoint: EmulatorEndpoint): number {
    return this.counters.snapshot()[endpoint].inFlight;
  }

  /** Every endpoint's counters. */
  traffic(): TrafficSnapshot {
    return this.counters.snapshot();
  }

  /** Zeroes call counters and peaks. */
  resetCounters(): void {
    this.counters.reset();
  }

  /** Every client secret, code, PKCE verifier, refresh and access token issued or accepted. */
  secrets(): string[] {
    return this.state.secrets.list();
  }
}
