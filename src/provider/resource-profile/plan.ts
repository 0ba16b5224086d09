/**
 * Planning `amazonads_profile`: a country code Amazon has not documented gets a warning (the
 * provider's region is searched). Re-selection on a changed selector is the schema's plan modifier
 * (`plan-modifiers.ts`).
 */
import {
  attributePath,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { isKnownCountry } from "../validators.js";
import type { profileSchema } from "./schema.js";

type Request = ModifyPlanRequest<typeof profileSchema, ProviderData>;
type Response = ModifyPlanResponse<typeof profileSchema>;

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
}
