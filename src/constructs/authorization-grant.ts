/**
 * `AuthorizationGrant`: Amazon's steps 1 and 2 — an authorization grant and its tokens, as the
 * `amazonads_authorization` resource.
 */
import { Construct } from "constructs";
import { Token } from "./framework.js";
import * as authorization from "./bindings/authorization/index.js";
import type { LwaApp } from "./lwa-app.js";
import { requireSecretReference } from "./secrets.js";
import { keepInStack } from "./stack-local-secret.js";

/** Props of {@link AuthorizationGrant}. Give exactly one of `authorizationCode`, `refreshToken`, `credentialsFile`. */
export interface AuthorizationGrantProps {
  /** The client application the grant belongs to (its provider configuration is used). */
  readonly app: LwaApp;
  /**
   * An authorization code from the consent redirect, as a Terraform reference (e.g.
   * `secretVariable(this, "authorization_code")`); a literal throws. Codes are valid 5 minutes and
   * redeemable once: it is redeemed at create and never sent again; a different code replaces the
   * grant.
   * @default none: `refreshToken` or `credentialsFile` gives the grant
   */
  readonly authorizationCode?: string;
  /**
   * An existing grant's refresh token, adopted as is, as a Terraform reference (e.g.
   * `secretVariable(this, "refresh_token")`); a literal throws.
   * @default none: `authorizationCode` or `credentialsFile` gives the grant
   */
  readonly refreshToken?: string;
  /**
   * Path of a credentials file written by `cdktf-amazon-ads login`; its refresh token is adopted
   * at create, and a new login into the file replaces the grant. A path is not a secret.
   * @default none: `authorizationCode` or `refreshToken` gives the grant
   */
  readonly credentialsFile?: string;
  /**
   * The redirect URI the consent used (Amazon checks it equals the code's). Only with
   * `authorizationCode`.
   * @default the app's redirect URI
   */
  readonly redirectUri?: string;
  /**
   * The PKCE code verifier, when the consent URL carried a code challenge, as a Terraform
   * reference; a literal throws. Only with `authorizationCode`.
   * @default no PKCE
   */
  readonly codeVerifier?: string;
  /**
   * Pass `authorizationCode` and `codeVerifier` as write-only arguments (`authorization_code_wo`,
   * `code_verifier_wo`), which Terraform never stores in plan or state. Needs Terraform 1.11 or
   * later (an older one fails the plan on them, naming the version); feed them from
   * `secretVariable(this, "…", { ephemeral: true })` so that saved plan files hold no copy either.
   * Without it the spent code and verifier stay in state (sensitive), which works on every
   * Terraform from 1.10.
   * @default false
   */
  readonly writeOnlyCode?: boolean;
  /**
   * With `writeOnlyCode`: the number that says the code is new (Terraform keeps nothing of a
   * write-only value to compare). Keep it while the grant stands; raise it (2, 3 …) together
   * with each new authorization code, which replaces the grant.
   * @default 1
   */
  readonly authorizationCodeVersion?: number;
  /**
   * Plans warn when the refresh token expires within this many days (365 days after consents
   * from 2026-07-01), naming the date and how to renew; a whole number, at least 1.
   * @default 30
   */
  readonly expiryWarningDays?: number;
  /**
   * Let other stacks of the app read {@link AuthorizationGrant.refreshToken} and
   * {@link AuthorizationGrant.accessToken}. CDKTF then copies each token another stack uses into a
   * sensitive output of this stack, and `terraform_remote_state` copies all of this stack's
   * outputs, the tokens included, into the state of every stack that reads any value from it.
   * Left off, using either token from another stack fails at synth, saying what to do instead.
   * @default false: the tokens stay in this stack's state
   */
  readonly publishTokens?: boolean;
}

/**
 * An Amazon Ads authorization grant: an authorization code redeemed once, an adopted refresh
 * token, or the grant recorded in a `cdktf-amazon-ads login` credentials file. Its tokens live in
 * Terraform state as sensitive values; plans renew the access token when it is about to expire,
 * and a revoked grant leaves state with a warning so the next plan proposes a new one.
 *
 * @example
 * const grant = new AuthorizationGrant(this, "grant", {
 *   app,
 *   authorizationCode: secretVariable(this, "authorization_code"),
 *   codeVerifier: secretVariable(this, "code_verifier"),
 * });
 *
 * @example
 * // Terraform ≥ 1.11: nothing single-use in plan or state.
 * const grant = new AuthorizationGrant(this, "grant", {
 *   app,
 *   authorizationCode: secretVariable(this, "authorization_code", { ephemeral: true }),
 *   codeVerifier: secretVariable(this, "code_verifier", { ephemeral: true }),
 *   writeOnlyCode: true, // raise authorizationCodeVersion with each new code
 * });
 */
