/** The emulated endpoints, by the names faults and counters use. */
export const EMULATOR_ENDPOINTS = [
  "consent",
  "token",
  "profiles",
  "profile",
  "testAccounts",
  "adsAccounts",
  "managerAccounts",
] as const;

/**
 * An emulated endpoint: `consent` (`GET`/`POST /ap/oa`), `token` (`POST /auth/o2/token`),
 * `profiles` (`GET /v2/profiles`), `profile` (`GET /v2/profiles/{id}`), `testAccounts`
 * (`POST`/`GET /testAccounts`; answered on the NA host only, 404 on EU and FE), `adsAccounts`
 * (`POST /adsAccounts/list`), `managerAccounts` (`GET /managerAccounts`).
 */
export type EmulatorEndpoint = (typeof EMULATOR_ENDPOINTS)[number];
