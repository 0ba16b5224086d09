/**
 * The Amazon Ads client: Login with Amazon consent and tokens, the Ads API's profiles, test
 * accounts, Ads accounts and manager accounts, retries, typed errors and redaction. Knows nothing
 * of Terraform.
 *
 * @packageDocumentation
 */
export {
  AmazonAdsClient,
  type AmazonAdsClientOptions,
  type ClientConsentUrlOptions,
} from "./client.js";
export { AdsApiClient, type AdsApiClientOptions } from "./ads-api.js";
export {
  LwaClient,
  type LwaClientOptions,
  type LwaCredentials,
  type TokenSet,
  type CodeRedemption,
} from "./lwa.js";
export {
  AccessTokenCache,
  type AccessToken,
  type AccessTokenLookup,
  type AccessTokenCacheOptions,
  type AccessTokenRequestOptions,
  type GrantKey,
  type RenewAccessToken,
} from "./token-cache.js";
export {
  buildConsentUrl,
  parseConsentRedirect,
  createCodeVerifier,
  codeChallenge,
  CAMPAIGN_MANAGEMENT_SCOPE,
  TEST_ACCOUNT_SCOPE,
  DEFAULT_SCOPES,
  type ConsentUrlOptions,
  type ConsentRequest,
  type ConsentGrant,
  type PkceMethod,
  type RandomBytes,
} from "./consent.js";
export {
  checkConsentUrl,
  type ConsentUrlProblem,
  type ConsentUrlVerdict,
} from "./consent-check.js";
export {
  resolveEndpoints,
  substituteRegion,
  REGION_PLACEHOLDER,
  joinUrl,
  type EndpointOverrides,
  type ResolvedEndpoints,
} from "./endpoints.js";
export {
  explainEmptyProfileList,
  profileFilterQuery,
  isProfileId,
  type Profile,
  type AccountInfo,
  type ProfileFilters,
  type ProfileType,
  type ApiProgram,
  type AccessLevel,
  type EmptyProfileListContext,
  type EmptyProfileListExplanation,
} from "./profiles.js";
export {
  adsAccountOfProfile,
  listAllAdsAccounts,
  LIST_ADS_ACCOUNTS_MEDIA_TYPE,
  MANAGER_ACCOUNTS_MEDIA_TYPE,
  MAX_ADS_ACCOUNTS_PAGE,
  type AdsAccount,
  type AdsAccountError,
  type AdsAccountPage,
  type AdsAccountStatus,
  type AlternateId,
  type LinkedAccount,
  type ManagerAccount,
} from "./ads-accounts.js";
export {
  checkTestAccountRequest,
  waitForTestAccount,
  testAccountBody,
  type TestAccount,
  type TestAccountType,
  type TestAccountRequest,
  type TestAccountReceipt,
  type WaitForTestAccountOptions,
} from "./test-accounts.js";
export {
  AmazonAdsError,
  isAmazonAdsError,
  type AmazonAdsErrorCode,
  type AmazonAdsErrorDetails,
  type RequestSummary,
  type ResponseSummary,
} from "./errors.js";
export {
  Transport,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
  type CallOptions,
  type Logger,
  type Service,
} from "./http.js";
export {
  decideRetry,
  parseRetryAfter,
  backoffDelay,
  isRetryableStatus,
  isRetryableNetworkError,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type RetryDecision,
  type RetryQuestion,
  type AttemptOutcome,
  type GiveUpReason,
} from "./retry.js";
export {
  redact,
  redactRecord,
  redactUrl,
  urlForMessage,
  isSecretField,
  REDACTED,
} from "./redact.js";
export {
  EXPIRING_GRANTS_FROM,
  REFRESH_TOKEN_LIFETIME_MS,
  DAY_MS,
  refreshTokenExpiresAt,
  daysLeft,
  calendarDate,
} from "./grant-lifetime.js";
export { parseJsonLosslessly, JsonSyntaxError } from "./lossless-json.js";
export { abortableSleep, REAL_SEAMS, type Seams } from "./seams.js";
export * from "./regions.js";
