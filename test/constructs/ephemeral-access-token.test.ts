import { App, DataResource, TerraformOutput, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EphemeralAccessToken } from "../../src/constructs/ephemeral-access-token.js";
import { LwaApp } from "../../src/constructs/lwa-app.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, synthJson, testStack } from "./support.js";

describe("EphemeralAccessToken", () => {
  it("declares an ephemeral amazonads_access_token through the app's provider, fed by a credentials file", () => {
    const stack = testStack();
    const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
    const token = new EphemeralAccessToken(stack, "api", {
      app,
      credentialsFile: "/home/reporting/.config/cdktf-amazon-ads/credentials.json",
    });
    new DataResource(stack, "report", {
      provisioners: [
        {
          type: "local-exec",
          command: "node report.mjs",
          environment: { TOKEN: token.accessToken, CLIENT_ID: token.clientId },
        },
      ],
    });
    const json = synthJson(stack);
    expect(json.ephemeral).toEqual({
      amazonads_access_token: {
        [token.friendlyUniqueId]: {
          provider: "amazonads.app",
          credentials_file: "/home/reporting/.config/cdktf-amazon-ads/credentials.json",
        },
      },
    });
    const address = `ephemeral.amazonads_access_token.${token.friendlyUniqueId}`;
    const report = Object.values(json.resource.terraform_data)[0] as {
      provisioner: { "local-exec": { environment: Record<string, string> } }[];
    };
    expect(report.provisioner[0]!["local-exec"].environment).toEqual({
      TOKEN: `\${${address}.access_token}`,
      CLIENT_ID: `\${${address}.client_id}`,
    });
  });

  it("takes a refresh token from an ephemeral variable, and refuses a literal", () => {
    const stack = testStack();
    const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
    const token = new EphemeralAccessToken(stack, "api", {
      app,
      refreshToken: secretVariable(stack, "refresh_token", { ephemeral: true }),
    });
    const json = synthJson(stack);
    expect(json.ephemeral.amazonads_access_token[token.friendlyUniqueId].refresh_token).toBe(
      "${var.refresh_token}",
    );
    expect(json.variable.refresh_token.ephemeral).toBe(true);
    expect(
      () => new EphemeralAccessToken(stack, "literal", { app, refreshToken: "Atzr|IwEBIliteral" }),
    ).toThrow(/stack\/literal: refreshToken was given as a literal string/);
  });

  it("needs exactly one grant source", () => {
    const stack = testStack();
    const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
    expect(() => new EphemeralAccessToken(stack, "none", { app })).toThrow(
      /stack\/none: give exactly one source of the grant .* not none\./,
    );
    expect(
      () =>
        new EphemeralAccessToken(stack, "both", {
          app,
          credentialsFile: "/c.json",
          refreshToken: secretVariable(stack, "refresh_token"),
        }),
    ).toThrow(/not both\./);
  });

  it("fails at synth when another stack uses its values: ephemeral values cannot leave a stack", () => {
    const outdir = mkdtempSync(join(tmpdir(), "ephemeral-"));
    try {
      const cdkApp = new App({ outdir });
      const home = new TerraformStack(cdkApp, "home");
      const app = new LwaApp(home, "app", { clientId: CLIENT_ID });
      const token = new EphemeralAccessToken(home, "api", { app, credentialsFile: "/c.json" });
      const other = new TerraformStack(cdkApp, "other");
      new TerraformOutput(other, "token", { value: token.accessToken, sensitive: true });
      expect(() => cdkApp.synth()).toThrow(
        "stack other uses the access token of EphemeralAccessToken home/api, which stays in " +
          "stack home. It is ephemeral: Terraform cannot pass it to another stack (a root module " +
          "output cannot be ephemeral). Declare an EphemeralAccessToken in the stack that uses it",
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("refuses cdktf's HCL output, which would drop the block", () => {
    const outdir = mkdtempSync(join(tmpdir(), "ephemeral-hcl-"));
    // cdktf 0.21 chooses HCL per stack, at construction, from this variable alone.
    process.env.SYNTH_HCL_OUTPUT = "true";
    try {
      const cdkApp = new App({ outdir });
      const stack = new TerraformStack(cdkApp, "stack");
      const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
      new EphemeralAccessToken(stack, "api", { app, credentialsFile: "/c.json" });
      expect(() => cdkApp.synth()).toThrow(/stack\/api: (cdktf|cdktn)'s HCL output cannot render/);
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
