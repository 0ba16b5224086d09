// A separate CDKTF app that consumes an Amazon Ads connection deployed by another app (here, the
// repository's example app): it reads the connection's published outputs from that app's state,
// by their documented names. Those outputs hold no token (a connection publishes its tokens only
// with publishTokens), so neither does this app's state.
//
// With AMAZON_ADS_CREDENTIALS_FILE (this team's own `cdktf-amazon-ads login`), the stack also calls
// the Ads API at deploy: it opens its own access token for one run (EphemeralAccessToken, never
// stored) and hands it to a script through a provisioner's environment. The provider then reads
// AMAZON_ADS_CLIENT_SECRET (and the AMAZON_ADS_*_URL overrides) from the environment.
//
// CONNECTION_STATE: path of the producing stack's state file (default: the example app's, in the
// repository root). CONSUMER_STATE_DIR: where this app keeps its own state (default: here).
import {
  App,
  DataResource,
  DataTerraformRemoteStateLocal,
  LocalBackend,
  TerraformOutput,
  TerraformStack,
} from "cdktf";
import type { Construct } from "constructs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EphemeralAccessToken, LwaApp } from "../../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));

class ReportingStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, {
      path: resolve(process.env.CONSUMER_STATE_DIR ?? here, `terraform.${id}.tfstate`),
    });
    const connection = new DataTerraformRemoteStateLocal(this, "connection", {
      path: resolve(
        process.env.CONNECTION_STATE ??
          resolve(here, "../../terraform.amazon-ads-connection.tfstate"),
      ),
    });
    // The outputs every AmazonAdsConnection publishes (without an outputPrefix).
    const profileId = connection.getString("profile_id");
    const apiUrl = connection.getString("api_url");
    new TerraformOutput(this, "profile_id", { value: profileId });
    new TerraformOutput(this, "api_url", { value: apiUrl });
    new TerraformOutput(this, "region", { value: connection.getString("region") });
    new TerraformOutput(this, "report_endpoint", { value: `${apiUrl}/reporting/reports` });
    new TerraformOutput(this, "api_headers", {
      value: {
        "Amazon-Advertising-API-ClientId": connection.getString("client_id"),
        "Amazon-Advertising-API-Scope": profileId,
      },
    });

    const credentialsFile = process.env.AMAZON_ADS_CREDENTIALS_FILE;
    if (credentialsFile) {
      // This team's own grant, for the same client application as the connection.
      const app = new LwaApp(this, "app", { clientId: connection.getString("client_id") });
      const token = new EphemeralAccessToken(this, "api", {
        app,
        credentialsFile: resolve(credentialsFile),
      });
      new DataResource(this, "profile_check", {
        triggersReplace: [profileId],
        provisioners: [
          {
            type: "local-exec",
            command: `node ${resolve(here, "check-profile.mjs")}`,
            environment: {
              AMAZON_ADS_ACCESS_TOKEN: token.accessToken,
              AMAZON_ADS_CLIENT_ID: token.clientId,
              AMAZON_ADS_API_URL: apiUrl,
              AMAZON_ADS_PROFILE_ID: profileId,
            },
          },
        ],
      });
    }
  }
}

const app = new App();
new ReportingStack(app, "amazon-ads-reporting");
app.synth();