export class AuthorizationGrant extends Construct {
  /** The application the grant belongs to. */
  public readonly app: LwaApp;
  /** The `amazonads_authorization` resource. */
  public readonly resource: authorization.Authorization;
  /** Whether other stacks may read the tokens (the `publishTokens` prop). */
  public readonly publishTokens: boolean;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - the application and exactly one source of the grant
   */
  public constructor(scope: Construct, id: string, props: AuthorizationGrantProps) {
    super(scope, id);
    const path = this.node.path;
    const sources = (["authorizationCode", "refreshToken", "credentialsFile"] as const).filter(
      (source) => props[source] !== undefined,
    );
    if (sources.length !== 1) {
      throw new Error(
        `${path}: give exactly one source of the grant — authorizationCode (from the consent ` +
          "redirect), refreshToken (an existing grant) or credentialsFile (written by " +
          `\`cdktf-amazon-ads login\`) — not ${sources.length === 0 ? "none" : sources.join(" and ")}.`,
      );
    }
    if (props.authorizationCode === undefined) {
      const codeOnly = (
        ["redirectUri", "codeVerifier", "writeOnlyCode", "authorizationCodeVersion"] as const
      ).filter((p) => props[p] !== undefined);
      if (codeOnly.length > 0) {
        throw new Error(
          `${path}: ${codeOnly.join(" and ")} only ${codeOnly.length > 1 ? "go" : "goes"} with ` +
            `authorizationCode; remove ${codeOnly.length > 1 ? "them" : "it"} or give the ` +
            "authorization code it belongs to.",
        );
      }
    }
    const days = props.expiryWarningDays;
    if (days !== undefined && !Token.isUnresolved(days) && !(Number.isInteger(days) && days >= 1)) {
      throw new Error(
        `${path}: expiryWarningDays must be a whole number of days, at least 1 (it is ${days}); ` +
          "a window of 0 days or less would never warn before the grant stops working. Leave " +
          "it out for the default, 30.",
      );
    }
    if (props.authorizationCodeVersion !== undefined && !props.writeOnlyCode) {
      throw new Error(
        `${path}: authorizationCodeVersion only goes with writeOnlyCode: true (a code kept in ` +
          "state is compared directly). Remove it, or set writeOnlyCode.",
      );
    }
    requireSecretReference(props.authorizationCode, {
      construct: path,
      prop: "authorizationCode",
      variable: "authorization_code",
    });
    requireSecretReference(props.refreshToken, {
      construct: path,
      prop: "refreshToken",
      variable: "refresh_token",
    });
    requireSecretReference(props.codeVerifier, {
      construct: path,
      prop: "codeVerifier",
      variable: "code_verifier",
    });
    this.app = props.app;
    this.publishTokens = props.publishTokens ?? false;
    this.resource = new authorization.Authorization(this, "authorization", {
      provider: props.app.provider,
      // Verify the application before redeeming a code that can be redeemed only once.
      dependsOn: [props.app.resource],
      // A replacement (a new code, another client id) makes the new grant before forgetting the
      // old one: when the new code fails, the working grant stays in state instead of being lost.
      lifecycle: { createBeforeDestroy: true },
      ...codeArguments(props),
      redirectUri:
        props.authorizationCode === undefined
          ? undefined
          : (props.redirectUri ?? props.app.redirectUri),
      refreshToken: props.refreshToken,
      credentialsFile: props.credentialsFile,
      expiryWarningDays: props.expiryWarningDays,
    });
  }

  /** Identifies the grant without revealing it (`grant-` and 16 hex digits). */
  public get id(): string {
    return this.resource.id;
  }

  /**
   * The grant's refresh token (sensitive). Only this stack may use it, unless `publishTokens` is
   * set: another stack's use fails at synth.
   */
  public get refreshToken(): string {
    return this.token("refresh token", this.resource.refreshToken);
  }

  /**
   * A current access token (sensitive), valid 60 minutes from issue. Only this stack may use it,
   * unless `publishTokens` is set: another stack's use fails at synth.
   */
  public get accessToken(): string {
    return this.token("access token", this.resource.accessToken);
  }

  /** When {@link accessToken} expires (RFC 3339). */
  public get accessTokenExpiresAt(): string {
    return this.resource.accessTokenExpiresAt;
  }

  /** When the grant was made (RFC 3339). */
  public get grantedAt(): string {
    return this.resource.grantedAt;
  }

  /** An estimate of when the refresh token stops working (RFC 3339), or null when it lasts until revoked. */
  public get refreshTokenExpiresAt(): string {
    return this.resource.refreshTokenExpiresAt;
  }

  /** The client id the grant belongs to. */
  public get clientId(): string {
    return this.resource.clientId;
  }

  private token(name: "refresh token" | "access token", reference: string): string {
    return this.publishTokens
      ? reference
      : keepGrantTokenInStack(this, "AuthorizationGrant", name, reference);
  }
}

// The code and verifier go to the write-only arguments, with their version, when asked.
function codeArguments(props: AuthorizationGrantProps) {
  const { authorizationCode, codeVerifier } = props;
  if (!props.writeOnlyCode) return { authorizationCode, codeVerifier };
  return {
    authorizationCodeWo: authorizationCode,
    authorizationCodeWoVersion: props.authorizationCodeVersion ?? 1,
    codeVerifierWo: codeVerifier,
  };
}

/**
 * `reference` (one of a grant's tokens) bound to the stack of `owner`, the construct the user took
 * it from; the error names that construct and its `publishTokens` prop.
 */
export function keepGrantTokenInStack(
  owner: Construct,
  kind: "AuthorizationGrant" | "AmazonAdsConnection",
  token: "refresh token" | "access token",
  reference: string,
): string {
  const path = owner.node.path;
  return keepInStack(reference, {
    owner,
    what: `the ${token} of ${kind} ${path}`,
    instead:
      "Pass only non-secret values between stacks (client id, profile id, region, API URL); a " +
      "stack that must call Amazon opens its own short-lived access token with an " +
      "EphemeralAccessToken, fed from its own credentials file or secret, which Terraform never " +
      `stores. If those states may hold the grant, set publishTokens: true on ${path}`,
  });
}
