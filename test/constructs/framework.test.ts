/**
 * The framework module: the constructs are built on the framework the test project maps "cdktf"
 * to (cdktf in the `unit` project, CDK Terrain in the `cdktn` one), and every construct test of
 * this folder runs on both.
 */
import { App, TerraformStack } from "cdktf";
import { FRAMEWORK_PACKAGE, stackOf } from "../../src/constructs/framework.js";
import { AmazonAdsConnection } from "../../src/index.js";
import { CLIENT_ID, testStack } from "./support.js";

declare const EXPECTED_FRAMEWORK: string | undefined;

describe("the CDK framework the constructs are built on", () => {
  it("is the one this test project maps the framework's name to", () => {
    expect(FRAMEWORK_PACKAGE).toBe(
      typeof EXPECTED_FRAMEWORK === "string" ? EXPECTED_FRAMEWORK : "cdktf",
    );
  });

  it("finds the stack of a construct made with the same framework", () => {
    const stack = new TerraformStack(new App(), "same");
    const connection = new AmazonAdsConnection(stack, "acme", {
      clientId: CLIENT_ID,
      credentialsFile: "/tmp/credentials.json",
      countryCode: "US",
    });
    expect(stackOf(connection.profile)).toBe(stack);
    expect(stackOf(testStack("other"))).toBeInstanceOf(TerraformStack);
  });
});
