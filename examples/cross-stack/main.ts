// A separate CDKTF app that consumes an Amazon Ads connection deployed by another app (here, the
// repository's example app): it reads the connection's published outputs from that app's state,
// by their documented names, and needs neither the amazonads provider nor its secrets' sources.
//
// CONNECTION_STATE: path of the producing stack's state file (default: the example app's, in the
// repository root). CONSUMER_STATE_DIR: where this app keeps its own state (default: here).
import {
  App,
  DataTerraformRemoteStateLocal,
  LocalBackend,
  TerraformOutput,
  TerraformStack,
} from "cdktf";
import type { Construct } from "constructs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
    new TerraformOutput(this, "profile_id", { value: connection.getString("profile_id") });
    new TerraformOutput(this, "api_url", { value: connection.getString("api_url") });
    new TerraformOutput(this, "region", { value: connection.getString("region") });
    new TerraformOutput(this, "report_endpoint", {
      value: `${connection.getString("api_url")}/reporting/reports`,
    });
    new TerraformOutput(this, "api_headers", {
      value: {
        "Amazon-Advertising-API-ClientId": connection.getString("client_id"),
        "Amazon-Advertising-API-Scope": connection.getString("profile_id"),
      },
    });
    // Secrets stay sensitive on this side too.
    new TerraformOutput(this, "access_token", {
      value: connection.getString("access_token"),
      sensitive: true,
    });
  }
}

const app = new App();
new ReportingStack(app, "amazon-ads-reporting");
app.synth();
