/**
 * `amazonads_profile`: the one advertising profile the selectors match. Create and update select
 * it and look up its Ads account; read asks Amazon for that profile once per plan, removes it from
 * state when it is gone, and keeps it (with a warning) when the grant or Amazon cannot answer right
 * now.
 */
import { isAmazonAdsError, isRegion, type Profile, type Region } from "../../amazon-ads/index.js";
import {
  defineResource,
  type Diagnostics,
  type Logger,
  type Model,
  type Planned,
} from "../../plugin/index.js";
import { reportFailure, requestIdNote, warnAndKeep } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { adsAccountLookedUp, lookUpAdsAccount, wasAdsAccountLookedUp } from "./ads-account.js";
import { planProfile } from "./plan.js";
import { profileSchema } from "./schema.js";
import type { ProfileSelectors } from "./selectors.js";
import { selectProfile } from "./select-profile.js";
import { validateProfile } from "./validate.js";

/** The `amazonads_profile` resource. */
export const profileResource = defineResource<typeof profileSchema, ProviderData>({
  schema: profileSchema,

  create: selectAndStore,

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    const state = resp.state;
    if (!data || !state?.profile_id) return;
    const region: Region =
      state.region && isRegion(state.region) ? state.region : data.settings.region;
    let profile: Profile;
    try {
      const client = data.clients.client(region);
      req.log.debug("reading the profile", { profile_id: state.profile_id, region });
      profile = await data.clients.withLog(req.log, () =>
        client.getProfile(state.refresh_token, state.profile_id!, { signal: req.signal }),
      );
    } catch (error) {
      if (isAmazonAdsError(error, "PROFILE_NOT_FOUND", "PROFILE_NOT_ACCESSIBLE")) {
        resp.diagnostics.warning(
          "The advertising profile is gone: removed from state",
          `${error.message} Profile ${state.profile_id} was removed from the Terraform state, so the ` +
            "next apply selects a profile again with the configured selectors.",
        );
        resp.state = null;
        return;
      }
      if (isAmazonAdsError(error, "REVOKED_GRANT")) {
        resp.diagnostics.warning(
          "The grant's refresh token was revoked; keeping the profile in state",
          `Login with Amazon no longer accepts the refresh token this profile was selected with ` +
            `(revoked by the advertiser, or expired).${requestIdNote(error)} Profile ` +
            `${state.profile_id} stays in state. amazonads_authorization drops a revoked grant at ` +
            "its next token renewal (within the hour) so that the next apply makes a new one, and " +
            "says how to renew an expired one (`cdktf-amazon-ads login --renew`); to " +
            "replace it now, run `terraform apply -replace=amazonads_authorization.<name>` with a " +
            "new authorization code, refresh token or credentials file (`cdktf-amazon-ads login`).",
        );
        return;
      }
      const kept = `Profile ${state.profile_id} stays in state unchanged; the next plan checks it again.`;
      const summary = "Could not check the advertising profile; keeping it in state";
      if (warnAndKeep(resp.diagnostics, error, summary, kept)) return;
      reportFailure(resp.diagnostics, "Could not read the advertising profile", error);
      return;
    }
    Object.assign(state, profileAttributes(profile, region, data.clients.endpoints(region).apiUrl));
    // Lazily, only until one lookup succeeded: states from before ads_account_id, or whose
    // lookup failed in passing, get it here; settled ones make no request.
    if (!wasAdsAccountLookedUp(req.private)) {
      const found = await lookUpAdsAccount({
        data,
        region,
        refreshToken: state.refresh_token,
        profileId: profile.profileId,
        log: req.log,
        signal: req.signal,
        diagnostics: resp.diagnostics,
      });
      state.ads_account_id = found.adsAccountId;
      if (found.settled) resp.private = adsAccountLookedUp();
    }
  },

  update: selectAndStore,

  delete(req) {
    req.log.debug("forgetting the profile selection", { profile_id: req.state.profile_id });
  },

  modifyPlan: planProfile,

  validateConfig: validateProfile,
});

// Create and update alike: select the profile the configuration describes, and its Ads account.
async function selectAndStore(
  req: {
    readonly providerData: ProviderData | undefined;
    readonly config: Model<typeof profileSchema>;
    readonly log: Logger;
    readonly signal: AbortSignal;
  },
  resp: {
    state: Planned<typeof profileSchema>;
    private: Uint8Array | undefined;
    readonly diagnostics: Diagnostics;
  },
): Promise<void> {
  const data = configured(req.providerData, resp.diagnostics);
  if (!data) return;
  const selected = await select(data, req.config, req.log, req.signal, resp.diagnostics);
  if (selected) {
    Object.assign(resp.state, selected.attributes);
    resp.private = selected.private;
  }
}

async function select(
  data: ProviderData,
  config: Model<typeof profileSchema>,
  log: Logger,
  signal: AbortSignal,
  diagnostics: Diagnostics,
) {
  const selectors: ProfileSelectors = {
    profileId: config.profile_id ?? undefined,
    countryCode: config.country_code ?? undefined,
    marketplaceId: config.marketplace_id ?? undefined,
    accountName: config.account_name ?? undefined,
    accountType: config.account_type ?? undefined,
    accessLevel: config.access_level ?? "edit",
    apiProgram: config.api_program ?? "campaign",
  };
  const selected = await selectProfile(selectors, {
    data,
    refreshToken: config.refresh_token,
    log,
    signal,
    diagnostics,
  });
  if (!selected) return undefined;
  log.debug("selected a profile", {
    profile_id: selected.profile.profileId,
    region: selected.region,
  });
  const found = await lookUpAdsAccount({
    data,
    region: selected.region,
    refreshToken: config.refresh_token,
    profileId: selected.profile.profileId,
    log,
    signal,
    diagnostics,
  });
  return {
    attributes: {
      ...profileAttributes(selected.profile, selected.region, selected.apiUrl),
      ads_account_id: found.adsAccountId,
    },
    private: found.settled ? adsAccountLookedUp() : undefined,
  };
}

/** The attributes an `amazonads_profile` takes from Amazon's profile. */
export function profileAttributes(profile: Profile, region: Region, apiUrl: string) {
  return {
    id: profile.profileId,
    profile_id: profile.profileId,
    country_code: profile.countryCode,
    marketplace_id: profile.accountInfo.marketplaceStringId,
    account_name: profile.accountInfo.name ?? null,
    account_type: profile.accountInfo.type,
    account_id: profile.accountInfo.id,
    account_sub_type: profile.accountInfo.subType ?? null,
    currency_code: profile.currencyCode,
    timezone: profile.timezone,
    region,
    api_url: apiUrl,
  };
}
