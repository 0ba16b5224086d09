/**
 * cdktf-amazon-ads: declare an Amazon Ads API advertiser connection with CDK for Terraform.
 *
 * @packageDocumentation
 */
export * from "./constructs/index.js";
export {
  type Region,
  type RegionEndpoints,
  type Marketplace,
  REGIONS,
  REGION_ENDPOINTS,
  MARKETPLACES,
  isRegion,
  marketplaceOfCountry,
  marketplaceById,
  regionOfCountry,
} from "./amazon-ads/regions.js";
