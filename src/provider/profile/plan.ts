/**
 * Planning `amazonads_profile`: a change of a selector, a filter or the refresh token re-selects
 * the profile in place, so every value the configuration does not set becomes "known after apply";
 * a country code Amazon has not documented gets a warning (the provider's region is searched).
 */
import {
  UNKNOWN,
  attributePath,
  isUnknown,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { isKnownCountry } from "../validators.js";
import type { profileSchema } from "./schema.js";

type Request = ModifyPlanRequest<typeof profileSchema, ProviderData>;
type Response = ModifyPlanResponse<typeof profileSchema>;

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

/** Attributes that come from the selected profile when the configuration leaves them unset. */
export const FROM_PROFILE = [
  "id",
  "profile_id",
  "country_code",
  "marketplace_id",
  "account_name",
  "account_type",
  "account_id",
  "account_sub_type",
  "currency_code",
  "timezone",
  "region",
  "api_url",
] as const;

/** Adjusts the framework's plan of an `amazonads_profile`. */
export function planProfile(req: Request, resp: Response): void {
  const plan = resp.plan;
  const config = req.config;
  if (plan === null || config === null) return;
  const country = config.country_code;
  if (typeof country === "string" && !isKnownCountry(country)) {
    const region = req.providerData?.settings.region ?? "NA";
    resp.diagnostics.warning(
      `${country} is not a country Amazon Ads documents`,
      `The profile is looked up in the provider's region (${region}). If Amazon has opened a new ` +
        `marketplace there, this is fine; otherwise check the code (the United Kingdom is "UK").`,
      attributePath("country_code"),
    );
  }
  const prior = req.state;
  if (prior === null) return;
  const changed = SELECTION_INPUTS.filter((name) => {
    const value = plan[name];
    return isUnknown(value) || value !== prior[name];
  });
  if (changed.length === 0) return;
  req.log.debug("selection changed: the profile is selected again", { changed });
  for (const name of FROM_PROFILE) {
    if (name === "id" || config[name as keyof typeof config] === null) plan[name] = UNKNOWN;
  }
}
