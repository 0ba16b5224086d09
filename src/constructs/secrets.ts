/**
 * Secrets reach a stack as Terraform references, never as literals: a literal would be written in
 * plain text into `cdk.tf.json`. {@link secretVariable} declares the usual source, a sensitive
 * Terraform variable set at deploy through `TF_VAR_<name>`; {@link requireSecretReference} is the
 * guard every construct applies to its secret props.
 */
import { FRAMEWORK_PACKAGE, stackOf, TerraformVariable, Token } from "./framework.js";
import type { IConstruct } from "constructs";

/** Options of {@link secretVariable}. */
export interface SecretVariableOptions {
  /**
   * What the variable holds, shown by Terraform when it asks for a value.
   * @default no description
   */
  readonly description?: string;
  /**
   * Whether the variable may stay unset. An unset optional variable is `null`, which leaves the
   * attribute it feeds unset, so the provider falls back to its environment variable (for the
   * client secret, `AMAZON_ADS_CLIENT_SECRET`). A required variable without a value makes
   * Terraform stop and ask for `TF_VAR_<name>`.
   * @default false
   */
  readonly optional?: boolean;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares (once per stack and name) a sensitive string Terraform variable named `name` and
 * returns a reference to its value. Terraform reads the value at deploy from the environment
 * variable `TF_VAR_<name>` (or `-var`, or a `.tfvars` file); the synthesized configuration only
 * holds `${var.<name>}`. Calling it again in the same stack with the same name returns the same
 * variable.
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
    ...(options.description !== undefined && { description: options.description }),
    ...(options.optional && { nullable: true }),
  });
  // The variable's name is what TF_VAR_<name> must match: never let cdktf decorate it.
  variable.overrideLogicalId(name);
  // cdktf cannot express `default = null` in its options; an override can.
  if (options.optional) variable.addOverride("default", null);
  return variable.stringValue;
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
