/**
 * `LwaApp`: the Login with Amazon client application (Amazon's prerequisite), as an aliased
 * `amazonads` provider configuration plus the `amazonads_lwa_app` resource that verifies it.
 */
import { stackOf, type TerraformStack, Token } from "./framework.js";
import { Construct } from "constructs";
import { isRegion, type Region } from "../amazon-ads/regions.js";
import * as lwaApp from "./bindings/lwa-app/index.js";
import * as provider from "./bindings/provider/index.js";
import { requireSecretReference } from "./secrets.js";

/** Endpoint overrides, for the emulator, tests and proxies. */
export interface LwaAppEndpoints {
  /**
   * The Login with Amazon consent page URL.
   * @default the `AMAZON_ADS_AUTHORIZATION_URL` environment variable at deploy, else the region's
   */
  readonly authorizationUrl?: string;
  /**
   * The Login with Amazon token endpoint URL.
   * @default the `AMAZON_ADS_TOKEN_URL` environment variable at deploy, else the region's
   */
  readonly tokenUrl?: string;
  /**
   * The Amazon Ads API URL.
   * @default the `AMAZON_ADS_API_URL` environment variable at deploy, else the region's
   */
  readonly apiUrl?: string;
}

/** Props of {@link LwaApp}. */
export interface LwaAppProps {
  /**
   * The application's client id (`amzn1.application-oa2-client.` and 32 hex digits). Not a
   * secret: a literal is fine. A different client id replaces the grants made with the old one.
   * @default the `AMAZON_ADS_CLIENT_ID` environment variable at deploy
   */
  readonly clientId?: string;
  /**
   * The application's client secret: a Terraform reference such as
   * `secretVariable(this, "client_secret")`, never a literal (that throws).
   * @default the `AMAZON_ADS_CLIENT_SECRET` environment variable at deploy
   */
  readonly clientSecret?: string;
  /**
   * The Amazon Ads region whose Login with Amazon and API endpoints to use: `NA`, `EU` or `FE`.
   * Grants work in every region; a profile is looked up in its country's region.
   * @default the `AMAZON_ADS_REGION` environment variable at deploy, else `NA`
   */
  readonly region?: Region | string;
  /**
   * Where Amazon sends the browser after consent. It must be listed in the application's Allowed
   * Return URLs, and a grant made from an authorization code must use the same one.
   * @default "http://localhost:8765/callback" (where `cdktf-amazon-ads login` listens)
   */
  readonly redirectUri?: string;
  /**
   * Scopes requested at consent; add `advertising::test:create_account` to create test accounts.
   * @default ["advertising::campaign_management"]
   */
  readonly scopes?: string[];
  /**
   * Endpoint overrides (emulator, proxies); each also has an environment variable.
   * @default Amazon's endpoints of the region
   */
  readonly endpoints?: LwaAppEndpoints;
}

const CLIENT_ID = /^amzn1\.application-oa2-client\.[0-9a-f]{32}$/i;
const aliasesByStack = new WeakMap<TerraformStack, Map<string, string>>();

/** The provider alias for a construct: its path inside its stack, as a Terraform identifier. */
export function aliasFor(construct: Construct): string {
  const stack = stackOf(construct);
  const parts = construct.node.scopes.slice(stack.node.scopes.length).map((c) => c.node.id);
  const alias = parts.join("_").replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z_]/.test(alias) ? alias : `app_${alias}`;
}

/**
 * A Login with Amazon client application: an aliased `amazonads` provider configuration (alias
 * derived from the construct's path, so several apps can live in one stack) and an
 * `amazonads_lwa_app` resource, which verifies the client id and secret with Amazon at create
 * (and when they change) and builds the consent URL.
 *
 * @example
 * const app = new LwaApp(this, "app", {
 *   clientId: process.env.AMAZON_ADS_CLIENT_ID, // amzn1.application-oa2-client.…
 *   clientSecret: secretVariable(this, "client_secret"),
 *   region: "EU",
 * });
 */
export class LwaApp extends Construct {
  /** The aliased provider configuration; resources of this app use it. */
  public readonly provider: provider.AmazonadsProvider;
  /** The `amazonads_lwa_app` resource. */
  public readonly resource: lwaApp.LwaApp;
  /** The provider configuration's alias (`amazonads.<alias>`). */
  public readonly alias: string;
  /** The region as configured (a literal, a reference, or undefined for the provider's default). */
  public readonly region: string | undefined;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id; together with its path, it names the provider alias
   * @param props - the application's settings (all optional: the provider reads its environment)
   */
  public constructor(scope: Construct, id: string, props: LwaAppProps = {}) {
    super(scope, id);
    const path = this.node.path;
    if (props.clientId !== undefined && !Token.isUnresolved(props.clientId)) {
      if (!CLIENT_ID.test(props.clientId)) {
        throw new Error(
          `${path}: clientId must be a Login with Amazon client id, amzn1.application-oa2-client. ` +
            "followed by 32 hexadecimal digits. Copy it from the security profile in the Amazon " +
            "Developer console, or leave it unset and set AMAZON_ADS_CLIENT_ID at deploy.",
        );
      }
    }
    requireSecretReference(props.clientSecret, {
      construct: path,
      prop: "clientSecret",
      variable: "client_secret",
      envVar: "AMAZON_ADS_CLIENT_SECRET",
    });
    if (
      props.region !== undefined &&
      !Token.isUnresolved(props.region) &&
      !isRegion(props.region)
    ) {
      throw new Error(
        `${path}: region must be NA, EU or FE (Amazon Ads regions), not "${props.region}".`,
      );
    }
    this.region = props.region;
    this.alias = claimAlias(this);
    this.provider = new provider.AmazonadsProvider(this, "provider", {
      alias: this.alias,
      clientId: props.clientId,
      clientSecret: props.clientSecret,
      region: props.region,
      authorizationUrl: props.endpoints?.authorizationUrl,
      tokenUrl: props.endpoints?.tokenUrl,
      apiUrl: props.endpoints?.apiUrl,
    });
    this.resource = new lwaApp.LwaApp(this, "lwa_app", {
      provider: this.provider,
      redirectUri: props.redirectUri,
      scopes: props.scopes,
    });
  }

  /** The verified client id (from the configuration or `AMAZON_ADS_CLIENT_ID`). */
  public get clientId(): string {
    return this.resource.clientId;
  }

  /** The consent page URL (with client id, scopes, redirect URI and state) to open in a browser. */
  public get authorizationUrl(): string {
    return this.resource.authorizationUrl;
  }

  /** The redirect URI in use (the configured one, or the default). */
  public get redirectUri(): string {
    return this.resource.redirectUri;
  }

  /** When Amazon last accepted the client id and secret (RFC 3339). */
  public get verifiedAt(): string {
    return this.resource.verifiedAt;
  }
}

function claimAlias(app: LwaApp): string {
  const alias = aliasFor(app);
  const stack = stackOf(app);
  const claimed = aliasesByStack.get(stack) ?? new Map<string, string>();
  aliasesByStack.set(stack, claimed);
  const owner = claimed.get(alias);
  if (owner !== undefined) {
    throw new Error(
      `${app.node.path}: its provider alias "${alias}" is already used by ${owner}. ` +
        "Give one of the two LwaApps a different id.",
    );
  }
  claimed.set(alias, app.node.path);
  return alias;
}
