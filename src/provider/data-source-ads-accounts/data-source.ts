/**
 * `data "amazonads_ads_accounts"`: every global Ads account a grant reaches, asked of one region's
 * host (the provider's unless `region` says otherwise), all pages. The listing is the process's
 * shared one, so profiles of the same grant looking up their account in this plan reuse it.
 */
import { createHash } from "node:crypto";
import { isAmazonAdsError, isRegion, type AdsAccount } from "../../amazon-ads/index.js";
import { defineDataSource, type AttributePath, type Diagnostics } from "../../plugin/index.js";
import { reportFailure, requestIdNote } from "../amazon-errors.js";
import { reportListFailure } from "../resource-profile/select-profile.js";
import { checkGrantSource, resolveGrantSource } from "../grant-source.js";
import { configured, type ProviderData } from "../provider-data.js";
import { adsAccountsSchema } from "./schema.js";

/** The `amazonads_ads_accounts` data source. */
export const adsAccountsDataSource = defineDataSource<typeof adsAccountsSchema, ProviderData>({
  schema: adsAccountsSchema,

  validateConfig(req, resp) {
    checkGrantSource(req.config, resp.diagnostics, "Listing Ads accounts");
  },

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const { config } = req;
    const region =
      config.region !== null && isRegion(config.region) ? config.region : data.settings.region;
    let accounts: AdsAccount[];
    try {
      const client = data.clients.client(region);
      const grant = await resolveGrantSource(config, client.clientId, resp.diagnostics);
      if (!grant) return;
      try {
        accounts = await data.adsAccounts.list(region, grant.refreshToken, req.log, req.signal);
      } catch (error) {
        reportListingFailure(resp.diagnostics, error, grant.attribute);
        return;
      }
    } catch (error) {
      reportFailure(resp.diagnostics, "Could not list the Ads accounts", error);
      return;
    }
    resp.state.id = `ads-accounts-${createHash("sha256").update(region).digest("hex").slice(0, 16)}`;
    Object.assign(resp.state, adsAccountRows(accounts));
    resp.state.ads_account_ids = accounts.map((account) => account.adsAccountId);
    resp.state.ads_account_id_by_profile_id = byProfileId(accounts);
    req.log.debug("listed Ads accounts", { region, count: accounts.length });
    if (accounts.length === 0) {
      resp.diagnostics.warning(
        "The grant reaches no Ads account",
        `The ${region} host of the Amazon Ads API lists no global Ads account for this grant. Not ` +
          "every advertiser has one yet (Amazon registers them account by account), and the " +
          "consent must come from the Amazon user who manages the advertiser. Profiles may still " +
          "be listed with data.amazonads_profiles.",
      );
    }
  },
});

/** The accounts as the data source's three lists. */
function adsAccountRows(accounts: readonly AdsAccount[]) {
  return {
    ads_accounts: accounts.map((account) => ({
      ads_account_id: account.adsAccountId,
      account_name: account.accountName ?? null,
      status: account.status ?? null,
      country_codes: [...account.countryCodes],
    })),
    alternate_ids: accounts.flatMap((account) =>
      account.alternateIds.map((a) => ({
        ads_account_id: account.adsAccountId,
        country_code: a.countryCode ?? null,
        entity_id: a.entityId ?? null,
        profile_id: a.profileId ?? null,
      })),
    ),
    country_errors: accounts.flatMap((account) =>
      Object.entries(account.errors).flatMap(([country, errors]) =>
        errors.map((e) => ({
          ads_account_id: account.adsAccountId,
          country_code: country,
          error_code: e.errorCode ?? null,
          error_id: e.errorId ?? null,
          error_message: e.errorMessage ?? null,
        })),
      ),
    ),
  };
}

// The first account that lists a profile wins, as for amazonads_profile.ads_account_id.
function byProfileId(accounts: readonly AdsAccount[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const account of accounts) {
    for (const { profileId } of account.alternateIds) {
      if (profileId !== undefined && !(profileId in map)) map[profileId] = account.adsAccountId;
    }
  }
  return map;
}

/** The error for a failed Ads account listing, on the attribute the grant came from. */
function reportListingFailure(
  diagnostics: Diagnostics,
  error: unknown,
  attribute: AttributePath,
): void {
  if (isAmazonAdsError(error, "UNAUTHORIZED")) {
    diagnostics.error(
      "Amazon refused to list the Ads accounts",
      error.message + requestIdNote(error),
      attribute,
    );
    return;
  }
  reportListFailure(diagnostics, error, "the Ads accounts", attribute);
}
