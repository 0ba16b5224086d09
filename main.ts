// The example app: a producer stack with one Amazon Ads connection, and a consumer stack that reads
// the connection's values through CDKTF cross-stack references (remote-state lookups).
//
// Environment variables read at synth (none of them holds a secret that lands in cdk.tf.json):
//   grant source, exactly one of
//     TF_VAR_refresh_token      (or AMAZON_ADS_REFRESH_TOKEN, see below)  an existing grant
//     TF_VAR_authorization_code (or AMAZON_ADS_AUTHORIZATION_CODE)        a code from the consent;
//       with TF_VAR_code_verifier (PKCE, optional) and AMAZON_ADS_REDIRECT_URI (default
//       http://localhost:8765/callback)
//     AMAZON_ADS_CREDENTIALS_FILE                                         a `login` credentials file
//   profile selectors: AMAZON_ADS_PROFILE_ID, or AMAZON_ADS_COUNTRY_CODE (default US) with
//     AMAZON_ADS_ACCOUNT_TYPE (default seller)
//   AMAZON_ADS_EXAMPLE_STATE_DIR: where the two stacks keep their state (default: this directory)
// Secrets reach Terraform only at deploy, as sensitive variables: TF_VAR_refresh_token,
// TF_VAR_authorization_code, TF_VAR_code_verifier, TF_VAR_client_secret (optional: unset, the
// provider reads AMAZON_ADS_CLIENT_SECRET). The provider itself reads AMAZON_ADS_CLIENT_ID,
// AMAZON_ADS_CLIENT_SECRET, AMAZON_ADS_REGION and the endpoint overrides AMAZON_ADS_*_URL.
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { resolve } from "node:path";
import { AmazonAdsConnection, secretVariable, type AmazonAdsConnectionProps } from "./src/index.js";

const env = process.env;

/** Which grant the environment asks for; the secret value itself stays a Terraform variable. */
function grantSource(scope: Construct): Partial<AmazonAdsConnectionProps> {
  const viaVariable = (name: string, alias: string): boolean => {
    if (env[`TF_VAR_${name}`]) return true;
    if (!env[alias]) return false;
    throw new Error(
      `${alias} is set, but Terraform reads the value from TF_VAR_${name} at deploy. Run ` +
        `\`export TF_VAR_${name}="$${alias}"\` first (npm start does this for you).`,
    );
  };
  if (viaVariable("refresh_token", "AMAZON_ADS_REFRESH_TOKEN")) {
    return {
      refreshToken: secretVariable(scope, "refresh_token", {
        description: "An existing grant's refresh token.",
      }),
    };
  }
  if (viaVariable("authorization_code", "AMAZON_ADS_AUTHORIZATION_CODE")) {
    return {
      authorizationCode: secretVariable(scope, "authorization_code", {
        description: "An authorization code from the consent redirect (redeemed once).",
      }),
      codeVerifier: secretVariable(scope, "code_verifier", {
        description: "The PKCE code verifier of the consent, if it used PKCE.",
        optional: true,
      }),
      ...(env.AMAZON_ADS_REDIRECT_URI ? { redirectUri: env.AMAZON_ADS_REDIRECT_URI } : {}),
    };
  }
  if (env.AMAZON_ADS_CREDENTIALS_FILE) {
    return { credentialsFile: resolve(env.AMAZON_ADS_CREDENTIALS_FILE) };
  }
  throw new Error(
    "No grant source in the environment. Set one of TF_VAR_refresh_token (an existing grant), " +
      "TF_VAR_authorization_code (+ TF_VAR_code_verifier with PKCE, AMAZON_ADS_REDIRECT_URI) or " +
      "AMAZON_ADS_CREDENTIALS_FILE (written by `cdktf-amazon-ads login`); or run `npm start`, " +
      "which obtains a grant from the local emulator.",
  );
}

function stateBackend(stack: TerraformStack, name: string): void {
  // Cross-stack references copy this path into the consumer's remote state: keep it absolute.
  const dir = resolve(env.AMAZON_ADS_EXAMPLE_STATE_DIR ?? ".");
  new LocalBackend(stack, { path: resolve(dir, `terraform.${name}.tfstate`) });
}

/** Declares the advertiser connection and publishes it as outputs. */
class ConnectionStack extends TerraformStack {
  readonly connection: AmazonAdsConnection;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    stateBackend(this, id);
    this.connection = new AmazonAdsConnection(this, "advertiser", {
      clientSecret: secretVariable(this, "client_secret", {
        description: "The LwA client secret; unset, the provider reads AMAZON_ADS_CLIENT_SECRET.",
        optional: true,
      }),
      ...grantSource(this),
      ...(env.AMAZON_ADS_PROFILE_ID
        ? { profileId: env.AMAZON_ADS_PROFILE_ID }
        : {
            countryCode: env.AMAZON_ADS_COUNTRY_CODE ?? "US",
            accountType: env.AMAZON_ADS_ACCOUNT_TYPE ?? "seller",
          }),
    });
  }
}

/** Another team's stack: it only reads the connection, through cross-stack references. */
class ConsumerStack extends TerraformStack {
  constructor(scope: Construct, id: string, connection: AmazonAdsConnection) {
    super(scope, id);
    stateBackend(this, id);
    new TerraformOutput(this, "profile_id", { value: connection.profileId });
    new TerraformOutput(this, "api_url", { value: connection.apiUrl });
    new TerraformOutput(this, "region", { value: connection.region });
    // The headers every Amazon Ads API call of this profile carries (besides the bearer token).
    new TerraformOutput(this, "api_headers", {
      value: {
        "Amazon-Advertising-API-ClientId": connection.clientId,
        "Amazon-Advertising-API-Scope": connection.profileId,
      },
    });
    new TerraformOutput(this, "refresh_token", {
      value: connection.refreshToken,
      sensitive: true,
    });
  }
}

const app = new App();
const producer = new ConnectionStack(app, "amazon-ads-connection");
new ConsumerStack(app, "amazon-ads-consumer", producer.connection);
app.synth();
