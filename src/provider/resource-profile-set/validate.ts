/**
 * Element checks of `amazonads_profile_set.country_codes`, each reported on the element that is
 * wrong: a code Amazon Ads cannot have (the same rule as `amazonads_profile.country_code`, so
 * "GB" asks for "UK"), and a country listed twice. Unknown elements are checked once known.
 */
import {
  attributePath,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "../../plugin/index.js";
import { countryCodeFormat } from "../validators.js";
import type { profileSetSchema } from "./schema.js";

/** Validates an `amazonads_profile_set` configuration. */
export function validateProfileSet(
  req: ValidateConfigRequest<typeof profileSetSchema>,
  resp: ValidateConfigResponse,
): void {
  const countries = req.config.country_codes;
  if (!Array.isArray(countries)) return;
  const firstAt = new Map<string, number>();
  countries.forEach((country, index) => {
    if (typeof country !== "string") return;
    const where = `country_codes[${index}]`;
    const problem = countryCodeFormat.validate(country);
    if (problem) {
      resp.diagnostics.error(
        "Invalid value for country_codes",
        `${where} ${problem}.`,
        attributePath("country_codes", index),
      );
      return;
    }
    const first = firstAt.get(country);
    if (first === undefined) {
      firstAt.set(country, index);
      return;
    }
    resp.diagnostics.error(
      `${country} is listed twice in country_codes`,
      `${where} repeats country_codes[${first}] ("${country}"): a set selects one profile per ` +
        `country. Remove one of them; to use two ${country} profiles, declare the second with ` +
        "its own amazonads_profile (profile_id = …).",
      attributePath("country_codes", index),
    );
  });
}
