/** How `profiles` prints what it found: an aligned table for people, JSON for scripts. */
import type { Profile } from "../amazon-ads/profiles.js";
import type { Region } from "../amazon-ads/regions.js";
import type { RegionListing } from "./profile-listing.js";

/** One profile as `profiles --json` prints it; names match the `amazonads_profile` attributes. */
export interface ProfileRecord {
  /** Exact, as a string: ids exceed 2^53. */
  readonly profile_id: string;
  readonly country_code: string;
  readonly currency_code: string;
  readonly timezone: string;
  readonly marketplace_id: string;
  readonly account_id: string;
  readonly account_name: string | null;
  readonly account_type: string;
  /** The region whose Ads API host lists the profile. */
  readonly region: Region;
  /** That host (what API calls for the profile must use). */
  readonly api_url: string;
}

/** Every listed profile as a {@link ProfileRecord}, region by region. */
export function profileRecords(listings: readonly RegionListing[]): ProfileRecord[] {
  return listings.flatMap((listing) =>
    "skipped" in listing
      ? []
      : listing.profiles.map((profile: Profile) => ({
          profile_id: profile.profileId,
          country_code: profile.countryCode,
          currency_code: profile.currencyCode,
          timezone: profile.timezone,
          marketplace_id: profile.accountInfo.marketplaceStringId,
          account_id: profile.accountInfo.id,
          account_name: profile.accountInfo.name ?? null,
          account_type: profile.accountInfo.type,
          region: listing.region,
          api_url: listing.apiUrl,
        })),
  );
}

const COLUMNS: readonly [string, (r: ProfileRecord) => string][] = [
  ["PROFILE ID", (r) => r.profile_id],
  ["COUNTRY", (r) => r.country_code],
  ["TYPE", (r) => r.account_type],
  ["NAME", (r) => r.account_name ?? ""],
  ["MARKETPLACE", (r) => r.marketplace_id],
  ["REGION", (r) => r.region],
];

/** An aligned text table, then one line per region that has no profiles or was not asked. */
export function profileTable(listings: readonly RegionListing[]): string {
  const records = profileRecords(listings);
  const rows = [
    COLUMNS.map(([title]) => title),
    ...records.map((r) => COLUMNS.map(([, f]) => f(r))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines =
    records.length === 0
      ? []
      : rows.map((row) =>
          row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join("  ")
            .trimEnd(),
        );
  for (const listing of listings) {
    if ("skipped" in listing) lines.push(`${listing.region}: ${listing.skipped}.`);
    else if (listing.profiles.length === 0) lines.push(`${listing.region}: no profiles.`);
  }
  if (records.length === 0) {
    lines.push(
      "No profiles at all: check that the consent was given by the Amazon user who manages the " +
        "advertising accounts (profiles this user may only view are not listed).",
    );
  }
  return `${lines.join("\n")}\n`;
}
