// Run by the reporting stack's local-exec provisioner (cdktf app and HCL alike): one Amazon Ads
// API call with the stack's own ephemeral access token, which reaches this script through the
// environment only — never the command line, the plan or the state. It prints no token.
/* global fetch -- Node.js >= 18 */
const { AMAZON_ADS_ACCESS_TOKEN, AMAZON_ADS_CLIENT_ID, AMAZON_ADS_API_URL, AMAZON_ADS_PROFILE_ID } =
  process.env;
const response = await fetch(`${AMAZON_ADS_API_URL}/v2/profiles/${AMAZON_ADS_PROFILE_ID}`, {
  headers: {
    Authorization: `Bearer ${AMAZON_ADS_ACCESS_TOKEN}`,
    "Amazon-Advertising-API-ClientId": AMAZON_ADS_CLIENT_ID,
    "Amazon-Advertising-API-Scope": AMAZON_ADS_PROFILE_ID,
  },
});
if (!response.ok) {
  console.error(`GET /v2/profiles/${AMAZON_ADS_PROFILE_ID}: HTTP ${response.status}`);
  process.exit(1);
}
const profile = await response.json();
process.stdout.write(
  `profile ${AMAZON_ADS_PROFILE_ID} (${profile.countryCode}, ${profile.accountInfo?.type}) ` +
    "answered this stack's own access token\n",
);
