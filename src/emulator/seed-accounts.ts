/**
 * Seeds of the account-management side of the emulated Amazon: global Ads accounts (listed by
 * `POST /adsAccounts/list`) and manager accounts (`GET /managerAccounts`), with the demo user's.
 * Shapes follow Amazon's "Advertising Accounts" and "Manager Account" specs (v3.0); where Amazon
 * documents no value (error codes, which profiles an account links), the data is the emulator's.
 */

/** The statuses Amazon's spec allows for an Ads account. */
export const ADS_ACCOUNT_STATUSES = [
  "CREATED",
  "DISABLED",
  "PARTIALLY_CREATED",
  "PENDING",
] as const;

/** One of {@link ADS_ACCOUNT_STATUSES}. */
export type AdsAccountStatus = (typeof ADS_ACCOUNT_STATUSES)[number];

/** A per-country problem of an Ads account (`errors` in Amazon's answer). */
export interface AdsAccountErrorSeed {
  /** Amazon documents no values; the emulator's are its own. */
  readonly errorCode: string;
  readonly errorId: number;
  readonly errorMessage: string;
}

/** A global Ads account a user can reach. */
export interface AdsAccountSeed {
  /** `amzn1.ads-account.g.…`; Amazon's pattern is `^[A-Za-z0-9.-]+$`. */
  readonly adsAccountId: string;
  readonly accountName?: string;
  /** @default "CREATED" */
  readonly status?: AdsAccountStatus;
  /** Countries the account covers. @default the countries of `profileIds` */
  readonly countryCodes?: readonly string[];
  /**
   * The user's profiles the account links, one `alternateIds` entry each: the profile's country,
   * its `accountInfo.id` as `entityId`, and its id. @default none
   */
  readonly profileIds?: readonly string[];
  /** Per-country problems, by country code. @default none */
  readonly errors?: Readonly<Record<string, readonly AdsAccountErrorSeed[]>>;
}

/** The account types `GET /managerAccounts` documents for a linked account. */
export const LINKED_ACCOUNT_TYPES = [
  "DSP_ADVERTISING_ACCOUNT",
  "MARKETING_CLOUD",
  "SELLER",
  "VENDOR",
] as const;

/** An account linked to a manager account, as `GET /managerAccounts` returns it. */
export interface LinkedAccountSeed {
  readonly accountId: string;
  readonly accountName: string;
  readonly accountType: (typeof LINKED_ACCOUNT_TYPES)[number];
  readonly marketplaceId?: string;
  /** Only for DSP accounts. */
  readonly dspAdvertiserId?: string;
  /** Decimal digits, sent as a JSON string; only for seller, vendor and marketing-cloud accounts. */
  readonly profileId?: string;
}

/** A manager account a user belongs to. */
export interface ManagerAccountSeed {
  /** `amzn1.ads1.ma1.…` */
  readonly managerAccountId: string;
  readonly managerAccountName: string;
  /** At most 50 (Amazon's cap; there is no paging). @default none */
  readonly linkedAccounts?: readonly LinkedAccountSeed[];
}

/** The demo user's Ads accounts: one across three regions, one partly created, one pending. */
export const DEMO_ADS_ACCOUNTS: readonly AdsAccountSeed[] = [
  {
    adsAccountId: "amzn1.ads-account.g.emul8acme0utd00rselr0001",
    accountName: "Acme Outdoor",
    status: "CREATED",
    countryCodes: ["US", "MX", "UK", "DE", "IN", "JP"],
    profileIds: [
      "34567890123456789",
      "2814749767106561",
      "1209876543210987",
      "45678901234567890",
      "5678901234567890",
      "67890123456789012",
    ],
  },
  {
    adsAccountId: "amzn1.ads-account.g.emul8acme0utd00rvend0002",
    accountName: "Acme Outdoor (Vendor)",
    status: "PARTIALLY_CREATED",
    countryCodes: ["CA", "FR", "IT", "AU"],
    profileIds: ["9007199254740993", "987654321098765", "4040404040404040"],
    errors: {
      IT: [
        {
          errorCode: "EMULATOR_REGISTRATION_INCOMPLETE",
          errorId: 1001,
          errorMessage: "The vendor is not yet registered to advertise in this marketplace.",
        },
      ],
    },
  },
  {
    adsAccountId: "amzn1.ads-account.g.emul8n0rthw1ndbrandl0003",
    accountName: "Northwind Brand Lab",
    status: "PENDING",
    countryCodes: ["US"],
  },
];

/** The demo user's manager account, linking the US seller and the Canadian vendor. */
export const DEMO_MANAGER_ACCOUNTS: readonly ManagerAccountSeed[] = [
  {
    managerAccountId: "amzn1.ads1.ma1.emul8acmeh0ld1ngs0001",
    managerAccountName: "Acme Holdings",
    linkedAccounts: [
      {
        accountId: "A3EMULATRSELLNA",
        accountName: "Acme Outdoor US",
        accountType: "SELLER",
        marketplaceId: "ATVPDKIKX0DER",
        profileId: "34567890123456789",
      },
      {
        accountId: "ENTITY2CAVENDOR01",
        accountName: "Acme Outdoor Canada (Vendor)",
        accountType: "VENDOR",
        marketplaceId: "A2EUQ1WTGCTBG2",
        profileId: "9007199254740993",
      },
    ],
  },
];
