/**
 * `cdktf synth` of the example app with every secret in its environment: no secret value reaches
 * any file of cdktf.out, and no token text either outside the vendored provider program.
 */
import { relative } from "node:path";
import { join } from "node:path";
import { filesBelow } from "../../constructs/support.js";
import { ExampleProject } from "../support/cdktf.js";

const SECRETS = {
  AMAZON_ADS_CLIENT_SECRET: "amzn1.oa2-cs.v1.environment-client-secret-value",
  TF_VAR_client_secret: "amzn1.oa2-cs.v1.variable-client-secret-value",
  AMAZON_ADS_AUTHORIZATION_CODE: "ANenvironmentAuthorizationCode",
  TF_VAR_authorization_code: "ANenvironmentAuthorizationCode",
  AMAZON_ADS_CODE_VERIFIER: "environment-code-verifier-environment-code-verifier",
  TF_VAR_code_verifier: "environment-code-verifier-environment-code-verifier",
  TF_VAR_refresh_token: "Atzr|IwEBIenvironmentRefreshToken",
};

describe("cdktf synth of the example app with secrets in the environment", () => {
  let project: ExampleProject;
  beforeAll(() => {
    project = ExampleProject.create();
  });
  afterAll(() => project.remove());

  it.each([
    ["an authorization code", {}],
    ["a refresh token", { AMAZON_ADS_REFRESH_TOKEN: "Atzr|IwEBIenvironmentRefreshToken" }],
  ])("writes none of them with %s as the grant source", async (_, extra) => {
    const synth = await project.cdktf(["synth"], {
      AMAZON_ADS_CLIENT_ID: "amzn1.application-oa2-client.5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f",
      ...SECRETS,
      ...extra,
    });
    expect(synth.code).toBe(0);
    const outdir = join(project.dir, "cdktf.out");
    const files = filesBelow(outdir);
    expect(files.map((f) => relative(outdir, f.path))).toContain(
      "stacks/amazon-ads-connection/cdk.tf.json",
    );
    const secrets = [...Object.values(SECRETS), ...Object.values(extra)];
    const leaks = files.filter((f) => secrets.some((s) => f.text.includes(s))).map((f) => f.path);
    expect(leaks).toEqual([]);
    const config = files.filter((f) => !relative(outdir, f.path).includes("terraform.d/"));
    expect(config.filter((f) => /Atz[ar]\|/.test(f.text)).map((f) => f.path)).toEqual([]);
    expect(synth.output).not.toContain("ANenvironmentAuthorizationCode");
  });
});
