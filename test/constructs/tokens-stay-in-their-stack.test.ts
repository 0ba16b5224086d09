/**
 * A grant's tokens stay in the stack that declares them: read from another stack of the app, they
 * fail at synth (before any file is written), unless the connection or grant publishes them.
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdvertisingProfile } from "../../src/constructs/advertising-profile.js";
import { AmazonAdsConnection } from "../../src/constructs/amazon-ads-connection.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, resolved, testStack } from "./support.js";

/** A producer stack with one connection and an empty consumer stack, in an app writing to a temporary directory. */
function twoStacks(props: { publishTokens?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), "stack-local-"));
  const app = new App({ outdir });
  const producer = new TerraformStack(app, "connection");
  const connection = new AmazonAdsConnection(producer, "acme", {
    clientId: CLIENT_ID,
    refreshToken: secretVariable(producer, "refresh_token"),
    countryCode: "US",
    ...props,
  });
  const consumer = new TerraformStack(app, "reporting");
  const stackJson = (stack: string) =>
    JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as {
      output: Record<string, { value: string; sensitive?: boolean }>;
      data?: { terraform_remote_state?: Record<string, unknown> };
    };
  return { app, outdir, producer, connection, consumer, stackJson };
}

let cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  cleanup = [];
});

/** What app.synth() throws; nothing was written for any stack. */
function synthError(setup: ReturnType<typeof twoStacks>): string {
  cleanup.push(setup.outdir);
  let message = "";
  try {
    setup.app.synth();
  } catch (error) {
    message = (error as Error).message;
  }
  // cdktf makes the stacks' directory up front; no stack's files were written into it.
  expect(readdirSync(setup.outdir, { recursive: true })).toEqual(["stacks"]);
  return message;
}

describe("a grant's tokens stay in their stack", () => {
  it("fails at synth when another stack reads connection.refreshToken, naming the states and the way out", () => {
    const setup = twoStacks();
    new TerraformOutput(setup.consumer, "token", {
      value: setup.connection.refreshToken,
      sensitive: true,
    });
    const message = synthError(setup);
    expect(message).toContain(
      "stack reporting uses the refresh token of AmazonAdsConnection connection/acme, which " +
        "stays in stack connection.",
    );
    expect(message).toContain("into an output of stack connection");
    expect(message).toContain(
      "into the state of stack reporting and of every other stack that reads a value of connection",
    );
    expect(message).toContain("EphemeralAccessToken");
    expect(message).toContain("set publishTokens: true on connection/acme");
    // cdktf would append the token's creation stack trace; it has none to append.
    expect(message).not.toContain("Object creation stack");
  });

  it("fails at synth when another stack reads connection.accessToken inside a string", () => {
    const setup = twoStacks();
    new TerraformOutput(setup.consumer, "header", {
      value: { Authorization: `Bearer ${setup.connection.accessToken}` },
      sensitive: true,
    });
    expect(synthError(setup)).toContain(
      "stack reporting uses the access token of AmazonAdsConnection connection/acme",
    );
  });

  it("fails at synth when another stack reads the grant's token directly", () => {
    const setup = twoStacks();
    new TerraformOutput(setup.consumer, "token", {
      value: setup.connection.grant.accessToken,
      sensitive: true,
    });
    expect(synthError(setup)).toContain(
      "stack reporting uses the access token of AuthorizationGrant connection/acme/grant",
    );
  });

  it("fails at synth when a profile in another stack is chosen with the grant", () => {
    const setup = twoStacks();
    new AdvertisingProfile(setup.consumer, "de", {
      grant: setup.connection.grant,
      countryCode: "DE",
    });
    expect(synthError(setup)).toContain(
      "stack reporting uses the refresh token of AuthorizationGrant connection/acme/grant",
    );
  });

  it("lets the declaring stack use its tokens, resolving to the grant's attributes", () => {
    const stack = testStack();
    const connection = new AmazonAdsConnection(stack, "acme", {
      refreshToken: secretVariable(stack, "refresh_token"),
      countryCode: "US",
    });
    const grant = `amazonads_authorization.${connection.grant.resource.friendlyUniqueId}`;
    expect(resolved(stack, connection.refreshToken)).toBe(`\${${grant}.refresh_token}`);
    expect(resolved(stack, connection.accessToken)).toBe(`\${${grant}.access_token}`);
    expect(resolved(stack, connection.grant.refreshToken)).toBe(`\${${grant}.refresh_token}`);
  });

  it("by default, a consumer of non-secret values gets a remote state without any token output", () => {
    const setup = twoStacks();
    cleanup.push(setup.outdir);
    new TerraformOutput(setup.consumer, "profile_id", { value: setup.connection.profileId });
    setup.app.synth();
    const producer = setup.stackJson("connection");
    // Every output of the producer lands in the consumer's state: none may carry a token.
    const values = Object.values(producer.output).map((o) => o.value);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).not.toMatch(/_token\}$/);
    expect(setup.stackJson("reporting").data?.terraform_remote_state).toBeDefined();
  });

  it("with publishTokens, another stack reads the token through a sensitive cross-stack output", () => {
    const setup = twoStacks({ publishTokens: true });
    cleanup.push(setup.outdir);
    new TerraformOutput(setup.consumer, "token", {
      value: setup.connection.refreshToken,
      sensitive: true,
    });
    setup.app.synth();
    const producer = setup.stackJson("connection");
    const crossStack = Object.entries(producer.output).filter(([name]) =>
      name.startsWith("cross-stack-output-"),
    );
    expect(crossStack).toEqual([
      [expect.any(String), { value: expect.stringMatching(/\.refresh_token\}$/), sensitive: true }],
    ]);
    expect(producer.output.refresh_token?.sensitive).toBe(true);
    expect(setup.stackJson("reporting").output.token?.value).toMatch(
      /^\$\{data\.terraform_remote_state\./,
    );
  });
});
