/**
 * Secrets that stay in the stack that declares them. CDKTF turns a token used in another stack
 * into a cross-stack reference: an output of the declaring stack plus a `terraform_remote_state`
 * in the using stack, which stores every output of the declaring stack in its own state. For a
 * grant's tokens that spreads the grant to states that never asked for it, so the reference is
 * wrapped in a token that refuses, at synth, to resolve anywhere but at home.
 */
import { TerraformStack, Token, type IResolvable, type IResolveContext } from "./framework.js";
import type { IConstruct } from "constructs";

/** A secret bound to its stack, and how to name it in the error. */
export interface StackLocalSecret {
  /** The construct that holds the secret; its stack is the only one allowed to use it. */
  readonly owner: IConstruct;
  /** What the secret is, e.g. `the refresh token of AmazonAdsConnection app/acme`. */
  readonly what: string;
  /** What the other stack should do instead, in a sentence or two, without a final full stop. */
  readonly instead: string;
  /**
   * Whether Terraform could carry the value across at all. Ephemeral values cannot be outputs:
   * there the message says the reference cannot work rather than where the secret would land.
   * @default true
   */
  readonly transferable?: boolean;
}

/**
 * Returns a token that resolves to `reference` in the owner's stack and throws, at synth, when a
 * construct of any other stack uses it. The error says which states would receive the secret and
 * what to do instead. (cdktf reports it as "Resolution error: <message>.", hence no final stop.)
 */
export function keepInStack(reference: string, secret: StackLocalSecret): string {
  return Token.asString(new StackLocalToken(reference, secret));
}

class StackLocalToken implements IResolvable {
  // An empty creation stack keeps cdktf from appending a stack trace to the message.
  public readonly creationStack: string[] = [];

  public constructor(
    private readonly reference: string,
    private readonly secret: StackLocalSecret,
  ) {}

  public resolve(context: IResolveContext): unknown {
    const home = TerraformStack.of(this.secret.owner);
    const user = TerraformStack.of(context.scope);
    if (user !== home) throw new Error(crossStackMessage(this.secret, home, user));
    return this.reference;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

function crossStackMessage(
  secret: StackLocalSecret,
  home: TerraformStack,
  user: TerraformStack,
): string {
  const at = `stack ${user.node.id} uses ${secret.what}, which stays in stack ${home.node.id}.`;
  if (secret.transferable === false) {
    return (
      `${at} It is ephemeral: Terraform cannot pass it to another stack (a root module output ` +
      `cannot be ephemeral). ${secret.instead}`
    );
  }
  return (
    `${at} Used from another stack, CDKTF would copy it into an output of stack ${home.node.id} ` +
    `and, through terraform_remote_state (which stores all of ${home.node.id}'s outputs), into ` +
    `the state of stack ${user.node.id} and of every other stack that reads a value of ` +
    `${home.node.id}: whoever reads one of those states could use it. ${secret.instead}`
  );
}
