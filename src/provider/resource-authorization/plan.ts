/**
 * Planning `amazonads_authorization`.
 *
 * - Creating with no grant source fails on `authorization_code`, showing the consent URL.
 * - Another provider client id, or a credentials file now holding another refresh token, replaces
 *   the grant. (A new code or refresh token in the configuration replaces it through the schema's
 *   plan modifiers.)
 */
import {
  UNKNOWN,
  attributePath,
  type Diagnostics,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import { buildConsentUrl, DEFAULT_SCOPES } from "../../amazon-ads/index.js";
import { DEFAULT_REDIRECT_URI } from "../resource-lwa-app/schema.js";
import type { ProviderData } from "../provider-data.js";
import { SETTING_ENV } from "../settings.js";
import { readGrantFile } from "./credentials.js";
import type { authorizationSchema } from "./schema.js";

type Request = ModifyPlanRequest<typeof authorizationSchema, ProviderData>;
type Response = ModifyPlanResponse<typeof authorizationSchema>;

/** Adjusts the framework's plan of an `amazonads_authorization`. */
export async function planAuthorization(req: Request, resp: Response): Promise<void> {
  const plan = resp.plan;
  const config = req.config;
  const data = req.providerData;
  if (plan === null || config === null || data === undefined) return;
  const settings = data.settings;
  const clientId = settings.unknown.includes("client_id") ? UNKNOWN : settings.clientId;
  const prior = req.state;

  if (prior === null) {
    if (noGrantSource(config)) {
      missingGrant(data, config.redirect_uri, resp.diagnostics);
      return;
    }
    if (typeof clientId === "string") plan.client_id = clientId;
    const file = config.credentials_file;
    if (typeof file === "string") {
      await readGrantFile(file, resp.diagnostics, {
        clientId: typeof clientId === "string" ? clientId : undefined,
        unreadable: "error",
        checkPermissions: true,
      });
    }
    return;
  }

  if (typeof clientId === "string" && clientId !== prior.client_id) {
    plan.client_id = clientId;
    resp.requiresReplace.push(attributePath("client_id"));
    req.log.debug("the provider's client id changed: the grant will be replaced");
  }

  const file = config.credentials_file;
  if (typeof file === "string" && config.refresh_token === null) {
    const grant = await readGrantFile(file, resp.diagnostics, {
      clientId: undefined,
      unreadable: "warning",
      checkPermissions: false,
    });
    if (grant && grant.refreshToken !== prior.refresh_token) {
      plan.refresh_token = UNKNOWN;
      resp.requiresReplace.push(attributePath("refresh_token"));
      req.log.debug("the credentials file holds another refresh token: the grant will be replaced");
    }
  }
}

function noGrantSource(config: NonNullable<Request["config"]>): boolean {
  return (
    config.authorization_code === null &&
    config.refresh_token === null &&
    config.credentials_file === null
  );
}

function missingGrant(data: ProviderData, redirect: unknown, diagnostics: Diagnostics): void {
  const { settings, seams } = data;
  const redirectUri = typeof redirect === "string" ? redirect : DEFAULT_REDIRECT_URI;
  const consent =
    settings.clientId === undefined
      ? `Set the provider's client_id (or ${SETTING_ENV.client_id}) to get a consent URL here.`
      : "Or open this consent URL in a browser signed in as the advertiser's Amazon user, choose " +
        `Allow, and copy the code parameter of the address you are sent to (${redirectUri}?code=…) ` +
        `into authorization_code, with redirect_uri = "${redirectUri}", within 5 minutes:\n\n` +
        buildConsentUrl({
          authorizationUrl: settings.endpoints.authorizationUrl,
          clientId: settings.clientId,
          redirectUri,
          scopes: DEFAULT_SCOPES,
          pkce: false,
          randomBytes: seams.randomBytes,
        }).url;
  diagnostics.error(
    "No authorization grant to start from",
    "amazonads_authorization needs an authorization_code (valid 5 minutes, redeemed once), an " +
      "existing refresh_token, or the credentials_file that `cdktf-amazon-ads login` writes. The " +
      "easiest is to run `cdktf-amazon-ads login`: it opens the consent page, catches the code and " +
      `writes the credentials file. ${consent}`,
    attributePath("authorization_code"),
  );
}
