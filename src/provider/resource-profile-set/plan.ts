/**
 * Planning `amazonads_profile_set`: a country code Amazon has not documented gets a warning on its
 * element (its profile is looked up in the provider's region). What is selected again and when is
 * the schema's plan modifier (`plan-modifiers.ts`).
 */
import {
  attributePath,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { undocumentedCountry } from "../resource-profile/plan.js";
import { isKnownCountry } from "../validators.js";
import type { profileSetSchema } from "./schema.js";

type Request = ModifyPlanRequest<typeof profileSetSchema, ProviderData>;
type Response = ModifyPlanResponse<typeof profileSetSchema>;

/** Adjusts the framework's plan of an `amazonads_profile_set`. */
export function planProfileSet(req: Request, resp: Response): void {
  const countries = req.config?.country_codes;
  if (resp.plan === null || !Array.isArray(countries)) return;
  const region = req.providerData?.settings.region ?? "NA";
  countries.forEach((country, index) => {
    if (typeof country !== "string" || isKnownCountry(country)) return;
    const warning = undocumentedCountry(country, region);
    resp.diagnostics.warning(
      warning.summary,
      warning.detail,
      attributePath("country_codes", index),
    );
  });
}
