/**
 * Whole-configuration checks of `amazonads_authorization`: one grant source at most, the redirect
 * URI a code needs, the version a write-only code needs, and verifiers that match their code's
 * kind. Unknown values are skipped (checked again once known); "no source at all" is decided at
 * plan time, where the state is known.
 */
import {
  attributePath,
  isUnknown,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "../../plugin/index.js";
import type { authorizationSchema } from "./schema.js";

/** The attributes a grant can start from. */
export const GRANT_SOURCES = [
  "authorization_code",
  "authorization_code_wo",
  "refresh_token",
  "credentials_file",
] as const;

type Request = ValidateConfigRequest<typeof authorizationSchema>;
type Response = ValidateConfigResponse;

/** Validates an `amazonads_authorization` configuration. */
export function validateAuthorization(req: Request, resp: Response): void {
  const config = req.config;
  const given = GRANT_SOURCES.filter((name) => config[name] !== null && !isUnknown(config[name]));
  if (given.length > 1) {
    resp.diagnostics.error(
      `Give only one of ${GRANT_SOURCES.slice(0, -1).join(", ")} and ${GRANT_SOURCES.at(-1)}`,
      `A grant starts from one of them, but this configuration sets ${given.join(" and ")}. Keep ` +
        "the one the grant should come from and remove the others (authorization_code_wo is " +
        "authorization_code kept out of plan and state, on Terraform 1.11 and later).",
      attributePath(given[1]!),
    );
  }
  checkRedirectUri(req, resp);
  checkWriteOnlyCode(req, resp);
  checkVerifiers(req, resp);
}

// On the code's line, where the URI is missing: Terraform has no line to show for an attribute
// the configuration leaves out, and would point at the block instead.
function checkRedirectUri({ config }: Request, resp: Response): void {
  if (config.redirect_uri !== null) return;
  for (const code of ["authorization_code", "authorization_code_wo"] as const) {
    if (typeof config[code] !== "string") continue;
    resp.diagnostics.error(
      `redirect_uri is required with ${code}`,
      "Login with Amazon redeems a code only with the redirect URI its consent URL used. Set " +
        "redirect_uri to that URI (amazonads_lwa_app.<name>.redirect_uri when the code came from " +
        "its consent URL; http://localhost:8765/callback with `cdktf-amazon-ads login`).",
      attributePath(code),
    );
  }
}

// Terraform keeps nothing of a write-only value, so without a version a new code cannot be told
// from the one already redeemed.
function checkWriteOnlyCode({ config }: Request, resp: Response): void {
  if (config.authorization_code_wo === null || config.authorization_code_wo_version !== null) {
    return;
  }
  resp.diagnostics.error(
    "authorization_code_wo needs authorization_code_wo_version",
    "Terraform stores nothing of a write-only argument, so the provider cannot tell a new code " +
      "from the one it already redeemed. Set authorization_code_wo_version = 1 beside it, and " +
      "change it (2, 3 …) whenever you give a new code: that replaces the grant with one made " +
      "from the new code, which is then never sent again.",
    attributePath("authorization_code_wo"),
  );
}

const VERIFIER_OF = {
  code_verifier: "authorization_code",
  code_verifier_wo: "authorization_code_wo",
} as const;

// A verifier travels with its own code: the write-only one with the write-only code (else it
// would sit in state beside a code kept out of it), the plain one with the plain code.
function checkVerifiers({ config }: Request, resp: Response): void {
  if (config.code_verifier !== null && config.code_verifier_wo !== null) {
    resp.diagnostics.error(
      "Give only one of code_verifier and code_verifier_wo",
      "Both hold the PKCE verifier of the same consent. Keep code_verifier_wo with " +
        "authorization_code_wo, or code_verifier with authorization_code.",
      attributePath("code_verifier_wo"),
    );
    return;
  }
  for (const [verifier, code] of Object.entries(VERIFIER_OF) as [
    keyof typeof VERIFIER_OF,
    (typeof VERIFIER_OF)[keyof typeof VERIFIER_OF],
  ][]) {
    const value = config[verifier];
    if (value === null || isUnknown(value) || config[code] !== null) continue;
    const other = code === "authorization_code" ? "authorization_code_wo" : "authorization_code";
    if (config[other] !== null) {
      resp.diagnostics.error(
        `${verifier} goes with ${code}, not ${other}`,
        `The verifier is sent with its code, and each kind pairs with its own: ` +
          `${VERIFIER_OF.code_verifier_wo} takes code_verifier_wo and authorization_code takes ` +
          `code_verifier. Rename ${verifier} to match the code you give.`,
        attributePath(verifier),
      );
      continue;
    }
    resp.diagnostics.warning(
      `${verifier} has no effect without ${code}`,
      "The PKCE code verifier is sent only when an authorization code is redeemed. Remove it, or " +
        `set the ${code} it belongs to.`,
      attributePath(verifier),
    );
  }
}
