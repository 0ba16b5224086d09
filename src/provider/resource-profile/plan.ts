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
    const warning = undocumentedCountry(country, req.providerData?.settings.region ?? "NA");
    resp.diagnostics.warning(warning.summary, warning.detail, attributePath("country_code"));
  }
}

/** The warning for a well-formed country code Amazon Ads does not document (looked up in `region`). */
export function undocumentedCountry(
  country: string,
  region: string,
): { summary: string; detail: string } {
  return {
    summary: `${country} is not a country Amazon Ads documents`,
    detail:
      `The profile is looked up in the provider's region (${region}). If Amazon has opened a new ` +
      `marketplace there, this is fine; otherwise check the code (the United Kingdom is "UK").`,
  };
}
