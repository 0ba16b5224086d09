/**
 * `data "amazonads_profiles"`: every profile a grant can use in the chosen regions, with the API's
 * filters, so that ids can be found before selecting one. Regions are listed concurrently; the
 * shared token cache makes that one token request at most.
 */
import { createHash } from "node:crypto";
import {
  explainEmptyProfileList,
  isRegion,
  type AccessLevel,
  type ApiProgram,
  type Profile,
  type ProfileFilters,
  type ProfileType,
  type Region,
} from "../../amazon-ads/index.js";
import { defineDataSource } from "../../plugin/index.js";
import { configured, type ProviderData } from "../provider-data.js";
import { reportListFailure } from "../resource-profile/select-profile.js";
import { profilesSchema } from "./schema.js";

/** The `amazonads_profiles` data source. */
export const profilesDataSource = defineDataSource<typeof profilesSchema, ProviderData>({
  schema: profilesSchema,

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const { config } = req;
    const regions = [...new Set(config.regions ?? ["NA", "EU", "FE"])].filter(isRegion);
    const filters: ProfileFilters = {
      apiProgram: (config.api_program ?? "campaign") as ApiProgram,
      accessLevel: (config.access_level ?? "edit") as AccessLevel,
      ...(config.account_types?.length
        ? { profileTypeFilter: config.account_types as ProfileType[] }
        : {}),
      ...(config.valid_payment_method === null
        ? {}
        : { validPaymentMethodFilter: config.valid_payment_method }),
    };
    let listed: { region: Region; profiles: Profile[] }[];
    try {
      listed = await data.clients.withLog(req.log, () =>
        Promise.all(
          regions.map(async (region) => ({
            region,
            profiles: await data.clients
              .client(region)
              .listProfiles(config.refresh_token, filters, { signal: req.signal }),
          })),
        ),
      );
    } catch (error) {
      reportListFailure(resp.diagnostics, error);
      return;
    }
    const rows = listed.flatMap(({ region, profiles }) => {
      const apiUrl = data.clients.endpoints(region).apiUrl;
      return profiles
        .filter((p) => config.country_code === null || p.countryCode === config.country_code)
        .map((p) => ({
          profile_id: p.profileId,
          country_code: p.countryCode,
          currency_code: p.currencyCode,
          timezone: p.timezone,
          marketplace_id: p.accountInfo.marketplaceStringId,
          account_id: p.accountInfo.id,
          account_name: p.accountInfo.name ?? null,
          account_type: p.accountInfo.type,
          account_sub_type: p.accountInfo.subType ?? null,
          valid_payment_method: p.accountInfo.validPaymentMethod ?? null,
          region,
          api_url: apiUrl,
        }));
    });
    resp.state.id = queryDigest(regions, filters, config.country_code);
    resp.state.profiles = rows;
    resp.state.profile_ids = rows.map((row) => row.profile_id);
    req.log.debug("listed profiles", { regions, count: rows.length });
    if (rows.length === 0) {
      const countryCode = config.country_code ?? undefined;
      const hint =
        regions.length === 1
          ? explainEmptyProfileList({
              region: regions[0]!,
              filters,
              ...(countryCode ? { countryCode } : {}),
            }).hint
          : 'If the user only has view access, set access_level = "view". Also check that the ' +
            "consent was given by the Amazon user who manages the advertising account.";
      resp.diagnostics.warning(
        "The grant can use no advertising profile here",
        `No profiles in ${regions.join(", ") || "no region"} match these filters. ${hint}`,
      );
    }
  },
});

// Identifies the query, not the grant: the id may show in plans and logs.
function queryDigest(
  regions: readonly Region[],
  filters: ProfileFilters,
  countryCode: string | null,
): string {
  const text = JSON.stringify({ regions, filters, countryCode });
  return `profiles-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
