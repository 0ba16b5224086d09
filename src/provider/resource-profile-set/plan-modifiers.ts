/**
 * The plan modifier of what `amazonads_profile_set` selects (`id`, `profiles`, `profile_ids`):
 * kept from state until the set is selected again — on create, when an input changes, or when a
 * plan's read dropped a country whose profile is gone. The maps are then planned with one key per
 * configured country, so that their keys are known at plan time (`for_each` over `profiles` works
 * even before the first apply): unknown values for the countries to select, and, when only the
 * list of countries changed, the prior values of the countries that stay (apply keeps those).
 */
import {
  UNKNOWN,
  isUnknown,
  isWhollyKnown,
  type PlanModifier,
  type PlanModifierRequest,
  type Value,
} from "../../plugin/index.js";

/** Inputs whose change means selecting the whole set again. */
export const SET_SELECTION_INPUTS = [
  "refresh_token",
  "country_codes",
  "account_type",
  "account_name",
  "access_level",
  "api_program",
] as const;

/** Keeps the selection from state, or plans it again keyed by the configured countries. */
export const selectedPerCountry: PlanModifier = {
  description:
    "Kept from state until the countries, a narrowing selector, a filter or the refresh token " +
    "change, or a selected profile is gone; the set is then selected again and each country's " +
    "value is known after apply (the map's keys are known at plan).",
  modify(request, response) {
    const { object } = request;
    if (!request.creating && !selectsAgain(object)) {
      response.plan = request.state;
      return;
    }
    const countries = object.config.country_codes ?? null;
    const isMap = Array.isArray(request.type) && request.type[0] === "map";
    if (!isMap || !Array.isArray(countries) || !isWhollyKnown(countries)) {
      response.plan = UNKNOWN;
      return;
    }
    const kept = !request.creating && onlyCountriesChanged(object) ? asMap(request.state) : {};
    response.plan = Object.fromEntries(
      (countries as string[]).map((country) => [country, kept[country] ?? UNKNOWN]),
    );
  },
};

/** True when the set must be selected again (the object exists in state). */
export function selectsAgain(object: PlanModifierRequest["object"]): boolean {
  const state = object.state;
  if (state === null) return true;
  const changed = SET_SELECTION_INPUTS.some(
    (name) => !sameValue(object.plan[name] ?? null, state[name] ?? null),
  );
  return changed || !coversCountries(state.profiles ?? null, object.config.country_codes ?? null);
}

// A country that stays keeps its profile when nothing but the list of countries changed.
function onlyCountriesChanged(object: PlanModifierRequest["object"]): boolean {
  return SET_SELECTION_INPUTS.filter((name) => name !== "country_codes").every((name) =>
    sameValue(object.plan[name] ?? null, object.state?.[name] ?? null),
  );
}

function asMap(value: Value): Readonly<Record<string, Value>> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isUnknown(value)
    ? (value as Readonly<Record<string, Value>>)
    : {};
}

// A read drops the country of a profile that is gone: its key is then missing from state.
function coversCountries(profiles: Value, countries: Value): boolean {
  if (profiles === null || isUnknown(profiles) || !Array.isArray(countries)) return false;
  const selected = Object.keys(profiles as Record<string, Value>);
  return (
    selected.length === countries.length &&
    countries.every((country) => typeof country === "string" && selected.includes(country))
  );
}

// Unknowns count as changes; lists are compared element by element.
function sameValue(a: Value, b: Value): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i] as Value));
  }
  return a === b;
}
