/**
 * The plan modifier of `amazonads_authorization`'s code inputs: a redeemed code cannot be used
 * again, so removing it (or its redirect URI or verifier) keeps the grant; only a new code, with
 * whatever else changed beside it, replaces the grant.
 */
import { isUnknown, planModifiers, type PlanModifierRequest } from "../../plugin/index.js";

/** Replaces the grant on a change only when the configuration holds a new authorization code. */
export const replacedWithNewCode = planModifiers.requiresReplaceIf(
  "Changing it replaces the grant when a new `authorization_code` comes with it; removing a " +
    "redeemed code keeps the grant.",
  newCodeConfigured,
);

function newCodeConfigured({ object }: PlanModifierRequest): boolean {
  const code = object.config.authorization_code ?? null;
  return code !== null && (isUnknown(code) || code !== object.state?.authorization_code);
}
