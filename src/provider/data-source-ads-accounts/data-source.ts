/**
 * `data "amazonads_ads_accounts"`: every global Ads account a grant reaches, asked of one region's
 * host (the provider's unless `region` says otherwise), all pages. The listing is the process's
 * shared one, so profiles of the same grant looking up their account in this plan reuse it.
 */
import { createHash } from "node:crypto";
import type { AdsAccount } from "../../amazon-ads/index.js";
import { defineDataSource } from "../../plugin/index.js";
import { listForGrant } from "../grant-listing.js";
import { checkGrantSource } from "../grant-source.js";
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
    const found = await listForGrant(
      data,
      req.config,
      resp.diagnostics,
      "the Ads accounts",
      (_client, region, refreshToken) =>
        data.adsAccounts.list(region, refreshToken, req.log, req.signal),
    );
    if (!found) return;
    const { listed: accounts, region } = found;
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
