// The example app. Until the constructs land it deploys one stack whose output records which
// package built it, so `npm start` proves the cdktf → terraform path works on this machine.
import { App, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { REGION_ENDPOINTS } from "./src/index.js";

class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TerraformOutput(this, "api_url", { value: REGION_ENDPOINTS.NA.apiUrl });
  }
}

const app = new App();
new ExampleStack(app, "amazon-ads-example");
app.synth();
