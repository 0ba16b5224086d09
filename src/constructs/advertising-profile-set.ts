/**
 * `AdvertisingProfileSet`: Amazon's step 3 for a seller in several marketplaces — one advertising
 * profile per country, from one grant, as the `amazonads_profile_set` resource.
 */
import { type StringMap, Token } from "./framework.js";
import { Construct } from "constructs";
import type { AuthorizationGrant } from "./authorization-grant.js";
import { checkSelectors } from "./advertising-profile.js";
import * as profileSet from "./bindings/profile-set/index.js";

/** How to pick one profile in each of several countries. `countryCodes` is required. */
export interface ProfileSetSelectors {
  /**
   * The marketplace country codes, one profile each (US, CA, UK — not GB —, DE, JP …), written
   * in the program (they are checked at synth), without duplicates. The first is the primary
   * country (see `AmazonAdsConnection`).
   */
  readonly countryCodes: string[];
  /**
   * Only profiles with this account name, matched exactly, in every country.
   * @default any account name
   */
  readonly accountName?: string;
  /**
   * Only profiles of this account type (`seller`, `vendor` or `agency`), in every country.
   * @default any account type
   */
  readonly accountType?: string;
  /**
   * Which profiles are listed: those the user can edit (`edit`) or also view-only ones (`view`).
   * @default "edit"
   */
  readonly accessLevel?: string;
  /**
   * The API program the profiles must be usable with (billing, campaign, paymentMethod, store,
   * report, account, posts).
   * @default "campaign"
   */
  readonly apiProgram?: string;
}

/** Props of {@link AdvertisingProfileSet}. */
export interface AdvertisingProfileSetProps extends ProfileSetSelectors {
  /** The grant whose profiles to choose from. */
  readonly grant: AuthorizationGrant;
}

/**
 * Throws, naming the construct, when `countryCodes` cannot select a set: not a list written in
 * the program, empty, a code Amazon Ads cannot have ("GB" asks for "UK"), or a country twice.
 */
function checkCountryCodes(path: string, countryCodes: readonly string[]): void {
  const example = 'e.g. countryCodes: ["DE", "FR", "IT"]';
  if (!Array.isArray(countryCodes) || Token.isUnresolved(countryCodes)) {
    throw new Error(
      `${path}: countryCodes must be a list of country codes written in the program (${example}), ` +
        "not a Terraform reference: the countries are checked at synth and key the outputs.",
    );
  }
  if (countryCodes.length === 0) {
    throw new Error(
      `${path}: countryCodes is empty: name at least one marketplace country (${example}), or ` +
        "use countryCode for one profile.",
    );
  }
  countryCodes.forEach((code, index) => {
    if (Token.isUnresolved(code)) {
      throw new Error(
        `${path}: countryCodes[${index}] is a Terraform reference: write the country code ` +
          "itself (US, DE, JP …).",
      );
    }
    if (code === "GB") {
      throw new Error(
        `${path}: countryCodes[${index}] is "GB": Amazon Ads names the United Kingdom "UK".`,
      );
    }
    if (!/^[A-Z]{2}$/.test(code)) {
      throw new Error(
        `${path}: countryCodes[${index}] is "${code}": a country code is two upper-case ` +
          "letters, such as US, UK, DE or JP.",
      );
    }
    const first = countryCodes.indexOf(code);
    if (first !== index) {
      throw new Error(
        `${path}: countryCodes lists "${code}" twice (items ${first} and ${index}): the set ` +
          "selects one profile per country; remove one of them.",
      );
    }
  });
}

/**
 * One advertising profile per country of `countryCodes`, among the profiles the grant can access;
 * a country with no profile or several fails the plan, on that country, with the candidates.
 * Each plan lists the profiles once per region involved.
 *
 * @example
 * const eu = new AdvertisingProfileSet(this, "eu", { grant, countryCodes: ["DE", "FR", "IT"] });
 * new TerraformOutput(this, "de_profile_id", { value: eu.profile("DE").profileId });
 */
export class AdvertisingProfileSet extends Construct {
  /** The grant the profiles were chosen with. */
  public readonly grant: AuthorizationGrant;
  /** The `amazonads_profile_set` resource. */
  public readonly resource: profileSet.ProfileSet;
  /** The countries, in the order given. */
  public readonly countryCodes: readonly string[];

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - the grant, the countries and the narrowing selectors
   */
  public constructor(scope: Construct, id: string, props: AdvertisingProfileSetProps) {
    super(scope, id);
    checkCountryCodes(this.node.path, props.countryCodes);
    checkSelectors(this.node.path, props);
    this.grant = props.grant;
    this.countryCodes = [...props.countryCodes];
    this.resource = new profileSet.ProfileSet(this, "profiles", {
      provider: props.grant.app.provider,
      refreshToken: props.grant.refreshToken,
      countryCodes: [...props.countryCodes],
      accountName: props.accountName,
      accountType: props.accountType,
      accessLevel: props.accessLevel,
      apiProgram: props.apiProgram,
    });
  }

  /**
   * The selected profiles by country code (a map of objects with `profile_id`, `region`,
   * `api_url`, `marketplace_id`, `currency_code`, `timezone`, `account_*`, `ads_account_id`),
   * as one reference.
   */
  public get profiles(): profileSet.ProfileSetProfilesMap {
    return this.resource.profiles;
  }

  /** The selected profile ids by country code (`profileIds.lookup("DE")` reads one). */
  public get profileIds(): StringMap {
    return this.resource.profileIds;
  }

  /**
   * One country's profile, read attribute by attribute (`profile("DE").profileId`, `.region`,
   * `.apiUrl`, `.adsAccountId` (null when no Ads account lists it) …). Throws for a country that is not in `countryCodes`.
   */
  public profile(countryCode: string): profileSet.ProfileSetProfilesOutputReference {
    if (!this.countryCodes.includes(countryCode)) {
      throw new Error(
        `${this.node.path}: no profile is selected for "${countryCode}"; the set's countries ` +
          `are ${this.countryCodes.join(", ")}.`,
      );
    }
    return this.profiles.get(countryCode);
  }
}
