/**
 * `terraform import amazonads_authorization.<name> env:VARNAME | file:/path/credentials.json`:
 * the grant's refresh token is read from an environment variable of the provider process or from
 * a credentials file. Terraform then reads the grant, which renews its access token.
 */
import type { ImportRequest, ImportResponse } from "../../plugin/index.js";
import { configured, type ProviderData } from "../provider-data.js";
import { SETTING_ENV } from "../settings.js";
import { rfc3339, parseInstant } from "../time.js";
import { readGrantFile } from "./credentials.js";
import { grantId, refreshTokenExpiry } from "./grant.js";
import { parseImportId } from "./import-id.js";
import type { authorizationSchema } from "./schema.js";

/** Imports a grant by where its refresh token is, never by the token itself. */
export async function importGrant(
  req: ImportRequest<ProviderData>,
  resp: ImportResponse<typeof authorizationSchema>,
): Promise<void> {
  const data = configured(req.providerData, resp.diagnostics);
  if (!data) return;
  const source = parseImportId(req.id);
  if (source.kind === "invalid") {
    resp.diagnostics.error("Invalid import id for amazonads_authorization", source.reason);
    return;
  }
  const clientId = data.settings.clientId;
  if (clientId === undefined) {
    resp.diagnostics.error(
      "The amazonads provider has no client_id",
      `A grant belongs to one client id: set client_id in the provider "amazonads" block or ` +
        `${SETTING_ENV.client_id} before importing.`,
    );
    return;
  }
  let refreshToken: string;
  let grantedAt = data.seams.now();
  if (source.kind === "env") {
    const value = data.seams.env[source.variable]?.trim();
    if (!value) {
      resp.diagnostics.error(
        `The environment variable ${source.variable} is not set`,
        `Terraform passes its environment to the provider: run \`${source.variable}=<refresh token> ` +
          `terraform import …\` (or export it first) so the provider can read the grant's refresh token.`,
      );
      return;
    }
    refreshToken = value;
  } else {
    const grant = await readGrantFile(source.path, resp.diagnostics, {
      clientId,
      unreadable: "error",
      checkPermissions: true,
    });
    if (!grant) return;
    refreshToken = grant.refreshToken;
    grantedAt = parseInstant(grant.grantedAt) ?? grantedAt;
    resp.state.credentials_file = source.path;
  }
  resp.state.id = grantId(clientId, refreshToken);
  resp.state.client_id = clientId;
  resp.state.refresh_token = refreshToken;
  resp.state.granted_at = rfc3339(grantedAt);
  resp.state.refresh_token_expires_at = refreshTokenExpiry(grantedAt);
  // The access token stays empty: the read Terraform makes after an import renews it.
  req.log.debug("imported an authorization grant", { id: resp.state.id, from: source.kind });
}
