import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { requireSecretReference, secretVariable } from "../../src/constructs/secrets.js";
import { resolved, synthJson, testStack } from "./support.js";

describe("secretVariable", () => {
  it("declares a sensitive string variable named exactly as TF_VAR_<name> expects", () => {
    const stack = testStack();
    const value = secretVariable(
      new Construct(new Construct(stack, "deep"), "er"),
      "refresh_token",
      {
        description: "A refresh token.",
      },
    );
    const json = synthJson(stack);
    expect(Object.keys(json.variable)).toEqual(["refresh_token"]);
    expect(json.variable.refresh_token).toMatchObject({
      type: "string",
      sensitive: true,
      description: "A refresh token.",
    });
    expect(resolved(stack, value)).toBe("${var.refresh_token}");
  });

  it("never leaves Terraform a value to ask for: a required variable defaults to null and fails validation naming TF_VAR_<name>", () => {
    const stack = testStack();
    secretVariable(stack, "refresh_token");
    const variable = synthJson(stack).variable.refresh_token;
    // A default is what keeps Terraform from prompting.
    expect(variable).toHaveProperty("default", null);
    expect(variable.nullable).toBe(true);
    expect(variable.validation).toEqual([
      {
        // Only null fails: Terraform prints a variable's value beside a failed validation.
        condition: "${var.refresh_token != null}",
        error_message:
          'No value for the secret variable "refresh_token": set the environment variable ' +
          "TF_VAR_refresh_token where cdktf deploy or terraform apply runs (or pass -var or a " +
          ".tfvars file).",
      },
    ]);
  });

  it("makes an optional variable default to null, so the attribute stays unset", () => {
    const stack = testStack();
    secretVariable(stack, "client_secret", { optional: true });
    expect(synthJson(stack).variable.client_secret).toEqual({
      type: "string",
      sensitive: true,
      nullable: true,
      default: null,
    });
  });

  it("declares an ephemeral variable when asked, kept out of plan files and state", () => {
    const stack = testStack();
    secretVariable(stack, "refresh_token", { ephemeral: true });
    expect(synthJson(stack).variable.refresh_token).toMatchObject({
      sensitive: true,
      ephemeral: true,
      default: null,
    });
    secretVariable(stack, "client_secret", { optional: true });
    expect(synthJson(stack).variable.client_secret.ephemeral).toBeUndefined();
  });

  it("returns the same variable when asked twice in one stack", () => {
    const stack = testStack();
    const first = secretVariable(stack, "refresh_token");
    const second = secretVariable(new Construct(stack, "other"), "refresh_token");
    expect(resolved(stack, second)).toBe(resolved(stack, first));
    expect(Object.keys(synthJson(stack).variable)).toEqual(["refresh_token"]);
  });

  it("refuses a name that TF_VAR_<name> could not set, and an id taken by something else", () => {
    const stack = testStack();
    expect(() => secretVariable(stack, "client-secret")).toThrow(
      /"client-secret" cannot name a Terraform variable .*letters, digits and underscores/,
    );
    new Construct(stack, "taken");
    expect(() => secretVariable(stack, "taken")).toThrow(/already has a construct with id "taken"/);
  });
});

describe("requireSecretReference", () => {
  const where = { construct: "stack/grant", prop: "refreshToken", variable: "refresh_token" };

  it("accepts references and unset values", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => requireSecretReference(secretVariable(stack, "x"), where)).not.toThrow();
    expect(() => requireSecretReference(undefined, where)).not.toThrow();
  });

  it("refuses a literal with a message that says how to fix it and never shows the value", () => {
    const literal = "Atzr|IwEBIexample-literal-token";
    let message = "";
    try {
      requireSecretReference(literal, { ...where, envVar: "AMAZON_ADS_REFRESH" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("stack/grant: refreshToken was given as a literal string");
    expect(message).toContain('secretVariable(this, "refresh_token")');
    expect(message).toContain("TF_VAR_refresh_token");
    expect(message).toContain("AMAZON_ADS_REFRESH environment variable");
    expect(message).not.toContain(literal);
    expect(message).not.toContain("Atzr|");
  });

  it("refuses an empty literal too", () => {
    expect(() => requireSecretReference("", where)).toThrow(/literal string/);
  });
});
