/**
 * Planning `amazonads_authorization`.
 *
 * - Creating with no grant source fails on `authorization_code`, showing the consent URL.
 * - Another provider client id, or a credentials file now holding another refresh token, replaces
 *   the grant. (A new code or refresh token in the configuration replaces it through the schema's
 *   plan modifiers.)
 * - The refresh token's expiry: a warning within `expiry_warning_days`; once expired, the
 *   replacement says why, or the plan fails when the configuration brings no new grant (a
 *   replacement could only lose the grant).
 */
import {
  UNKNOWN,
  attributePath,
  isUnknown,
  type Diagnostics,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
} from "../../plugin/index.js";
import { buildConsentUrl, DEFAULT_SCOPES } from "../../amazon-ads/index.js";
import { DEFAULT_REDIRECT_URI } from "../resource-lwa-app/schema.js";
import type { ProviderData } from "../provider-data.js";
import { SETTING_ENV } from "../settings.js";
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  refreshTokenExpiresAt,
} from "../../amazon-ads/grant-lifetime.js";
import { parseInstant } from "../time.js";
import { readGrantFile } from "./credentials.js";
import {
  expiredError,
  expiredFileError,
  expiresSoonWarning,
  judgeExpiry,
  replacedBecauseExpiredWarning,
  type ExpiryContext,
  type RenewableSource,
} from "./expiry.js";
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
      const grant = await readGrantFile(file, resp.diagnostics, {
        clientId: typeof clientId === "string" ? clientId : undefined,
        unreadable: "error",
        checkPermissions: true,
      });
      // The file's consent date is known before anything is made: judge it now.
      const consentedAt = parseInstant(grant?.grantedAt);
      if (consentedAt !== undefined) {
        const expiresAt = refreshTokenExpiresAt(consentedAt);
        reportExpiry(req, resp, expiresAt, { id: null, creating: true, replacing: false });
      }
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

  if (changedVersionWithoutCode(config, prior)) {
    resp.diagnostics.error(
      "A new authorization_code_wo_version needs its code",
      "authorization_code_wo_version changed, which means a new authorization code, but " +
        "authorization_code_wo is not set, so there is nothing to make the new grant from. Give " +
        "the new code to authorization_code_wo (through an ephemeral variable, e.g. " +
        "TF_VAR_authorization_code), or change the version back to keep the current grant.",
      attributePath("authorization_code_wo_version"),
    );
    return;
  }

  const expiresAt = parseInstant(prior.refresh_token_expires_at);
  const replacing = resp.requiresReplace.length > 0;
  reportExpiry(req, resp, expiresAt, { id: prior.id, creating: false, replacing });
}

/**
 * The expiry diagnostics of a grant planned with `expiresAt`: the warning within the window, and
 * past the date either the reason of the replacement or, with no new grant configured, an error.
 */
function reportExpiry(
  req: Request,
  resp: Response,
  expiresAt: number | undefined,
  grant: { readonly id: string | null; readonly creating: boolean; readonly replacing: boolean },
): void {
  const config = req.config!;
  const data = req.providerData!;
  const window = config.expiry_warning_days;
  const verdict = judgeExpiry(
    expiresAt,
    data.seams.now(),
    typeof window === "number" ? window : DEFAULT_EXPIRY_WARNING_DAYS,
  );
  if (verdict.kind === "lasting" || verdict.kind === "fine") return;
  const file = config.credentials_file;
  const context: ExpiryContext = {
    id: grant.id,
    verdict,
    source: configuredSource(config),
    ...(typeof file === "string" ? { file } : {}),
  };
  if (verdict.kind === "soon") {
    // A replacement already planned is the renewal: nothing to warn about.
    if (!grant.replacing) expiresSoonWarning(resp.diagnostics, context);
    return;
  }
  if (grant.creating) expiredFileError(resp.diagnostics, context);
  else if (grant.replacing) replacedBecauseExpiredWarning(resp.diagnostics, context);
  else expiredError(resp.diagnostics, context);
}

/** The grant source the configuration names (what a renewal changes). */
function configuredSource(config: NonNullable<Request["config"]>): RenewableSource | undefined {
  if (config.credentials_file !== null) return "credentials_file";
  // The write-only code is usually absent on later runs; its version stays and names the source.
  if (config.authorization_code_wo !== null || config.authorization_code_wo_version !== null) {
    return "authorization_code_wo";
  }
  if (config.authorization_code !== null) return "authorization_code";
  return config.refresh_token !== null ? "refresh_token" : undefined;
}

function changedVersionWithoutCode(
  config: NonNullable<Request["config"]>,
  prior: NonNullable<Request["state"]>,
): boolean {
  const version = config.authorization_code_wo_version;
  return (
    config.authorization_code_wo === null &&
    version !== null &&
    !isUnknown(version) &&
    version !== prior.authorization_code_wo_version
  );
}

function noGrantSource(config: NonNullable<Request["config"]>): boolean {
  return (
    config.authorization_code === null &&
    config.authorization_code_wo === null &&
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
