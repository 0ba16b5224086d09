/**
 * Whole-configuration checks of `amazonads_authorization`: one grant source at most, and the
 * redirect URI an authorization code needs. Unknown values are skipped (checked again once known);
 * "no source at all" is decided at plan time, where the state is known.
 */
import {
  attributePath,
  isUnknown,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "../../plugin/index.js";
import type { authorizationSchema } from "./schema.js";

/** The attributes a grant can start from. */
export const GRANT_SOURCES = ["authorization_code", "refresh_token", "credentials_file"] as const;

/** Validates an `amazonads_authorization` configuration. */
export function validateAuthorization(
  req: ValidateConfigRequest<typeof authorizationSchema>,
  resp: ValidateConfigResponse,
): void {
  const config = req.config;
  const given = GRANT_SOURCES.filter((name) => config[name] !== null && !isUnknown(config[name]));
  if (given.length > 1) {
    resp.diagnostics.error(
      "Give only one of authorization_code, refresh_token and credentials_file",
      `A grant starts from one of them, but this configuration sets ${given.join(" and ")}. Keep ` +
        "the one the grant should come from and remove the others.",
      attributePath(given[1]!),
    );
  }
  const code = config.authorization_code;
  // On authorization_code, the line that needs the URI: Terraform has no line to show for an
  // attribute the configuration leaves out, and would point at the block instead.
  if (typeof code === "string" && config.redirect_uri === null) {
    resp.diagnostics.error(
      "redirect_uri is required with authorization_code",
      "Login with Amazon redeems a code only with the redirect URI its consent URL used. Set " +
        "redirect_uri to that URI (amazonads_lwa_app.<name>.redirect_uri when the code came from " +
        "its consent URL; http://localhost:8765/callback with `cdktf-amazon-ads login`).",
      attributePath("authorization_code"),
    );
  }
  const verifier = config.code_verifier;
  if (verifier !== null && !isUnknown(verifier) && code === null) {
    resp.diagnostics.warning(
      "code_verifier has no effect without authorization_code",
      "The PKCE code verifier is sent only when an authorization code is redeemed. Remove it, or " +
        "set the authorization_code it belongs to.",
      attributePath("code_verifier"),
    );
  }
}
