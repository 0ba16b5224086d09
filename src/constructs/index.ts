/**
 * constructs/: what CDKTF users import — the L2 constructs of an Amazon Ads connection, the
 * generated L1 bindings of the `amazonads` provider, secret handling and provider vendoring.
 *
 * @packageDocumentation
 */
export { LwaApp, type LwaAppProps, type LwaAppEndpoints } from "./lwa-app.js";
export { AuthorizationGrant, type AuthorizationGrantProps } from "./authorization-grant.js";
export {
  AdvertisingProfile,
  type AdvertisingProfileProps,
  type ProfileSelectors,
} from "./advertising-profile.js";
export {
  AdvertisingProfileSet,
  type AdvertisingProfileSetProps,
  type ProfileSetSelectors,
} from "./advertising-profile-set.js";
export {
  AmazonAdsConnection,
  type AmazonAdsConnectionProps,
  type ConnectionOutput,
  type ConnectionOutputs,
  type TokenOutput,
  CONNECTION_OUTPUTS,
  TOKEN_OUTPUTS,
} from "./amazon-ads-connection.js";
export { TestAccount, type TestAccountProps } from "./test-account.js";
export { EphemeralAccessToken, type EphemeralAccessTokenProps } from "./ephemeral-access-token.js";
export {
  secretVariable,
  requireSecretReference,
  type SecretVariableOptions,
  type SecretProp,
} from "./secrets.js";
export {
  vendorProvider,
  ProviderVendoring,
  type ProviderVendoringOptions,
} from "./provider-vendoring.js";
// The L1 bindings: one namespace per Terraform type (`lwaApp.LwaApp`, `profile.Profile` …), as
// the prebuilt provider packages export what `cdktn get` generates.
export * from "./bindings/index.js";
