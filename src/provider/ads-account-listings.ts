/**
 * The Ads account listings of one provider process, one per grant and region host: the data
 * source and every profile of a grant share it, so a plan or an apply makes at most one
 * `POST /adsAccounts/list` walk per grant and region, however many profiles look up their account.
 * A failed listing is not kept, so a later handler may try again.
 */
import type { AdsAccount, Region } from "../amazon-ads/index.js";
import type { Logger } from "../plugin/index.js";
import type { RegionClients } from "./clients.js";

/** The process's Ads account listings, by region and grant. */
export class AdsAccountListings {
  readonly #listings = new Map<string, Promise<AdsAccount[]>>();

  constructor(private readonly clients: RegionClients) {}

  /** The grant's Ads accounts as `region`'s host lists them, asked once per process. */
  list(
    region: Region,
    refreshToken: string,
    log: Logger,
    signal: AbortSignal,
  ): Promise<AdsAccount[]> {
    // Held in memory only, like the token cache's keys; never logged.
    const key = `${region}\n${refreshToken}`;
    const known = this.#listings.get(key);
    if (known) {
      log.debug("reusing this process's Ads account listing", { region });
      return known;
    }
    const client = this.clients.client(region);
    const listing = this.clients.withLog(log, () =>
      client.listAdsAccounts(refreshToken, { signal }),
    );
    this.#listings.set(key, listing);
    listing.catch(() => this.#listings.delete(key));
    return listing;
  }
}
