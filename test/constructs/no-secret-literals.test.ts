/**
 * Secrets given to the constructs as Terraform references never reach the synthesized output,
 * even when their values sit in the environment of the synthesizing process.
 */
import { App, TerraformStack } from "cdktf";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  AmazonAdsConnection,
  AuthorizationGrant,
  LwaApp,
  TestAccount,
  secretVariable,
  vendorProvider,
} from "../../src/index.js";
import { PROVIDER_VERSION } from "../../src/provider/provider-address.js";
import { CLIENT_ID, filesBelow } from "./support.js";

const SECRETS = {
  TF_VAR_client_secret:
    "amzn1.oa2-cs.v1.0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e",
  TF_VAR_refresh_token: "Atzr|IwEBIKnownRefreshTokenValue0123456789",
  TF_VAR_authorization_code: "ANKnownAuthorizationCodeValue",
  TF_VAR_code_verifier: "known-pkce-verifier-known-pkce-verifier-known-pkce",
  AMAZON_ADS_CLIENT_SECRET: "amzn1.oa2-cs.v1.env-secret-value",
  AMAZON_ADS_REFRESH_TOKEN: "Atzr|IwEBIEnvironmentRefreshToken",
};

describe("the synthesized output of every construct, given secrets as references", () => {
  let scratch: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "no-secrets-"));
    for (const [name, value] of Object.entries(SECRETS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it("holds no secret value and no token text in any file (cdk.tf.json, lock, manifest …)", () => {
    // A placeholder provider package: vendoring copies files, it never runs them.
    const packageDir = join(scratch, "package");
    mkdirSync(packageDir);
    writeFileSync(
      join(packageDir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`),
      "#!/bin/sh\n",
    );
    chmodSync(join(packageDir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`), 0o755);
    writeFileSync(join(packageDir, "amazonads-provider.cjs"), '"use strict";\n');
    writeFileSync(join(packageDir, "amazonads-program.cjs"), '"use strict";\n');

    const outdir = join(scratch, "cdktf.out");
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "secrets");
    vendorProvider(stack, { packageDir });
    new AmazonAdsConnection(stack, "connection", {
      clientId: CLIENT_ID,
      clientSecret: secretVariable(stack, "client_secret"),
      refreshToken: secretVariable(stack, "refresh_token"),
      countryCode: "US",
      outputPrefix: "main",
    });
    const lwa = new LwaApp(stack, "other-app", {
      clientSecret: secretVariable(stack, "client_secret"),
    });
    const grant = new AuthorizationGrant(stack, "code-grant", {
      app: lwa,
      authorizationCode: secretVariable(stack, "authorization_code"),
      codeVerifier: secretVariable(stack, "code_verifier"),
    });
    new TestAccount(stack, "sandbox", { grant, countryCode: "US", accountType: "AUTHOR" });
    app.synth();

    const files = filesBelow(outdir);
    expect(files.map((f) => relative(outdir, f.path))).toContain("stacks/secrets/cdk.tf.json");
    const leaks = files.flatMap((file) =>
      Object.values(SECRETS)
        .filter((secret) => file.text.includes(secret))
        .map((secret) => `${relative(outdir, file.path)} holds ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
    const tokenText = files.filter((f) => /Atz[ar]\|/.test(f.text)).map((f) => f.path);
    expect(tokenText).toEqual([]);
  });
});
