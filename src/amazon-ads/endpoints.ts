/**
 * Where each call goes: a region's Amazon endpoints, each replaceable (emulator, tests, proxies).
 */
import { AmazonAdsError } from "./errors.js";
import { urlForMessage } from "./redact.js";
import { REGION_ENDPOINTS, isRegion, type Region, type RegionEndpoints } from "./regions.js";

/**
 * Replacement endpoints; an empty string counts as unset (as an empty environment variable does).
 * An override may contain {@link REGION_PLACEHOLDER}, replaced by the region in lower case
 * (`http://127.0.0.1:4010/{region}` → `…/na`, `…/eu`, `…/fe`); without it, the override applies to
 * every region as written.
 */
export type EndpointOverrides = Partial<Record<keyof RegionEndpoints, string | undefined>>;

/** A region's endpoints after overrides, plus the host test accounts are created on. */
export interface ResolvedEndpoints extends RegionEndpoints {
  /** The region the endpoints were resolved for. */
  readonly region: Region;
  /**
   * Ads API host for `/testAccounts`: Amazon serves it from the NA host only, so this is NA's host
   * unless `apiUrl` is overridden (an emulator or proxy then serves everything).
   */
  readonly testAccountApiUrl: string;
}

/** The text an endpoint override may contain to stand for the region: `na`, `eu` or `fe`. */
export const REGION_PLACEHOLDER = "{region}";

/**
 * An override with {@link REGION_PLACEHOLDER} replaced by `region` in lower case; an override
 * without the placeholder comes back unchanged.
 */
export function substituteRegion(override: string, region: Region): string {
  return override.replaceAll(REGION_PLACEHOLDER, region.toLowerCase());
}

const FIELD_NAMES: Record<keyof RegionEndpoints, string> = {
  authorizationUrl: "authorization URL",
  tokenUrl: "token URL",
  apiUrl: "API URL",
};

/**
 * The consent, token and API URLs of `region`, each replaced by its override when one is given.
 * Overrides must be absolute http(s) URLs (once `{region}` is replaced); an API URL may carry a
 * path (`https://proxy/amazon/eu`).
 */
export function resolveEndpoints(
  region: Region = "NA",
  overrides: EndpointOverrides = {},
): ResolvedEndpoints {
  if (!isRegion(region)) {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      `Unknown Amazon Ads region "${String(region)}". Use NA (North America), EU (Europe, India, ` +
        `Middle East, Africa) or FE (Far East).`,
    );
  }
  const pick = (field: keyof RegionEndpoints, forRegion: Region = region): string => {
    const override = overrides[field]?.trim();
    return override
      ? checkedUrl(substituteRegion(override, forRegion), FIELD_NAMES[field])
      : REGION_ENDPOINTS[forRegion][field];
  };
  return {
    region,
    authorizationUrl: pick("authorizationUrl"),
    tokenUrl: pick("tokenUrl"),
    apiUrl: pick("apiUrl"),
    // Amazon serves /testAccounts from the NA host: a per-region override points at its NA form.
    testAccountApiUrl: pick("apiUrl", "NA"),
  };
}

function checkedUrl(value: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      `The ${what} override is not an absolute URL. Give one such as https://proxy.example/amazon.`,
    );
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new AmazonAdsError(
      "INVALID_ARGUMENT",
      `The ${what} override ${urlForMessage(parsed)} must use http or https.`,
    );
  }
  return value;
}

/**
 * Appends `path` to `base`, keeping the base's own path (`https://proxy/amazon/eu` + `/v2/profiles`
 * → `https://proxy/amazon/eu/v2/profiles`), then adds the defined `query` parameters.
 */
export function joinUrl(
  base: string,
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
