/**
 * The plan modifier of the values `amazonads_profile` takes from the selected profile: a change of
 * a selector, a filter or the refresh token selects the profile again, in place, so every such
 * value the configuration does not set becomes "known after apply"; otherwise they are kept.
 */
import { isUnknown, type PlanModifier, type PlanModifierRequest } from "../../plugin/index.js";

/** Inputs whose change means selecting again. */
export const SELECTION_INPUTS = [
  "refresh_token",
  "profile_id",
  "country_code",
  "marketplace_id",
  "account_name",
  "account_type",
  "access_level",
  "api_program",
] as const;

/** Keeps the prior value unless the profile is selected again. */
export const keptUntilSelectedAgain: PlanModifier = {
  description:
    "Kept from state until a selector, a filter or the refresh token changes; the profile is then " +
    "selected again and the value is known after apply.",
  modify(request, response) {
    if (request.creating) return;
    if (request.config !== null || !isUnknown(response.plan)) return;
    if (!selectionChanged(request.object)) response.plan = request.state;
  },
};

// A selector left unset is taken from the profile: it changes nothing. Unknowns count as changes.
function selectionChanged(object: PlanModifierRequest["object"]): boolean {
  return SELECTION_INPUTS.some((name) => {
    const value = object.config[name] ?? object.plan[name] ?? null;
    if (isUnknown(value)) return object.config[name] !== null;
    return value !== null && value !== object.state?.[name];
  });
}
