/**
 * Whole-configuration checks of `amazonads_profile`: selectors that no profile can satisfy
 * together, found from the configuration alone. Unknown values are skipped (checked once known).
 */
import {
  attributePath,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "../../plugin/index.js";
import { marketplaceCountryConflict } from "./conflicts.js";
import type { profileSchema } from "./schema.js";

/** Validates an `amazonads_profile` configuration. */
export function validateProfile(
  req: ValidateConfigRequest<typeof profileSchema>,
  resp: ValidateConfigResponse,
): void {
  const { country_code: country, marketplace_id: marketplace } = req.config;
  // An unknown value is an object, not a string: only two known strings can contradict.
  if (typeof country !== "string" || typeof marketplace !== "string") return;
  const conflict = marketplaceCountryConflict(country, marketplace);
  if (conflict) {
    resp.diagnostics.error(conflict.summary, conflict.detail, attributePath("marketplace_id"));
  }
}
