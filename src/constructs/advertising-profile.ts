/**
 * `AdvertisingProfile`: Amazon's step 3 — the one advertising profile the selectors match, as the
 * `amazonads_profile` resource.
 */
import { Token } from "./framework.js";
import { Construct } from "constructs";
import * as profile from "./bindings/profile/index.js";
import type { AuthorizationGrant } from "./authorization-grant.js";

/** How to pick one profile among those a grant can access. Every selector is optional. */
export interface ProfileSelectors {
  /**
   * The profile id, as a string of digits (ids can exceed 2^53, more than a JavaScript number
   * holds exactly).
   * @default any profile id
   */
  readonly profileId?: string;
  /**
   * The marketplace country code (US, CA, UK — not GB —, DE, JP …); the profile is looked up in
   * that country's region.
   * @default any country
   */
  readonly countryCode?: string;
  /**
   * The marketplace id (ATVPDKIKX0DER for the US …).
   * @default any marketplace
   */
  readonly marketplaceId?: string;
  /**
   * The account name, matched exactly.
   * @default any account name
   */
  readonly accountName?: string;
  /**
   * The account type: `seller`, `vendor` or `agency` (agency profiles cannot run sponsored ads).
   * @default any account type
   */
  readonly accountType?: string;
  /**
   * Which profiles are listed: those the user can edit (`edit`) or also view-only ones (`view`).
   * @default "edit"
   */
  readonly accessLevel?: string;
  /**
   * The API program the profile must be usable with (billing, campaign, paymentMethod, store,
   * report, account, posts).
   * @default "campaign"
   */
  readonly apiProgram?: string;
}

/** Props of {@link AdvertisingProfile}. */
export interface AdvertisingProfileProps extends ProfileSelectors {
  /** The grant whose profiles to choose from. */
  readonly grant: AuthorizationGrant;
}

const CHOICES: Partial<Record<keyof ProfileSelectors, readonly string[]>> = {
  accountType: ["seller", "vendor", "agency"],
  accessLevel: ["edit", "view"],
};

/** Throws, naming the construct, when a literal selector cannot match any profile. */
export function checkSelectors(path: string, selectors: ProfileSelectors): void {
  const { profileId } = selectors;
  if (profileId !== undefined && !Token.isUnresolved(profileId) && !/^\d{1,19}$/.test(profileId)) {
    throw new Error(
      `${path}: profileId must be the profile id as a string of digits, e.g. "3456789012345678", ` +
        `not "${profileId}".`,
    );
  }
  for (const [prop, choices] of Object.entries(CHOICES)) {
    const value = selectors[prop as keyof ProfileSelectors];
    if (value !== undefined && !Token.isUnresolved(value) && !choices.includes(value)) {
      throw new Error(`${path}: ${prop} must be one of ${choices.join(", ")}, not "${value}".`);
    }
  }
}

/**
 * The advertising profile that the selectors match, exactly one among the profiles the grant can
 * access; zero or several matches fail the plan with a list of the candidates. Plans check that
 * the profile is still accessible.
 *
 * @example
 * const profile = new AdvertisingProfile(this, "profile", { grant, countryCode: "US", accountType: "seller" });
 * new TerraformOutput(this, "profile_id", { value: profile.profileId });
 */
export class AdvertisingProfile extends Construct {
  /** The grant the profile was chosen with. */
  public readonly grant: AuthorizationGrant;
  /** The `amazonads_profile` resource. */
  public readonly resource: profile.Profile;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - the grant and the selectors
   */
  public constructor(scope: Construct, id: string, props: AdvertisingProfileProps) {
    super(scope, id);
    checkSelectors(this.node.path, props);
    this.grant = props.grant;
    this.resource = new profile.Profile(this, "profile", {
      provider: props.grant.app.provider,
      refreshToken: props.grant.refreshToken,
      profileId: props.profileId,
      countryCode: props.countryCode,
      marketplaceId: props.marketplaceId,
      accountName: props.accountName,
      accountType: props.accountType,
      accessLevel: props.accessLevel,
      apiProgram: props.apiProgram,
    });
  }

  /** The profile id, as a string. */
  public get profileId(): string {
    return this.resource.profileId;
  }

  /** The marketplace country code. */
  public get countryCode(): string {
    return this.resource.countryCode;
  }

  /** The marketplace id. */
  public get marketplaceId(): string {
    return this.resource.marketplaceId;
  }

  /** The profile's currency (USD, EUR …). */
  public get currencyCode(): string {
    return this.resource.currencyCode;
  }

  /** The profile's time zone. */
  public get timezone(): string {
    return this.resource.timezone;
  }

  /** The account id (`accountInfo.id`). */
  public get accountId(): string {
    return this.resource.accountId;
  }

  /** The account name. */
  public get accountName(): string {
    return this.resource.accountName;
  }

  /** The account type: seller, vendor or agency. */
  public get accountType(): string {
    return this.resource.accountType;
  }

  /** The account sub-type, when Amazon gives one. */
  public get accountSubType(): string {
    return this.resource.accountSubType;
  }

  /** The region whose API host serves the profile: NA, EU or FE. */
  public get region(): string {
    return this.resource.region;
  }

  /** The Amazon Ads API URL to call for this profile. */
  public get apiUrl(): string {
    return this.resource.apiUrl;
  }

  /**
   * The global Ads account (`amzn1.ads-account.g.…`) whose alternate ids list this profile, for
   * APIs that take the `Amazon-Ads-AccountId` header; null when no Ads account lists it.
   */
  public get adsAccountId(): string {
    return this.resource.adsAccountId;
  }
}
