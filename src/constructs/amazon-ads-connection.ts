/**
 * `AmazonAdsConnection`: a whole advertiser connection — application, grant and profile — with
 * the Terraform outputs other stacks read.
 */
import { Fn, Op, stackOf, TerraformLocal, TerraformOutput, Token } from "./framework.js";
import { Construct } from "constructs";
import { AdvertisingProfile, type ProfileSelectors } from "./advertising-profile.js";
import { AdvertisingProfileSet } from "./advertising-profile-set.js";
import type * as profileSet from "./bindings/profile-set/index.js";
import { AuthorizationGrant, keepGrantTokenInStack } from "./authorization-grant.js";
import { LwaApp, type LwaAppProps } from "./lwa-app.js";

/** Props of {@link AmazonAdsConnection}: the app's, one grant source, and the profile selectors. */
export interface AmazonAdsConnectionProps extends LwaAppProps, ProfileSelectors {
  /**
   * An existing grant's refresh token, as a Terraform reference (a literal throws). Give exactly
   * one of `refreshToken`, `authorizationCode` and `credentialsFile`.
   * @default none
   */
  readonly refreshToken?: string;
  /**
   * An authorization code from the consent redirect, as a Terraform reference (a literal throws);
   * redeemed once, at create.
   * @default none
   */
  readonly authorizationCode?: string;
  /**
   * Path of a credentials file written by `cdktf-amazon-ads login`.
   * @default none
   */
  readonly credentialsFile?: string;
  /**
   * The PKCE code verifier of the consent that produced `authorizationCode`, as a Terraform
   * reference.
   * @default no PKCE
   */
  readonly codeVerifier?: string;
  /**
   * Pass the code and verifier as write-only arguments (Terraform ≥ 1.11): see
   * {@link AuthorizationGrantProps.writeOnlyCode}.
   * @default false
   */
  readonly writeOnlyCode?: boolean;
  /**
   * With `writeOnlyCode`: raise it with each new authorization code (see
   * {@link AuthorizationGrantProps.authorizationCodeVersion}).
   * @default 1
   */
  readonly authorizationCodeVersion?: number;
  /**
   * Plans warn when the grant's refresh token expires within this many days.
   * @default 30
   */
  readonly expiryWarningDays?: number;
  /**
   * Prefix of the output names: `<outputPrefix>_client_id` and so on. Needed when several
   * connections share a stack (two connections emitting the same output name fail at synth).
   * @default no prefix: `client_id`, `profile_id`, `region`, `api_url`, `country_code`,
   * `refresh_token`, `access_token`, `access_token_expires_at`, `refresh_token_expires_at`,
   * `ads_account_id`
   */
  readonly outputPrefix?: string;
  /**
   * Publish the grant's tokens beyond this stack: emit the sensitive `refresh_token` and
   * `access_token` outputs, and let other stacks of the app read {@link
   * AmazonAdsConnection.refreshToken} and {@link AmazonAdsConnection.accessToken}. Each token
   * another stack uses becomes a sensitive output of this stack (CDKTF's cross-stack reference),
   * and `terraform_remote_state` copies all of this stack's outputs, tokens included, into the
   * state of every stack or app that reads any value of it — whoever reads one of those states
   * can act as the advertiser. Left off, the tokens stay in this stack's state, and using either
   * property from another stack fails at synth, saying what to do instead (usually an
   * `EphemeralAccessToken` in the stack that calls Amazon).
   * @default false: no token outputs; the tokens stay in this stack's state
   */
  readonly publishTokens?: boolean;
  /**
   * Several marketplaces from the one grant: one profile per country code (`["DE", "FR", "IT"]`,
   * written in the program, no duplicates), selected by an {@link AdvertisingProfileSet} with
   * `accountName`, `accountType`, `accessLevel` and `apiProgram` narrowing every country. The
   * connection then also emits `profiles`, a map by country of `profile_id`, `region`, `api_url`
   * …, and its single-profile outputs and properties (`profile_id`, `region`, `api_url`,
   * `country_code`, `ads_account_id`) describe the first country. Not with `countryCode`, `profileId` or
   * `marketplaceId`, which select one profile.
   * @default one profile, selected by the other selectors
   */
  readonly countryCodes?: string[];
}

/** The outputs a connection emits, without prefix. */
export const CONNECTION_OUTPUTS = [
  "client_id",
  "profile_id",
  "region",
  "api_url",
  "country_code",
  "refresh_token",
  "access_token",
  "access_token_expires_at",
  "refresh_token_expires_at",
  "ads_account_id",
] as const;

/** One of {@link CONNECTION_OUTPUTS}. */
export type ConnectionOutput = (typeof CONNECTION_OUTPUTS)[number];

