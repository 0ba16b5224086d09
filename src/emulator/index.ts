/**
 * A local, faithful stand-in for Login with Amazon and the Amazon Ads API, for tests, demos and
 * offline work. Start one with {@link startEmulator}; steer it with its `admin` handle or over
 * HTTP under `/_emulator/`.
 *
 * @packageDocumentation
 */
export {
  type Emulator,
  type EmulatorEndpointUrls,
  type EmulatorOptions,
  startEmulator,
} from "./emulator.js";
export {
  type IssueCodeOptions,
  type IssueGrantOptions,
  type IssuedTokens,
  EmulatorAdmin,
} from "./admin.js";
export { type EmulatorEndpoint, EMULATOR_ENDPOINTS } from "./endpoints.js";
export {
  type EmulatorEndpointVariables,
  type EmulatorVariables,
  emulatorEndpointVariables,
  emulatorVariables,
} from "./environment.js";
export { type ActiveFault, type Fault, type FaultSpec } from "./faults.js";
export { type EmulatorLogEntry } from "./server.js";
export { type EndpointTraffic, type TrafficSnapshot } from "./traffic.js";
export { type TestAccountTiming } from "./test-account-requests.js";
export { type RandomBytes } from "./identifiers.js";
export { KNOWN_SCOPES, TEST_ACCOUNT_SCOPE } from "./scopes.js";
export {
  type AccountInfoSeed,
  type ApiProgram,
  type AppSeed,
  type EmulatorSeed,
  type ProfileSeed,
  type UserSeed,
  API_PROGRAMS,
  DEFAULT_SEED,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_REDIRECT_URI,
  DEMO_USER_ID,
  EMPTY_USER_ID,
  MARKETPLACE_SELLER_USER_ID,
} from "./seed.js";
export {
  type AdsAccountErrorSeed,
  type AdsAccountSeed,
  type AdsAccountStatus,
  type LinkedAccountSeed,
  type ManagerAccountSeed,
  ADS_ACCOUNT_STATUSES,
  DEMO_ADS_ACCOUNTS,
  DEMO_MANAGER_ACCOUNTS,
} from "./seed-accounts.js";
export { LIST_ADS_ACCOUNTS_TYPE } from "./ads-accounts.js";
export { MANAGER_ACCOUNTS_TYPE } from "./manager-accounts.js";
