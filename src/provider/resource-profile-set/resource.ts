/**
 * `amazonads_profile_set`: one advertising profile per country of `country_codes`. Create and
 * update select them all and look up their Ads accounts; read lists each region the set uses once,
 * refreshes what changed, drops a country whose profile is gone (with a warning; the next apply
 * selects it again), and keeps the set (with a warning) when the grant or Amazon cannot answer
 * right now. Ads accounts are kept once looked up: the private state says so, as for a profile.
 */
import { createHash } from "node:crypto";
import { isRegion, type Profile, type Region } from "../../amazon-ads/index.js";
import {
  defineResource,
  isUnknown,
  isWhollyKnown,
  type Diagnostics,
  type Logger,
  type Model,
  type Planned,
  type Value,
} from "../../plugin/index.js";
import { reportFailure, warnAndKeep } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { adsAccountLookedUp, wasAdsAccountLookedUp } from "../resource-profile/ads-account.js";
import { listings, type SelectedProfile } from "../resource-profile/select-profile.js";
import type { ProfileSelectors } from "../resource-profile/selectors.js";
import { lookUpSetAdsAccounts, type SetLookupContext } from "./ads-accounts.js";
import { planProfileSet } from "./plan.js";
import { profileSetSchema } from "./schema.js";
import { selectProfileSet } from "./select-profile-set.js";
import { validateProfileSet } from "./validate.js";

type State = Model<typeof profileSetSchema>;
type Entry = NonNullable<State["profiles"]>[string];

/** The `amazonads_profile_set` resource. */
export const profileSetResource = defineResource<typeof profileSetSchema, ProviderData>({
  schema: profileSetSchema,

  create: select,

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    const state = resp.state;
    if (!data || !state?.profiles) return;
    const stored = Object.entries(state.profiles);
    const filters: ProfileSelectors = {
      accountType: state.account_type ?? undefined,
      accessLevel: state.access_level ?? "edit",
      apiProgram: state.api_program ?? "campaign",
    };
    const list = listings({
      data,
      refreshToken: state.refresh_token,
      log: req.log,
      signal: req.signal,
    });
    const regions = [...new Set(stored.map(([, entry]) => regionOf(entry, data)))];
    let listed: Map<Region, Profile[]>;
    try {
      req.log.debug("reading the profile set", { regions, countries: stored.length });
      listed = new Map(
        await Promise.all(regions.map(async (r) => [r, await list(r, filters)] as const)),
      );
    } catch (error) {
      keepOnFailure(resp.diagnostics, error, stored.length);
      return;
    }
    const gone: string[] = [];
    const profiles: Record<string, Entry> = {};
    for (const [country, entry] of stored) {
      const region = regionOf(entry, data);
      const profile = listed.get(region)!.find((p) => p.profileId === entry.profile_id);
      if (!profile) {
        gone.push(`${country} (profile ${entry.profile_id})`);
        continue;
      }
      profiles[country] = profileEntry(
        { profile, region, apiUrl: data.clients.endpoints(region).apiUrl },
        entry.ads_account_id ?? null,
      );
    }
    if (gone.length > 0) {
      resp.diagnostics.warning(
        "Advertising profiles of the set are gone: removed from state",
        `The grant can no longer use the profile of ${gone.join(", ")} (removed, or access ` +
          "withdrawn). The next apply selects a profile for each such country again with the " +
          "configured selectors; remove the country from country_codes if it has none any more.",
      );
    }
    // Lazily, only until one lookup settled: sets from before ads_account_id, or whose lookup
    // failed in passing, get it here; settled ones make no request.
    if (!wasAdsAccountLookedUp(req.private)) {
      const { log, signal } = req;
      const { diagnostics } = resp;
      const context = { data, refreshToken: state.refresh_token, log, signal, diagnostics };
      if (await addAdsAccounts(profiles, Object.keys(profiles), context)) {
        resp.private = adsAccountLookedUp();
      }
    }
    Object.assign(state, selectionAttributes(profiles));
  },

  update: select,

  delete(req) {
    req.log.debug("forgetting the profile set", { id: req.state.id });
  },

  modifyPlan: planProfileSet,

  validateConfig: validateProfileSet,
});

