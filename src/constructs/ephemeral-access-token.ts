/**
 * `EphemeralAccessToken`: the `amazonads_access_token` ephemeral resource (Terraform ≥ 1.10), an
 * access token opened for one Terraform run and never stored in plan or state. It is how a stack
 * that must call Amazon gets a token of its own instead of reading another stack's grant.
 */
import { FRAMEWORK_PACKAGE, TerraformElement, Token, ref } from "./framework.js";
import type { Construct } from "constructs";
import type { LwaApp } from "./lwa-app.js";
import { requireSecretReference } from "./secrets.js";
import { keepInStack } from "./stack-local-secret.js";

const TYPE = "amazonads_access_token";

/** Props of {@link EphemeralAccessToken}. Give exactly one of `credentialsFile` and `refreshToken`. */
export interface EphemeralAccessTokenProps {
  /**
   * The client application whose provider configuration opens the token (client id and secret;
   * the grant must have been made for that client id).
   */
  readonly app: LwaApp;
  /**
   * Path of a credentials file written by `cdktf-amazon-ads login`, read by the provider at each
   * run: the refresh token passes through neither the configuration nor Terraform. A path is not
   * a secret.
   * @default none: `refreshToken` gives the grant
   */
  readonly credentialsFile?: string;
  /**
   * The grant's refresh token, as a Terraform reference (a literal throws): best
   * `secretVariable(this, "refresh_token", { ephemeral: true })`, which keeps it out of saved plan
   * files too, or an attribute of a secret store's ephemeral resource.
   * @default none: `credentialsFile` gives the grant
   */
  readonly refreshToken?: string;
}

/**
 * A current access token for a grant, opened by Terraform for one run (`ephemeral
 * "amazonads_access_token"`) and never stored in plan or state. Use its values where Terraform
 * accepts ephemeral ones — a provisioner's environment, a provider block, a write-only argument —
 * in this stack only: they cannot be outputs, and another stack's use fails at synth. CDKTF's
 * HCL output (`SYNTH_HCL_OUTPUT=true`) cannot render ephemeral blocks; the default JSON output can.
 *
 * @example
 * const app = new LwaApp(this, "app", { clientId: connection.clientId });
 * const token = new EphemeralAccessToken(this, "api", {
 *   app,
 *   credentialsFile: process.env.AMAZON_ADS_CREDENTIALS_FILE, // this team's own login
 * });
 * new DataResource(this, "report", {
 *   provisioners: [{
 *     type: "local-exec",
 *     command: "node report.mjs",
 *     environment: { AMAZON_ADS_ACCESS_TOKEN: token.accessToken, AMAZON_ADS_CLIENT_ID: token.clientId },
 *   }],
 * });
 */
export class EphemeralAccessToken extends TerraformElement {
  /** The Terraform type it declares. */
  public static readonly tfResourceType = TYPE;
  /** The application whose provider configuration opens the token. */
  public readonly app: LwaApp;
  private readonly credentialsFile: string | undefined;
  private readonly refreshToken: string | undefined;

  /**
   * @param scope - the scope in which to define it
   * @param id - its construct id
   * @param props - the application and exactly one source of the grant
   */
  public constructor(scope: Construct, id: string, props: EphemeralAccessTokenProps) {
    super(scope, id, `ephemeral.${TYPE}`);
    const path = this.node.path;
    if ((props.credentialsFile === undefined) === (props.refreshToken === undefined)) {
      throw new Error(
        `${path}: give exactly one source of the grant — credentialsFile (written by ` +
          "`cdktf-amazon-ads login`) or refreshToken (e.g. secretVariable(this, " +
          '"refresh_token", { ephemeral: true })) — not ' +
          `${props.credentialsFile === undefined ? "none" : "both"}.`,
      );
    }
    requireSecretReference(props.refreshToken, {
      construct: path,
      prop: "refreshToken",
      variable: "refresh_token",
    });
    this.app = props.app;
    this.credentialsFile = props.credentialsFile;
    this.refreshToken = props.refreshToken;
  }

  /** The access token (sensitive, ephemeral). */
  public get accessToken(): string {
    return this.attribute("access_token", "access token");
  }

  /** The client id to send as `Amazon-Advertising-API-ClientId` (ephemeral). */
  public get clientId(): string {
    return this.attribute("client_id", "client id");
  }

  /** When {@link accessToken} expires, RFC 3339 (ephemeral). */
  public get expiresAt(): string {
    return this.attribute("expires_at", "expiry");
  }

  /** The `ephemeral` block, which cdktf merges into the stack's JSON like any element's. */
  public override toTerraform(): Record<string, unknown> {
    return {
      ephemeral: {
        [TYPE]: {
          [this.friendlyUniqueId]: {
            provider: this.app.provider.fqn,
            credentials_file: this.credentialsFile,
            refresh_token: this.refreshToken,
            ...this.rawOverrides,
          },
        },
      },
    };
  }

  /** The HCL renderer drops blocks it does not know, so refuse rather than lose this one. */
  public override toHclTerraform(): never {
    throw new Error(
      `${this.node.path}: ${FRAMEWORK_PACKAGE}'s HCL output cannot render this ephemeral block. ` +
        "Synthesize JSON " +
        "(the default: leave SYNTH_HCL_OUTPUT unset).",
    );
  }

  private attribute(name: string, label: string): string {
    const address = `ephemeral.${TYPE}.${this.friendlyUniqueId}.${name}`;
    return keepInStack(Token.asString(ref(address, this.cdktfStack)), {
      owner: this,
      what: `the ${label} of EphemeralAccessToken ${this.node.path}`,
      transferable: false,
      instead:
        "Declare an EphemeralAccessToken in the stack that uses it, opened with that stack's own " +
        "grant (a credentials file or an ephemeral variable)",
    });
  }
}
