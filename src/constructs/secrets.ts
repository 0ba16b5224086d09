/**
 * Secrets reach a stack as Terraform references, never as literals: a literal would be written in
 * plain text into `cdk.tf.json`. {@link secretVariable} declares the usual source, a sensitive
 * Terraform variable set at deploy through `TF_VAR_<name>`, which never leaves Terraform a value to
 * ask for; {@link requireSecretReference} is the guard every construct applies to its secret props.
 */
import { FRAMEWORK_PACKAGE, stackOf, TerraformVariable, Token } from "./framework.js";
import type { IConstruct } from "constructs";

/** Options of {@link secretVariable}. */
export interface SecretVariableOptions {
  /**
   * What the variable holds (the variable's `description`).
   * @default no description
   */
  readonly description?: string;
  /**
   * Whether the variable may stay unset. An unset optional variable is `null`, which leaves the
   * attribute it feeds unset, so the provider falls back to its environment variable (for the
   * client secret, `AMAZON_ADS_CLIENT_SECRET`). An unset required variable ends the plan at once
   * with an error naming `TF_VAR_<name>`. Neither ever makes Terraform wait at a prompt.
   * @default false
   */
  readonly optional?: boolean;
  /**
   * Declare the variable `ephemeral` (Terraform ≥ 1.10): its value stays out of saved plan files
   * and state too, and it can feed only what accepts ephemeral values (an `EphemeralAccessToken`,
   * a provider block, a provisioner); any other use fails at plan. For a stack that takes a
   * refresh token only to open its own access token.
   * @default false
   */
  readonly ephemeral?: boolean;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares (once per stack and name) a sensitive string Terraform variable named `name` and
 * returns a reference to its value. Terraform reads the value at deploy from the environment
 * variable `TF_VAR_<name>` (or `-var`, or a `.tfvars` file); the synthesized configuration only
 * holds `${var.<name>}`. Calling it again in the same stack with the same name returns the same
 * variable.
 *
 * The variable always has a default (`null`), so Terraform never stops to ask for a value (a
 * prompt hangs a pipeline); a required one carries a validation that fails the plan when it is
 * still `null`, naming `TF_VAR_<name>`. The condition tests for `null` only: Terraform shows the
 * variable's value beside a failed validation, sensitive or not, so it must never fail on a value.
 *
 * @example
 * const clientSecret = secretVariable(this, "client_secret", { optional: true });
 * new LwaApp(this, "app", { clientId: "amzn1.application-oa2-client.…", clientSecret });
 */
export function secretVariable(
  scope: IConstruct,
  name: string,
  options: SecretVariableOptions = {},
): string {
  if (!VARIABLE_NAME.test(name)) {
    throw new Error(
      `secretVariable: "${name}" cannot name a Terraform variable set through TF_VAR_${name}. ` +
        "Use letters, digits and underscores, starting with a letter (e.g. client_secret).",
    );
  }
  const stack = stackOf(scope);
  const existing = stack.node.tryFindChild(name);
  if (existing instanceof TerraformVariable) return existing.stringValue;
  if (existing !== undefined) {
    throw new Error(
      `secretVariable: stack ${stack.node.path} already has a construct with id "${name}" that is ` +
        "not a Terraform variable. Choose another variable name.",
    );
  }
  const variable = new TerraformVariable(stack, name, {
    type: "string",
    sensitive: true,
    nullable: true,
    ...(options.description !== undefined && { description: options.description }),
    ...(!options.optional && {
      validation: [{ condition: `\${var.${name} != null}`, errorMessage: missingValue(name) }],
    }),
  });
  // The variable's name is what TF_VAR_<name> must match: never let cdktf decorate it.
  variable.overrideLogicalId(name);
  // With a default Terraform never prompts; cdktf cannot express `default = null` in its options.
  variable.addOverride("default", null);
  if (options.ephemeral) variable.addOverride("ephemeral", true);
  return variable.stringValue;
}

/** The validation's message: what is missing and how to set it (a sentence, as Terraform wants). */
function missingValue(name: string): string {
  return (
    `No value for the secret variable "${name}": set the environment variable TF_VAR_${name} ` +
    "where cdktf deploy or terraform apply runs (or pass -var or a .tfvars file)."
  );
}

/** Where a secret prop belongs, to say in an error how to pass it instead. */
export interface SecretProp {
  /** The construct's path, e.g. `stack/acme/grant`. */
  readonly construct: string;
  /** The prop's name, e.g. `refreshToken`. */
  readonly prop: string;
  /** A suitable variable name for the fix, e.g. `refresh_token`. */
  readonly variable: string;
  /** The provider's environment variable that can replace the prop, if any. */
  readonly envVar?: string;
}

/**
 * Throws when a secret prop holds a literal string rather than a Terraform reference (a token).
 * The message says what happened and how to pass the secret instead; it never contains the value.
 */
export function requireSecretReference(value: string | undefined, where: SecretProp): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  const orEnv =
    where.envVar === undefined
      ? ""
      : `, or leave ${where.prop} unset and set the ${where.envVar} environment variable where ` +
        `\`${FRAMEWORK_PACKAGE} deploy\` runs (the provider reads it)`;
  throw new Error(
    `${where.construct}: ${where.prop} was given as a literal string, which would be written in ` +
      "plain text into cdk.tf.json. Pass a Terraform reference instead: " +
      `secretVariable(this, "${where.variable}") (a sensitive variable, set at deploy through ` +
      `TF_VAR_${where.variable}), or an attribute of another resource${orEnv}.`,
  );
}
