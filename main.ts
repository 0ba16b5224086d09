// The example app: a producer stack with one Amazon Ads connection, and a consumer stack that reads
// the connection's non-secret values through CDKTF cross-stack references (remote-state lookups).
// The grant's tokens stay in the producer's state: the connection does not publish them (its
// publishTokens prop), so the consumer's state holds none, and reading connection.refreshToken
// from the consumer would fail at synth.
//
// Environment variables (cdktf removes TF_VAR_* from the app's environment at synth, so the
// grant source is chosen by the AMAZON_ADS_* names; Terraform reads the secret values from the
// TF_VAR_* ones at deploy — `npm start` copies each AMAZON_ADS_* value to its TF_VAR_* name):
//   grant source, the first one set of
//     AMAZON_ADS_REFRESH_TOKEN       an existing grant            value: TF_VAR_refresh_token
//     AMAZON_ADS_AUTHORIZATION_CODE  a code from the consent      value: TF_VAR_authorization_code
//       + AMAZON_ADS_CODE_VERIFIER   its PKCE verifier, if any    value: TF_VAR_code_verifier
//       + AMAZON_ADS_REDIRECT_URI    its redirect URI (default http://localhost:8765/callback)
//     AMAZON_ADS_CREDENTIALS_FILE    a `cdktf-amazon-ads login` credentials file (a path)
//   profile selectors: AMAZON_ADS_PROFILE_ID, or AMAZON_ADS_COUNTRY_CODE (default US) with
//     AMAZON_ADS_ACCOUNT_TYPE (default seller)
//   AMAZON_ADS_EXAMPLE_STATE_DIR     where both stacks keep their state (default: this directory)
// Read by the provider at deploy: AMAZON_ADS_CLIENT_ID, AMAZON_ADS_CLIENT_SECRET (unless
// TF_VAR_client_secret is set), AMAZON_ADS_REGION and the endpoint overrides AMAZON_ADS_*_URL.
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { resolve } from "node:path";
import { AmazonAdsConnection, secretVariable, type AmazonAdsConnectionProps } from "./src/index.js";

const env = process.env;

/** The grant source the environment names; the secret itself stays a Terraform variable. */
function grantSource(scope: Construct): Partial<AmazonAdsConnectionProps> {
  if (env.AMAZON_ADS_REFRESH_TOKEN) {
    return {
      refreshToken: secretVariable(scope, "refresh_token", {
        description: "An existing grant's refresh token.",
      }),
    };
  }
  if (env.AMAZON_ADS_AUTHORIZATION_CODE) {
    return {
      // Optional: the code is spent by the first deploy, and later deploys run without it (the
      // grant lives in state). A required variable would make Terraform wait at a prompt.
      authorizationCode: secretVariable(scope, "authorization_code", {
        description: "An authorization code from the consent redirect (redeemed once).",
        optional: true,
      }),
      ...(env.AMAZON_ADS_CODE_VERIFIER && {
        codeVerifier: secretVariable(scope, "code_verifier", {
          description: "The PKCE code verifier of the consent.",
          optional: true,
        }),
      }),
      ...(env.AMAZON_ADS_REDIRECT_URI && { redirectUri: env.AMAZON_ADS_REDIRECT_URI }),
    };
  }
  if (env.AMAZON_ADS_CREDENTIALS_FILE) {
    return { credentialsFile: resolve(env.AMAZON_ADS_CREDENTIALS_FILE) };
  }
  throw new Error(
    "No grant source in the environment. Set AMAZON_ADS_REFRESH_TOKEN (an existing grant), " +
      "AMAZON_ADS_AUTHORIZATION_CODE (with AMAZON_ADS_CODE_VERIFIER for PKCE) or " +
      "AMAZON_ADS_CREDENTIALS_FILE, and the secret's TF_VAR_ variable for cdktf deploy; or run " +
      "`npm start`, which does both, and without AMAZON_ADS_CLIENT_ID uses the local emulator.",
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

/**
 * Another team's stack: it reads the connection's non-secret values through cross-stack
 * references. A stack that must call Amazon itself opens its own short-lived token instead of
 * reading the producer's (examples/cross-stack shows how).
 */
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
  }
}

const app = new App();
const producer = new ConnectionStack(app, "amazon-ads-connection");
new ConsumerStack(app, "amazon-ads-consumer", producer.connection);
app.synth();
