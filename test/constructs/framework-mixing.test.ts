/**
 * A CDK Terrain app that imports the cdktf entry point (the `unit` project's build) gets an error
 * that names the entry point to import instead, not a failure inside the framework's internals.
 * (The `cdktn` project skips this file: there "cdktf" maps to cdktn, so no second framework is
 * at hand; the packed-package tests cover the other direction.)
 */
import * as cdktn from "cdktn";
import { AmazonAdsConnection, secretVariable } from "../../src/index.js";
import { CLIENT_ID } from "./support.js";

describe("constructs built for cdktf in a CDK Terrain stack", () => {
  it("refuse the stack, naming the cdktn entry point", () => {
    const stack = new cdktn.TerraformStack(new cdktn.App(), "terrain");
    expect(
      () =>
        new AmazonAdsConnection(stack, "acme", {
          clientId: CLIENT_ID,
          credentialsFile: "/tmp/credentials.json",
          countryCode: "US",
        }),
    ).toThrow(
      /stack terrain was not made with the cdktf 0\.21\.0 that cdktf-amazon-ads loaded.*"cdktf-amazon-ads\/cdktn" in a cdktn app/,
    );
    expect(() => secretVariable(stack, "client_secret")).toThrow(/cdktf-amazon-ads\/cdktn/);
  });
});
