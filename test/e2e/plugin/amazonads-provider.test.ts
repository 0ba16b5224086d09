/**
 * The real provider entry (src/provider/main.ts) answering terraform: init, validate and plan of a
 * configuration with a `provider "amazonads"` block and variables. Terraform only validates and
 * configures a provider that something uses, so configuration errors are checked through a
 * test-only probe data source added to the same provider.
 */
import { fileURLToPath } from "node:url";
import { Workspace } from "../support/terraform.js";

// A safety net for hung processes, not a performance limit.

const VALID_ID = `amzn1.application-oa2-client.${"0123456789abcdef".repeat(2)}`;
const SECRET = "amazon-ads-client-s3cret";

const config = (extra = "") => `
terraform {
  required_providers {
    amazonads = { source = "terraform.local/amazon-ads/amazonads", version = "0.1.0" }
  }
}
variable "client_id" { type = string }
variable "client_secret" {
  type      = string
  sensitive = true
}
provider "amazonads" {
  client_id     = var.client_id
  client_secret = var.client_secret
}
${extra}`;

/** Runs terraform with the client secret in the environment: terraform logs its own arguments. */
const withSecret = (ws: Workspace, args: string[], env: Record<string, string> = {}) =>
  ws.terraform(args, { TF_VAR_client_secret: SECRET, ...env });

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const identity = {
  host: "terraform.local",
  namespace: "amazon-ads",
  type: "amazonads",
  version: "0.1.0",
};

describe("the amazonads provider served to terraform", () => {
  describe("from src/provider/main.ts", () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await Workspace.create({ ...identity, entry: entry("../../../src/provider/main.ts") });
      ws.write("main.tf", config());
    });
    afterAll(() => ws.remove());

    it("initializes, validates and plans with no resources", async () => {
      expect((await ws.terraform(["init"])).code).toBe(0);
      const validate = await ws.terraform(["validate"]);
      expect(validate.stdout).toContain("Success! The configuration is valid.");
      const plan = await withSecret(ws, ["plan", "-var", `client_id=${VALID_ID}`], {
        TF_LOG: "trace",
      });
      expect(plan.code).toBe(0);
      expect(plan.stdout).toContain("No changes.");
      expect(plan.stderr).toContain("GetProviderSchema");
      expect(plan.output).not.toContain("failed to exit gracefully");
      expect(plan.output).not.toContain(SECRET);
    });
    it("also serves cleartext HTTP/2 when TF_DISABLE_PLUGIN_TLS is set", async () => {
      const plan = await withSecret(ws, ["plan", "-var", `client_id=${VALID_ID}`], {
        TF_DISABLE_PLUGIN_TLS: "1",
        TF_LOG: "debug",
      });
      expect(plan.code).toBe(0);
      expect(plan.stderr).toMatch(/plugin started: .*tls=false/);
    });
  });

  describe("with a probe data source that makes terraform configure it", () => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = await Workspace.create({
        ...identity,
        entry: entry("../../fixtures/amazonads-probe/main.ts"),
      });
      ws.write(
        "main.tf",
        config(
          'data "amazonads_probe" "p" {}\noutput "region" { value = data.amazonads_probe.p.region }\n',
        ),
      );
      expect((await ws.terraform(["init"])).code).toBe(0);
    });
    afterAll(() => ws.remove());

    it("configures from variables and the environment", async () => {
      const plan = await withSecret(ws, ["plan", "-var", `client_id=${VALID_ID}`], {
        AMAZON_ADS_REGION: "EU",
      });
      expect(plan.code).toBe(0);
      expect(plan.stdout).toContain('region = "EU"');
      expect(plan.output).not.toContain(SECRET);
    });

    it("reports a malformed client_id on the client_id attribute", async () => {
      const plan = await withSecret(ws, ["plan", "-var", "client_id=my-app"]);
      expect(plan.code).toBe(1);
      expect(plan.output).toContain("Error: Invalid value for client_id");
      expect(plan.output).toMatch(/client_id\s+= var\.client_id/);
      expect(plan.output).toMatch(/client_id must be a Login with Amazon client id/);
    });

    it("reports a malformed client id from the environment on client_id, naming the variable", async () => {
      ws.write(
        "main.tf",
        config('data "amazonads_probe" "p" {}\n').replace(/client_id\s+= var.client_id\n/, ""),
      );
      const plan = await withSecret(ws, ["plan", "-var", "client_id=unused"], {
        AMAZON_ADS_CLIENT_ID: "not-an-id",
      });
      expect(plan.code).toBe(1);
      expect(plan.output).toContain("Error: Invalid value for client_id");
      expect(plan.output).toContain("environment variable AMAZON_ADS_CLIENT_ID");
    });
  });
});
