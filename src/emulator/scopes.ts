/** The LwA scopes Amazon Ads knows; any other scope makes the consent page answer 400. */
export const KNOWN_SCOPES = [
  "advertising::campaign_management",
  "advertising::test:create_account",
  "advertising::audiences",
  "cpc_advertising:campaign_management",
] as const;

/** Scopes that let a token read `/v2/profiles` (the legacy one still works for old clients). */
export const PROFILE_SCOPES: readonly string[] = [
  "advertising::campaign_management",
  "cpc_advertising:campaign_management",
];

/** The scope `POST /testAccounts` requires. */
export const TEST_ACCOUNT_SCOPE = "advertising::test:create_account";

/** The scope a grant gets when a test issues one without naming scopes. */
export const DEFAULT_SCOPES: readonly string[] = ["advertising::campaign_management"];
