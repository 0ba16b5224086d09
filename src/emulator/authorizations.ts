/**
 * The state of Login with Amazon: pending consent pages, authorization codes (5 minutes, single
 * use, bound to client, redirect URI, scopes and PKCE challenge), grants (refresh tokens, which
 * never rotate) and access tokens (3600 s).
 */
import type { EmulatorClock } from "./clock.js";
import type { Identifiers } from "./identifiers.js";
import type { ChallengeMethod } from "./pkce.js";
import type { SecretLedger } from "./secrets.js";

/** How long an authorization code can be redeemed. */
export const CODE_LIFETIME_MS = 5 * 60_000;
/** How long an access token is valid, in seconds (the token response's `expires_in`). */
export const ACCESS_TOKEN_LIFETIME_S = 3600;
/** How long a rendered consent page can still be answered. */
const CONSENT_PAGE_LIFETIME_MS = 10 * 60_000;
/** Amazon's announcement: consents from mid-2026 on give refresh tokens that expire. */
export const EXPIRING_CONSENTS_FROM = Date.UTC(2026, 6, 1);
/** How long such a refresh token works after the consent. */
export const EXPIRING_REFRESH_TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** What a user is asked to consent to, and what the code it yields is bound to. */
export interface ConsentTerms {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly userId: string;
  readonly codeChallenge?: string;
  readonly codeChallengeMethod?: ChallengeMethod;
}

/** A consent page waiting for Allow or Deny. */
export interface PendingConsent extends ConsentTerms {
  readonly state?: string;
  readonly expiresAt: number;
}

/** An authorization code and what it is bound to. */
export interface AuthorizationCode extends ConsentTerms {
  readonly expiresAt: number;
  redeemed: boolean;
}

/** A user's consent for one client: the refresh token stands for it. */
export interface Grant {
  readonly refreshToken: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly grantedAt: number;
  /** When the refresh token stops working; undefined when it lasts until revoked. */
  readonly expiresAt: number | undefined;
  revoked: boolean;
}

/** An issued access token. */
export interface AccessToken {
  readonly grant: Grant;
  readonly expiresAt: number;
}

/** Codes, grants and tokens, judged against the emulator's clock. */
export class Authorizations {
  readonly #consents = new Map<string, PendingConsent>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #grants = new Map<string, Grant>();
  readonly #accessTokens = new Map<string, AccessToken>();

  /**
   * @param expiringConsentsFrom - consents from this instant on (emulator time) give refresh
   *   tokens that stop working 365 days later; null: none expires
   */
  constructor(
    private readonly clock: EmulatorClock,
    private readonly ids: Identifiers,
    private readonly secrets: SecretLedger,
    private readonly expiringConsentsFrom: number | null = EXPIRING_CONSENTS_FROM,
  ) {}

  /** Remembers a consent page's terms and returns the id its form posts back. */
  openConsent(terms: ConsentTerms & { readonly state?: string }): string {
    const id = this.ids.consentId();
    this.#consents.set(id, { ...terms, expiresAt: this.clock.now() + CONSENT_PAGE_LIFETIME_MS });
    return id;
  }

  /** The consent page's terms, once: answering a page twice is refused. */
  takeConsent(id: string): PendingConsent | undefined {
    const consent = this.#consents.get(id);
    this.#consents.delete(id);
    return consent && consent.expiresAt > this.clock.now() ? consent : undefined;
  }

  /** Issues an authorization code for these terms. */
  issueCode(terms: ConsentTerms): string {
    const code = this.ids.authorizationCode();
    this.#codes.set(code, {
      clientId: terms.clientId,
      redirectUri: terms.redirectUri,
      scopes: [...terms.scopes],
      userId: terms.userId,
      codeChallenge: terms.codeChallenge,
      codeChallengeMethod: terms.codeChallengeMethod,
      expiresAt: this.clock.now() + CODE_LIFETIME_MS,
      redeemed: false,
    });
    this.secrets.record(code);
    return code;
  }

  /** The code if this client may still redeem it (issued to it, unexpired, never redeemed). */
  redeemableCode(code: string, clientId: string): AuthorizationCode | undefined {
    const found = this.#codes.get(code);
    if (!found || found.redeemed || found.clientId !== clientId) return undefined;
    return found.expiresAt > this.clock.now() ? found : undefined;
  }

  /**
   * Records a new grant (consent) and returns it. `consentedAt` backdates the consent (a grant
   * given long ago); by default it is now.
   */
  createGrant(
    clientId: string,
    userId: string,
    scopes: readonly string[],
    consentedAt: number = this.clock.now(),
  ): Grant {
    const from = this.expiringConsentsFrom;
    const grant: Grant = {
      refreshToken: this.ids.refreshToken(),
      clientId,
      userId,
      scopes: [...scopes],
      grantedAt: consentedAt,
      expiresAt:
        from !== null && consentedAt >= from
          ? consentedAt + EXPIRING_REFRESH_TOKEN_LIFETIME_MS
          : undefined,
      revoked: false,
    };
    this.#grants.set(grant.refreshToken, grant);
    this.secrets.record(grant.refreshToken);
    return grant;
  }

  /** The grant behind a refresh token if it is still valid (unrevoked, unexpired) for this client. */
  activeGrant(refreshToken: string, clientId: string): Grant | undefined {
    const grant = this.#grants.get(refreshToken);
    if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
    return grant.expiresAt === undefined || grant.expiresAt > this.clock.now() ? grant : undefined;
  }

  /** Issues an access token for a grant. */
  issueAccessToken(grant: Grant): string {
    const token = this.ids.accessToken();
    this.#accessTokens.set(token, {
      grant,
      expiresAt: this.clock.now() + ACCESS_TOKEN_LIFETIME_S * 1000,
    });
    this.secrets.record(token);
    return token;
  }

  /** The access token if it is unexpired and its grant not revoked. */
  activeAccessToken(token: string): AccessToken | undefined {
    const found = this.#accessTokens.get(token);
    if (!found || found.grant.revoked) return undefined;
    return found.expiresAt > this.clock.now() ? found : undefined;
  }

  /** Revokes one grant (and with it its access tokens); false when the token is unknown. */
  revokeGrant(refreshToken: string): boolean {
    const grant = this.#grants.get(refreshToken);
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  /** Revokes every grant a user gave, as when they remove the app from their Amazon account. */
  revokeUserGrants(userId: string): number {
    let count = 0;
    for (const grant of this.#grants.values()) {
      if (grant.userId === userId && !grant.revoked) {
        grant.revoked = true;
        count += 1;
      }
    }
    return count;
  }
}