// Create and update alike: select the countries the plan left unknown; those it kept (only the
// list of countries changed) stay as planned, Ads account included once that was looked up.
async function select(
  req: {
    readonly providerData: ProviderData | undefined;
    readonly config: Model<typeof profileSetSchema>;
    readonly plan: Planned<typeof profileSetSchema>;
    readonly private: Uint8Array | undefined;
    readonly log: Logger;
    readonly signal: AbortSignal;
  },
  resp: {
    state: Planned<typeof profileSetSchema>;
    private: Uint8Array | undefined;
    readonly diagnostics: Diagnostics;
  },
): Promise<void> {
  const data = configured(req.providerData, resp.diagnostics);
  if (!data) return;
  const { config, log, signal } = req;
  const kept = keptEntries(req.plan.profiles);
  const selected = await selectProfileSet(
    {
      countryCodes: config.country_codes,
      accountName: config.account_name ?? undefined,
      accountType: config.account_type ?? undefined,
      accessLevel: config.access_level ?? "edit",
      apiProgram: config.api_program ?? "campaign",
      kept: new Set(Object.keys(kept)),
    },
    { data, refreshToken: config.refresh_token, log, signal, diagnostics: resp.diagnostics },
  );
  if (!selected) return;
  const profiles: Record<string, Entry> = {};
  for (const country of config.country_codes) {
    const one = selected.get(country);
    profiles[country] = one ? profileEntry(one, null) : kept[country]!;
  }
  log.debug("selected a profile set", { selected: [...selected.keys()], kept: Object.keys(kept) });
  // The kept countries' accounts are looked up again only if theirs had not settled.
  const lookUp = wasAdsAccountLookedUp(req.private) ? [...selected.keys()] : config.country_codes;
  const { diagnostics } = resp;
  const context = { data, refreshToken: config.refresh_token, log, signal, diagnostics };
  const settled = await addAdsAccounts(profiles, lookUp, context);
  resp.private = settled ? adsAccountLookedUp() : undefined;
  Object.assign(resp.state, selectionAttributes(profiles));
}

// Sets the Ads account of `countries` in `profiles` (those whose listing failed keep theirs);
// true when every lookup settled.
async function addAdsAccounts(
  profiles: Record<string, Entry>,
  countries: readonly string[],
  context: SetLookupContext,
): Promise<boolean> {
  const looked = countries.flatMap((country) => {
    const entry = profiles[country];
    return entry?.profile_id && entry.region && isRegion(entry.region)
      ? [{ country, profileId: entry.profile_id, region: entry.region }]
      : [];
  });
  if (looked.length === 0) return true;
  const { found, settled } = await lookUpSetAdsAccounts(looked, context);
  for (const [country, adsAccountId] of found) {
    profiles[country] = { ...profiles[country]!, ads_account_id: adsAccountId };
  }
  return settled;
}

function keptEntries(planned: Planned<typeof profileSetSchema>["profiles"]): Record<string, Entry> {
  if (planned === null || isUnknown(planned)) return {};
  const kept: Record<string, Entry> = {};
  for (const [country, entry] of Object.entries(planned)) {
    if (isWhollyKnown(entry as Value)) kept[country] = entry as Entry;
  }
  return kept;
}

// The region stored with an entry, else the provider's (an entry always has one in practice).
function regionOf(entry: Entry, data: ProviderData): Region {
  return entry.region && isRegion(entry.region) ? entry.region : data.settings.region;
}

function keepOnFailure(diagnostics: Diagnostics, error: unknown, countries: number): void {
  const kept = `The ${countries} profiles stay in state unchanged; the next plan checks them again.`;
  const summary = "Could not check the profile set; keeping it in state";
  if (warnAndKeep(diagnostics, error, summary, kept, "REVOKED_GRANT")) return;
  reportFailure(diagnostics, "Could not read the profile set", error);
}

/** One country's entry of `profiles`, from Amazon's profile and its Ads account. */
export function profileEntry(
  { profile, region, apiUrl }: SelectedProfile,
  adsAccountId: string | null,
): Entry {
  const info = profile.accountInfo;
  return {
    profile_id: profile.profileId,
    country_code: profile.countryCode,
    marketplace_id: info.marketplaceStringId,
    account_id: info.id,
    account_name: info.name ?? null,
    account_type: info.type,
    account_sub_type: info.subType ?? null,
    currency_code: profile.currencyCode,
    timezone: profile.timezone,
    region,
    api_url: apiUrl,
    ads_account_id: adsAccountId,
  };
}

// The id names the selection (country → profile id), never the grant. Countries are sorted by
// code unit, not localeCompare: the id must not depend on the machine's locale, and a collator
// would initialise ICU (~20–50 ms) in a process that needs nothing else of it.
function selectionAttributes(profiles: Record<string, Entry>) {
  const profileIds = Object.fromEntries(
    Object.entries(profiles).map(([country, entry]) => [country, entry.profile_id!]),
  );
  const digest = createHash("sha256")
    .update(
      JSON.stringify(Object.entries(profileIds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    )
    .digest("hex");
  return { id: `profile-set-${digest.slice(0, 16)}`, profiles, profile_ids: profileIds };
}
