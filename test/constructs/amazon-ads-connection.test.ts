import { App, TerraformOutput, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AmazonAdsConnection,
  CONNECTION_OUTPUTS,
  TOKEN_OUTPUTS,
} from "../../src/constructs/amazon-ads-connection.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, onlyResource, resolved, synthJson, testStack } from "./support.js";

function connect(stack: TerraformStack, id = "acme-us", extra = {}): AmazonAdsConnection {
  return new AmazonAdsConnection(stack, id, {
    clientId: CLIENT_ID,
    clientSecret: secretVariable(stack, "client_secret"),
    refreshToken: secretVariable(stack, "refresh_token"),
    countryCode: "US",
    accountType: "seller",
    ...extra,
  });
}

describe("AmazonAdsConnection", () => {
  const PLAIN = CONNECTION_OUTPUTS.filter((n) => !(TOKEN_OUTPUTS as readonly string[]).includes(n));

  it("composes app, grant and profile, and emits the connection's outputs, no token among them", () => {
    const stack = testStack();
    const c = connect(stack);
    const json = synthJson(stack);
    expect(json).toMatchSnapshot();
    expect(Object.keys(json.output).sort()).toEqual([...PLAIN].sort());
    for (const name of PLAIN) expect(json.output[name].sensitive).toBeUndefined();
    expect(JSON.stringify(json.output)).not.toMatch(/\.(refresh|access)_token\}/);
    expect(c.publishTokens).toBe(false);
    expect(c.outputs.refresh_token).toBeUndefined();
  });

  it("emits the sensitive refresh_token and access_token outputs with publishTokens", () => {
    const stack = testStack();
    const c = connect(stack, "acme-us", { publishTokens: true });
    const json = synthJson(stack);
    expect(Object.keys(json.output).sort()).toEqual([...CONNECTION_OUTPUTS].sort());
    const grant = `amazonads_authorization.${c.grant.resource.friendlyUniqueId}`;
    expect(json.output.refresh_token).toMatchObject({
      sensitive: true,
      value: `\${${grant}.refresh_token}`,
    });
    expect(json.output.access_token).toMatchObject({
      sensitive: true,
      value: `\${${grant}.access_token}`,
    });
    expect(c.outputs.refresh_token).toBeDefined();
  });

  it("exposes its values as properties pointing at the same attributes as its outputs", () => {
    const stack = testStack();
    const c = connect(stack, "acme-us", { publishTokens: true });
    const values = {
      client_id: c.clientId,
      profile_id: c.profileId,
      region: c.region,
      api_url: c.apiUrl,
      country_code: c.countryCode,
      refresh_token: c.refreshToken,
      access_token: c.accessToken,
      access_token_expires_at: c.accessTokenExpiresAt,
      refresh_token_expires_at: c.refreshTokenExpiresAt,
      ads_account_id: c.adsAccountId,
    };
    const outputs = synthJson(stack).output;
    for (const [name, value] of Object.entries(values)) {
      expect(resolved(stack, value)).toBe(outputs[name].value);
    }
    expect(resolved(stack, c.profileId)).toBe(
      `\${amazonads_profile.${c.profile.resource.friendlyUniqueId}.profile_id}`,
    );
    // Terraform keeps no null root output, so "no Ads account" is published as "", by a local.
    const profile = `amazonads_profile.${c.profile.resource.friendlyUniqueId}`;
    expect(Object.values(synthJson(stack).locals)).toContainEqual(
      `\${(${profile}.ads_account_id == null) ? "" : ${profile}.ads_account_id}`,
    );
    expect(outputs.ads_account_id.value).toMatch(/^\$\{local\.[\w-]+\}$/);
  });

  it("resolves the null fallbacks in its own stack, so a consumer reads an output that exists", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "fallback-")) });
    const producer = new TerraformStack(app, "producer");
    const consumer = new TerraformStack(app, "consumer");
    const c = connect(producer);
    new TerraformOutput(consumer, "account", { value: c.adsAccountId });
    new TerraformOutput(consumer, "renew_by", { value: c.refreshTokenExpiresAt });
    app.synth();
    const published = synthJson(producer).output;
    const locals = synthJson(producer).locals as Record<string, string>;
    const crossStack = Object.keys(published).filter((n) => n.startsWith("cross-stack-output-"));
    expect(crossStack).toHaveLength(2);
    for (const name of crossStack) {
      // The producer publishes its local (never null), not the raw attribute …
      const local = /^\$\{local\.([\w-]+)\}$/.exec(published[name].value)?.[1];
      expect(locals[local!]).toMatch(/ == null\) \? "" : /);
    }
    // … and the consumer only reads it: no conditional of its own over a missing output.
    const consumed = synthJson(consumer).output as Record<string, { value: string }>;
    for (const output of Object.values(consumed)) {
      expect(output.value).toMatch(/^\$\{data\.terraform_remote_state\.[^ ]+\}$/);
    }
    rmSync(app.outdir, { recursive: true, force: true });
  });

  it("passes an authorization code, its verifier and redirect URI to the grant", () => {
    const stack = testStack();
    const c = new AmazonAdsConnection(stack, "c", {
      authorizationCode: secretVariable(stack, "authorization_code"),
      codeVerifier: secretVariable(stack, "code_verifier"),
      redirectUri: "https://amazon.com",
      profileId: "34567890123456789",
    });
    const json = synthJson(stack);
    expect(onlyResource(json, "amazonads_authorization")).toMatchObject({
      authorization_code: "${var.authorization_code}",
      code_verifier: "${var.code_verifier}",
      redirect_uri: "https://amazon.com",
    });
    expect(onlyResource(json, "amazonads_lwa_app").redirect_uri).toBe("https://amazon.com");
    expect(onlyResource(json, "amazonads_profile").profile_id).toBe("34567890123456789");
    expect(c.app.alias).toBe("c_app");
  });

  it("hands writeOnlyCode, its version and the expiry window to the grant", () => {
    const stack = testStack();
    new AmazonAdsConnection(stack, "c", {
      authorizationCode: secretVariable(stack, "authorization_code", { ephemeral: true }),
      codeVerifier: secretVariable(stack, "code_verifier", { ephemeral: true }),
      writeOnlyCode: true,
      authorizationCodeVersion: 3,
      expiryWarningDays: 45,
      profileId: "34567890123456789",
    });
    const grant = onlyResource(synthJson(stack), "amazonads_authorization");
    expect(grant).toMatchObject({
      authorization_code_wo: "${var.authorization_code}",
      authorization_code_wo_version: 3,
      code_verifier_wo: "${var.code_verifier}",
      expiry_warning_days: 45,
    });
    expect(grant.authorization_code).toBeUndefined();
    expect(grant.code_verifier).toBeUndefined();
  });

  it("emits refresh_token_expires_at, not sensitive, for other stacks to read", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "expiry-")) });
    const producer = new TerraformStack(app, "producer");
    const consumer = new TerraformStack(app, "consumer");
    const c = connect(producer);
    new TerraformOutput(consumer, "renew_by", { value: c.refreshTokenExpiresAt });
    app.synth();
    const json = synthJson(producer);
    const output = json.output.refresh_token_expires_at;
    expect(output.sensitive).toBeUndefined();
    const grant = `amazonads_authorization.${c.grant.resource.friendlyUniqueId}`;
    const local = /^\$\{local\.([\w-]+)\}$/.exec(output.value)?.[1];
    expect(json.locals[local!]).toBe(
      `\${(${grant}.refresh_token_expires_at == null) ? "" : ${grant}.refresh_token_expires_at}`,
    );
    rmSync(app.outdir, { recursive: true, force: true });
  });

  it("prefixes its output names with outputPrefix", () => {
    const stack = testStack();
    connect(stack, "us", { outputPrefix: "acme_us" });
    connect(stack, "eu", {
      outputPrefix: "acme_eu",
      countryCode: "DE",
      region: "EU",
      publishTokens: true,
    });
    const names = Object.keys(synthJson(stack).output);
    expect(names).toHaveLength(PLAIN.length + CONNECTION_OUTPUTS.length);
    expect(names).toContain("acme_us_profile_id");
    expect(names).toContain("acme_eu_refresh_token");
    expect(() => stack.runAllValidations()).not.toThrow();
  });

  it("fails at synth when two connections of a stack would emit the same outputs", () => {
    const stack = testStack();
    connect(stack, "us");
    connect(stack, "eu", { countryCode: "DE" });
    expect(() => stack.runAllValidations()).toThrow(
      /stack\/us: the output "client_id" is also declared by stack\/eu\/client_id\. Give each AmazonAdsConnection in stack stack its own outputPrefix/,
    );
  });

  it("fails at synth when an output of the stack already has one of its names", () => {
    const stack = testStack();
    new TerraformOutput(stack, "profile_id", { value: "x" });
    connect(stack);
    expect(() => stack.runAllValidations()).toThrow(
      /the output "profile_id" is also declared by stack\/profile_id/,
    );
  });

  it("refuses an outputPrefix that cannot begin an output name", () => {
    const stack = testStack();
    expect(() => connect(stack, "c", { outputPrefix: "1st" })).toThrow(
      /stack\/c: outputPrefix "1st" cannot begin a Terraform output name/,
    );
  });

  it("feeds another stack through a cross-stack reference (remote state with an absolute path)", () => {
    const outdir = mkdtempSync(join(tmpdir(), "cross-stack-"));
    try {
      const app = new App({ outdir });
      const producer = new TerraformStack(app, "producer");
      const c = connect(producer);
      const consumer = new TerraformStack(app, "consumer");
      new TerraformOutput(consumer, "profile_id", { value: c.profileId });
      app.synth();
      const read = (stack: string) =>
        JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      const consumerJson = read("consumer");
      const remote = consumerJson.data.terraform_remote_state;
      const [name, state] = Object.entries(remote)[0] as [string, { config: { path: string } }];
      expect(state.config.path).toMatch(/^\/.*terraform\.producer\.tfstate$/);
      expect(consumerJson.output.profile_id.value).toMatch(
        new RegExp(`^\\$\\{data\\.terraform_remote_state\\.${name}\\.outputs\\.`),
      );
      const producerOutputs = Object.keys(read("producer").output);
      expect(producerOutputs.some((o) => o.startsWith("cross-stack-output-"))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
