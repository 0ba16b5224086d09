/**
 * The plan modifiers of `amazonads_authorization`'s code inputs: a redeemed code cannot be used
 * again, so removing it (or its redirect URI or verifier) keeps the grant; only a new code, with
 * whatever else changed beside it, replaces the grant. A write-only code is never in state, so
 * its `authorization_code_wo_version` says when it is new.
 */
import { isUnknown, planModifiers, type PlanModifierRequest } from "../../plugin/index.js";

/** Replaces the grant on a change only when the configuration holds a new authorization code. */
export const replacedWithNewCode = planModifiers.requiresReplaceIf(
  "Changing it replaces the grant when a new `authorization_code` (or a new " +
    "`authorization_code_wo_version` with its code) comes with it; removing a redeemed code keeps " +
    "the grant.",
  ({ object }) => newCodeConfigured(object),
);

/** Replaces the grant when the version changes and a write-only code is configured with it. */
export const replacedWithNewWriteOnlyCode = planModifiers.requiresReplaceIf(
  "Changing it while `authorization_code_wo` holds the new code replaces the grant (the code is " +
    "redeemed once, at create); removing it keeps the grant.",
  ({ object }) => newWriteOnlyCodeConfigured(object),
);

/** True when the configuration brings an authorization code the grant was not made from. */
export function newCodeConfigured(object: PlanModifierRequest["object"]): boolean {
  const code = object.config.authorization_code ?? null;
  const newPlainCode =
    code !== null && (isUnknown(code) || code !== object.state?.authorization_code);
  return newPlainCode || newWriteOnlyCodeConfigured(object);
}

/** True when a write-only code comes with a version the grant was not made with. */
export function newWriteOnlyCodeConfigured(object: PlanModifierRequest["object"]): boolean {
  const version = object.config.authorization_code_wo_version ?? null;
  const code = object.config.authorization_code_wo ?? null;
  if (version === null || code === null) return false;
  // The code the grant was made from, moved to the write-only argument: the same grant.
  if (code === (object.state?.authorization_code ?? null)) return false;
  return isUnknown(version) || version !== (object.state?.authorization_code_wo_version ?? null);
}
