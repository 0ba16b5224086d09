/**
 * `TestAccount`: an Amazon Ads test account (Amazon's sandbox), as the `amazonads_test_account`
 * resource.
 */
import { Token } from "./framework.js";
import { Construct } from "constructs";
import type { AuthorizationGrant } from "./authorization-grant.js";
import * as testAccount from "./bindings/test-account/index.js";

/** Props of {@link TestAccount}. */
export interface TestAccountProps {
  /**
   * The grant that creates the account. Its app must request the
   * `advertising::test:create_account` scope, and the consenting Amazon user must manage no
   * advertising accounts.
   */
  readonly grant: AuthorizationGrant;
  /** The marketplace country (US, UK, DE …). Changing it creates another account. */
  readonly countryCode: string;
  /** `VENDOR` or `AUTHOR` (one AUTHOR account per user and marketplace). */
  readonly accountType: string;
  /**
   * The vendor code of a VENDOR account (required for VENDOR: the provider refuses a VENDOR
   * account without one at plan time).
   * @default none (AUTHOR accounts need none)
   */
  readonly vendorCode?: string;
}

/**
 * An Amazon Ads test account, created asynchronously (create waits until Amazon reports it
 * COMPLETED). Amazon cannot delete test accounts: destroying the construct only forgets it.
 *
 * @example
 * const account = new TestAccount(this, "sandbox", { grant, countryCode: "US", accountType: "AUTHOR" });
 */
export class TestAccount extends Construct {
  /** The `amazonads_test_account` resource. */
  public readonly resource: testAccount.TestAccount;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - the grant, country and account type
   */
  public constructor(scope: Construct, id: string, props: TestAccountProps) {
    super(scope, id);
    const type = props.accountType;
    if (!Token.isUnresolved(type) && type !== "VENDOR" && type !== "AUTHOR") {
      throw new Error(`${this.node.path}: accountType must be VENDOR or AUTHOR, not "${type}".`);
    }
    this.resource = new testAccount.TestAccount(this, "test_account", {
      provider: props.grant.app.provider,
      refreshToken: props.grant.refreshToken,
      countryCode: props.countryCode,
      accountType: props.accountType,
      vendorCode: props.vendorCode,
    });
  }

  /** The test account's id (`ENTITY…` or `A…`). */
  public get accountId(): string {
    return this.resource.id;
  }

  /** The account's status as Amazon last reported it (COMPLETED once created). */
  public get status(): string {
    return this.resource.status;
  }

  /** The id of the advertising profile Amazon made for the account, as a string. */
  public get profileId(): string {
    return this.resource.profileId;
  }

  /** Amazon's id of the creation request. */
  public get requestId(): string {
    return this.resource.requestId;
  }
}
