/**
 * `data "amazonads_manager_accounts"`: the manager accounts of the grant's user, asked of one
 * region's host (the provider's unless `region` says otherwise). Amazon caps the linked accounts
 * at 50 per manager account and has no paging, so one request answers all.
 */
import { createHash } from "node:crypto";
import { defineDataSource } from "../../plugin/index.js";
import { listForGrant } from "../grant-listing.js";
import { checkGrantSource } from "../grant-source.js";
import { configured, type ProviderData } from "../provider-data.js";
import { managerAccountsSchema } from "./schema.js";

/** The `amazonads_manager_accounts` data source. */
export const managerAccountsDataSource = defineDataSource<
  typeof managerAccountsSchema,
  ProviderData
>({
  schema: managerAccountsSchema,

  validateConfig(req, resp) {
    checkGrantSource(req.config, resp.diagnostics, "Listing manager accounts");
  },

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const found = await listForGrant(
      data,
      req.config,
      resp.diagnostics,
      "the manager accounts",
      (client, _region, refreshToken) =>
        data.clients.withLog(req.log, () =>
          client.listManagerAccounts(refreshToken, { signal: req.signal }),
        ),
    );
    if (!found) return;
    const { listed: managers, region } = found;
    const digest = createHash("sha256").update(region).digest("hex").slice(0, 16);
    resp.state.id = `manager-accounts-${digest}`;
    resp.state.manager_accounts = managers.map((m) => ({
      manager_account_id: m.managerAccountId,
      manager_account_name: m.managerAccountName ?? null,
    }));
    resp.state.linked_accounts = managers.flatMap((m) =>
      m.linkedAccounts.map((a) => ({
        manager_account_id: m.managerAccountId,
        account_id: a.accountId,
        account_name: a.accountName ?? null,
        account_type: a.accountType ?? null,
        marketplace_id: a.marketplaceId ?? null,
        dsp_advertiser_id: a.dspAdvertiserId ?? null,
        profile_id: a.profileId ?? null,
      })),
    );
    resp.state.manager_account_ids = managers.map((m) => m.managerAccountId);
    req.log.debug("listed manager accounts", { region, count: managers.length });
  },
});