/** The outputs that carry a token: emitted only with `publishTokens`. */
export const TOKEN_OUTPUTS = ["refresh_token", "access_token"] as const;

/** One of {@link TOKEN_OUTPUTS}. */
export type TokenOutput = (typeof TOKEN_OUTPUTS)[number];

/**
 * A connection's Terraform outputs by unprefixed name; the token outputs only when published, and
 * `profiles` only with `countryCodes`.
 */
export type ConnectionOutputs = Readonly<
  Record<Exclude<ConnectionOutput, TokenOutput>, TerraformOutput> &
    Partial<Record<TokenOutput | "profiles", TerraformOutput>>
>;

const PROFILES_DESCRIPTION =
  "The selected profiles by country code: profile_id (a string), region, api_url, " +
  "marketplace_id, currency_code, timezone, account_id, account_name, account_type, " +
  "ads_account_id (the global Ads account listing the profile, null when none).";

const SENSITIVE: ReadonlySet<ConnectionOutput> = new Set(TOKEN_OUTPUTS);
const PROFILE_OUTPUTS: ReadonlySet<ConnectionOutput> = new Set([
  "profile_id",
  "region",
  "api_url",
  "country_code",
  "ads_account_id",
]);
const DESCRIPTIONS: Record<ConnectionOutput, string> = {
  client_id: "The Login with Amazon client id (Amazon-Advertising-API-ClientId header).",
  profile_id: "The advertising profile id, as a string (Amazon-Advertising-API-Scope header).",
  region: "The Amazon Ads region serving the profile: NA, EU or FE.",
  api_url: "The Amazon Ads API URL for the profile.",
  country_code: "The profile's marketplace country code.",
  refresh_token: "The grant's refresh token.",
  access_token: "A current access token (valid 60 minutes from issue).",
  access_token_expires_at: "When access_token expires (RFC 3339).",
  refresh_token_expires_at:
    "When the grant's refresh token stops working (RFC 3339; 365 days after consents from " +
    "2026-07-01), or an empty string when it lasts until revoked. Renew before: " +
    "cdktf-amazon-ads login --renew.",
  ads_account_id:
    "The profile's global Ads account id (Amazon-Ads-AccountId header), or an empty string when " +
    "no Ads account lists the profile.",
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * An Amazon Ads API advertiser connection: an {@link LwaApp}, an {@link AuthorizationGrant} and
 * an {@link AdvertisingProfile}, plus Terraform outputs (`client_id`, `profile_id`, `region`,
 * `api_url`, `country_code`, `access_token_expires_at`, `refresh_token_expires_at`,
 * `ads_account_id`; with `publishTokens`, also the sensitive
 * `refresh_token` and `access_token`). Other stacks of the app read the same values through the
 * properties (CDKTF turns those references into remote-state lookups); the tokens stay in this
 * stack unless `publishTokens` is set.
 *
 * @example
 * new AmazonAdsConnection(this, "acme-us", {
 *   clientId: process.env.AMAZON_ADS_CLIENT_ID, // amzn1.application-oa2-client.…
 *   clientSecret: secretVariable(this, "client_secret"),
 *   refreshToken: secretVariable(this, "refresh_token"),
 *   countryCode: "US",
 * });
 */
export class AmazonAdsConnection extends Construct {
  /** The client application. */
  public readonly app: LwaApp;
  /** The authorization grant. */
  public readonly grant: AuthorizationGrant;
  /** The profiles of each country, when the connection was given `countryCodes`. */
  public readonly profileSet?: AdvertisingProfileSet;
  /** The Terraform outputs, by unprefixed name (the token outputs only with `publishTokens`). */
  public readonly outputs: ConnectionOutputs;
  /** Whether the tokens are published beyond this stack (the `publishTokens` prop). */
  public readonly publishTokens: boolean;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - application settings, exactly one grant source, profile selectors
   */
  public constructor(scope: Construct, id: string, props: AmazonAdsConnectionProps) {
    super(scope, id);
    const prefix = props.outputPrefix;
    if (prefix !== undefined && !IDENTIFIER.test(prefix)) {
      throw new Error(
        `${this.node.path}: outputPrefix "${prefix}" cannot begin a Terraform output name; use ` +
          "letters, digits, underscores and hyphens, starting with a letter (e.g. acme_us).",
      );
    }
    this.publishTokens = props.publishTokens ?? false;
    this.app = new LwaApp(this, "app", props);
    this.grant = new AuthorizationGrant(this, "grant", {
      app: this.app,
      authorizationCode: props.authorizationCode,
      refreshToken: props.refreshToken,
      credentialsFile: props.credentialsFile,
      redirectUri: props.authorizationCode === undefined ? undefined : props.redirectUri,
      codeVerifier: props.codeVerifier,
      writeOnlyCode: props.writeOnlyCode,
      authorizationCodeVersion: props.authorizationCodeVersion,
      expiryWarningDays: props.expiryWarningDays,
      publishTokens: this.publishTokens,
    });
    if (props.countryCodes === undefined) {
      this.single = new AdvertisingProfile(this, "profile", { ...props, grant: this.grant });
    } else {
      checkOneWayToSelect(this.node.path, props);
      this.profileSet = new AdvertisingProfileSet(this, "profile-set", {
        ...props,
        countryCodes: props.countryCodes,
        grant: this.grant,
      });
    }
    this.nullableValues = {
      adsAccountId: orEmptyString(this, "ads-account-id", this.primary.adsAccountId),
      refreshTokenExpiresAt: orEmptyString(
        this,
        "refresh-token-expires-at",
        this.grant.refreshTokenExpiresAt,
      ),
    };
    const values: Record<ConnectionOutput, string> = {
      client_id: this.clientId,
      profile_id: this.profileId,
      region: this.region,
      api_url: this.apiUrl,
      country_code: this.countryCode,
      refresh_token: this.grant.resource.refreshToken,
      access_token: this.grant.resource.accessToken,
      access_token_expires_at: this.accessTokenExpiresAt,
      refresh_token_expires_at: this.refreshTokenExpiresAt,
      ads_account_id: this.adsAccountId,
    };
    const published = CONNECTION_OUTPUTS.filter(
      (name) => this.publishTokens || !SENSITIVE.has(name),
    );
    const outputs: Partial<Record<ConnectionOutput | "profiles", TerraformOutput>> = {};
    for (const name of published) {
      outputs[name] = new TerraformOutput(this, prefix === undefined ? name : `${prefix}_${name}`, {
        value: values[name],
        ...(SENSITIVE.has(name) && { sensitive: true }),
        description: DESCRIPTIONS[name] + this.primaryNote(name),
        staticId: true,
      });
    }
    if (this.profileSet) {
      outputs.profiles = new TerraformOutput(
        this,
        prefix === undefined ? "profiles" : `${prefix}_profiles`,
        {
          value: this.profileSet.profiles,
          description: PROFILES_DESCRIPTION,
          staticId: true,
        },
      );
    }
    this.outputs = outputs as ConnectionOutputs;
    this.node.addValidation({ validate: () => duplicateOutputs(this) });
  }

  private readonly single?: AdvertisingProfile;
  private readonly nullableValues: { adsAccountId: string; refreshTokenExpiresAt: string };

  /**
   * The selected advertising profile. A connection given `countryCodes` has none (it has
   * {@link profileSet}): reading it then throws, naming what to use.
   */
  public get profile(): AdvertisingProfile {
    if (this.single) return this.single;
    throw new Error(
      `${this.node.path}: this connection selects one profile per country ` +
        `(${this.countryCodes.join(", ")}), so it has no single AdvertisingProfile: use ` +
        `profileOf("${this.countryCodes[0]}"), profiles or profileSet instead.`,
    );
  }

  /** The countries of a connection given `countryCodes`, in their order; else empty. */
  public get countryCodes(): readonly string[] {
    return this.profileSet?.countryCodes ?? [];
  }

  /**
   * The selected profiles by country code, as one map reference (what the `profiles` output
   * holds). Throws for a connection without `countryCodes`.
   */
  public get profiles(): profileSet.ProfileSetProfilesMap {
    return this.requireSet("profiles").profiles;
  }

  /**
   * One country's profile, read attribute by attribute (`profileOf("DE").profileId`, `.region`,
   * `.apiUrl` …). Throws for a connection without `countryCodes`, or a country not among them.
   */
  public profileOf(countryCode: string): profileSet.ProfileSetProfilesOutputReference {
    return this.requireSet(`profileOf("${countryCode}")`).profile(countryCode);
  }

  private requireSet(what: string): AdvertisingProfileSet {
    if (this.profileSet) return this.profileSet;
    throw new Error(
      `${this.node.path}: ${what} needs a connection given countryCodes; this one selects one ` +
        "profile: use profileId, region and apiUrl.",
    );
  }

  private primaryNote(name: ConnectionOutput): string {
    const first = this.countryCodes[0];
    return first !== undefined && PROFILE_OUTPUTS.has(name)
      ? ` With several countries: that of ${first}, the first one (all are in the profiles output).`
      : "";
  }

  // With countryCodes, the single-profile values are those of the first country.
  private get primary(): AdvertisingProfile | profileSet.ProfileSetProfilesOutputReference {
    return this.single ?? this.profileOf(this.countryCodes[0]!);
  }

  /** The Login with Amazon client id. */
  public get clientId(): string {
    return this.app.clientId;
  }

  /** The advertising profile id, as a string (with `countryCodes`: the first country's). */
  public get profileId(): string {
    return this.primary.profileId;
  }

  /** The region serving the profile: NA, EU or FE (with `countryCodes`: the first country's). */
  public get region(): string {
    return this.primary.region;
  }

  /** The Amazon Ads API URL for the profile (with `countryCodes`: the first country's). */
  public get apiUrl(): string {
    return this.primary.apiUrl;
  }

  /** The profile's marketplace country code (with `countryCodes`: the first country). */
  public get countryCode(): string {
    return this.primary.countryCode;
  }

  /**
   * The profile's global Ads account id (`amzn1.ads-account.g.…`, for the `Amazon-Ads-AccountId`
   * header of Amazon's newer APIs), or an empty string when no Ads account lists the profile:
   * Terraform keeps no root output whose value is null, and a consumer stack would then fail to
   * read it. With `countryCodes`: the first country's (`profileOf("DE").adsAccountId` for
   * another's, null when none).
   */
  public get adsAccountId(): string {
    return this.nullableValues.adsAccountId;
  }

  /**
   * The grant's refresh token (sensitive). Only this stack may use it unless `publishTokens` is
   * set: another stack's use fails at synth.
   */
  public get refreshToken(): string {
    return this.token("refresh token", this.grant.resource.refreshToken);
  }

  /**
   * A current access token (sensitive). Only this stack may use it unless `publishTokens` is set:
   * another stack's use fails at synth.
   */
  public get accessToken(): string {
    return this.token("access token", this.grant.resource.accessToken);
  }

  /** When {@link accessToken} expires (RFC 3339). */
  public get accessTokenExpiresAt(): string {
    return this.grant.accessTokenExpiresAt;
  }

  /**
   * When the grant's refresh token stops working (RFC 3339), or an empty string when it lasts
   * until revoked (for the same reason as {@link adsAccountId}). Not secret: other stacks may read
   * it (to remind someone to renew, say).
   */
  public get refreshTokenExpiresAt(): string {
    return this.nullableValues.refreshTokenExpiresAt;
  }

  private token(name: "refresh token" | "access token", reference: string): string {
    return this.publishTokens
      ? reference
      : keepGrantTokenInStack(this, "AmazonAdsConnection", name, reference);
  }
}

// countryCodes selects a profile per country; these select one profile in all.
function checkOneWayToSelect(path: string, props: AmazonAdsConnectionProps): void {
  const single = (["countryCode", "profileId", "marketplaceId"] as const).filter(
    (name) => props[name] !== undefined,
  );
  if (single.length > 0) {
    throw new Error(
      `${path}: countryCodes selects one profile per country, and ${single.join(" and ")} ` +
        `select${single.length === 1 ? "s" : ""} one profile: give countryCodes alone (with ` +
        "accountType, accountName, accessLevel or apiProgram to narrow every country), or " +
        "drop it for a single profile.",
    );
  }
}

// Terraform would silently keep one of two outputs with the same name: refuse at synth instead.
function duplicateOutputs(connection: AmazonAdsConnection): string[] {
  const stack = stackOf(connection);
  const mine = new Set<TerraformOutput>(Object.values(connection.outputs));
  const taken = new Map<string, string>();
  for (const node of stack.node.findAll()) {
    if (TerraformOutput.isTerraformOutput(node) && !mine.has(node)) {
      taken.set(node.friendlyUniqueId, node.node.path);
    }
  }
  return Object.values(connection.outputs)
    .filter((output) => taken.has(output.friendlyUniqueId))
    .map(
      (output) =>
        `${connection.node.path}: the output "${output.friendlyUniqueId}" is also declared by ` +
        `${taken.get(output.friendlyUniqueId)}. Give each AmazonAdsConnection in stack ` +
        `${stack.node.id} its own outputPrefix (e.g. "acme_us").`,
    );
}

/**
 * `value`, or "" where it is null, worked out in the connection's own stack. Terraform keeps no
 * root output whose value is null, so another stack reading a null attribute would find no output
 * to read: as a local, the producer resolves the fallback, and cdktf's cross-stack output carries
 * the local rather than the raw attribute (a conditional around the attribute itself would be
 * copied into the consumer, after the null had already been lost).
 */
function orEmptyString(scope: Construct, id: string, value: string): string {
  const local = new TerraformLocal(
    scope,
    id,
    Fn.conditional(Op.eq(value, Token.nullValue()), "", value),
  );
  return local.asString;
}
