/**
 * The data the emulator starts with: LwA client applications, Amazon users and their advertising
 * profiles. The default seed is one approved demo app and a demo user whose profiles span all three
 * regions, with ids above 2^53 and one view-only profile, plus a user with no profiles.
 */
import { marketplaceOfCountry, type Region } from "../amazon-ads/regions.js";
import { KNOWN_SCOPES } from "./scopes.js";
import {
  type AdsAccountSeed,
  type ManagerAccountSeed,
  DEMO_ADS_ACCOUNTS,
  DEMO_MANAGER_ACCOUNTS,
} from "./seed-accounts.js";

/** The programs `GET /v2/profiles?apiProgram=` filters on. */
export const API_PROGRAMS = [
  "billing",
  "campaign",
  "paymentMethod",
  "store",
  "report",
  "account",
  "posts",
] as const;

/** One of {@link API_PROGRAMS}. */
export type ApiProgram = (typeof API_PROGRAMS)[number];

/** An approved LwA client application ("security profile"). */
export interface AppSeed {
  /** Shown on the consent page. */
  readonly name: string;
  /** `amzn1.application-oa2-client.<32 hex>`. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The "Allowed Return URLs"; the consent page requires an exact match. */
  readonly redirectUris: readonly string[];
  /** Scopes Amazon approved for this app. @default every known scope */
  readonly scopes?: readonly string[];
}

/** A profile's `accountInfo`, exactly as the Ads API returns it. */
export interface AccountInfoSeed {
  readonly marketplaceStringId: string;
  /** `A…` for sellers, `ENTITY…` for vendors, agencies and test accounts. */
  readonly id: string;
  readonly type: "seller" | "vendor" | "agency";
  readonly name?: string;
  /** `KDP_AUTHOR` or `AMAZON_ATTRIBUTION`. */
  readonly subType?: string;
  readonly validPaymentMethod?: boolean;
}

/** An advertising profile a user can reach. */
export interface ProfileSeed {
  /** Decimal digits of an int64; served as a raw JSON number, however large. */
  readonly profileId: string;
  readonly countryCode: string;
  readonly currencyCode: string;
  readonly timezone: string;
  readonly dailyBudget?: number;
  readonly accountInfo: AccountInfoSeed;
  /** The user's access: `view` profiles only show with `accessLevel=view`. @default "edit" */
  readonly accessLevel?: "edit" | "view";
  /** Programs the profile shows under. @default all for sellers and vendors; campaign, report and account for agencies */
  readonly apiPrograms?: readonly ApiProgram[];
  /** Which region's API host serves it. @default the region of `countryCode` */
  readonly region?: Region;
}

/** An Amazon customer who can sign in on the consent page. */
export interface UserSeed {
  /** `amzn1.account.…` */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly profiles?: readonly ProfileSeed[];
  /** Global Ads accounts (`POST /adsAccounts/list`), linking some of `profiles`. @default none */
  readonly adsAccounts?: readonly AdsAccountSeed[];
  /** Manager accounts the user belongs to (`GET /managerAccounts`). @default none */
  readonly managerAccounts?: readonly ManagerAccountSeed[];
}

/** Starting data; each list given replaces the default one. */
export interface EmulatorSeed {
  readonly apps?: readonly AppSeed[];
  readonly users?: readonly UserSeed[];
  /** The user the consent page acts for. @default the first user */
  readonly signedInUserId?: string;
}

/** The demo app's client id. */
export const DEMO_CLIENT_ID = "amzn1.application-oa2-client.5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f";
/** The demo app's client secret (a fake: it only opens this emulator). */
export const DEMO_CLIENT_SECRET =
  "amzn1.oa2-cs.v1.8c1e4b7a2f9d3c6e5b0a7f4d1c8e2b9a6f3d0c7e4b1a8f5d2c9e6b3a0f7d4c1e";
/** The redirect URI the CLI's `login` command listens on. */
export const DEMO_REDIRECT_URI = "http://localhost:8765/callback";
/** The demo user, whose profiles span NA, EU and FE. */
export const DEMO_USER_ID = "amzn1.account.AEMULATORDEMOADVERTISER00001";
/** A user who manages no advertising accounts (empty profile lists, test accounts). */
export const EMPTY_USER_ID = "amzn1.account.AEMULATORNEWCUSTOMER0000002";
/** A seller with one seller profile in each of nine marketplaces of NA, EU and FE, and one Ads account listing all but ES. */
export const MARKETPLACE_SELLER_USER_ID = "amzn1.account.AEMULATORMARKETPLACESELLER3";

const AGENCY_PROGRAMS: readonly ApiProgram[] = ["campaign", "report", "account"];

/** The programs a profile shows under when its seed names none. */
export function defaultApiPrograms(type: AccountInfoSeed["type"]): readonly ApiProgram[] {
  return type === "agency" ? AGENCY_PROGRAMS : API_PROGRAMS;
}

const demoProfiles: readonly ProfileSeed[] = [
  // NA
  {
    profileId: "34567890123456789",
    countryCode: "US",
    currencyCode: "USD",
    timezone: "America/Los_Angeles",
    dailyBudget: 0,
    accountInfo: {
      marketplaceStringId: "ATVPDKIKX0DER",
      id: "A3EMULATRSELLNA",
      type: "seller",
      name: "Acme Outdoor US",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "9007199254740993",
    countryCode: "CA",
    currencyCode: "CAD",
    timezone: "America/Los_Angeles",
    accountInfo: {
      marketplaceStringId: "A2EUQ1WTGCTBG2",
      id: "ENTITY2CAVENDOR01",
      type: "vendor",
      name: "Acme Outdoor Canada (Vendor)",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "2814749767106561",
    countryCode: "MX",
    currencyCode: "MXN",
    timezone: "America/Los_Angeles",
    accessLevel: "view",
    accountInfo: {
      marketplaceStringId: "A1AM78C64UM0Y8",
      id: "A3EMULATRSELLNA",
      type: "seller",
      name: "Acme Outdoor México",
      validPaymentMethod: false,
    },
  },
  {
    profileId: "3456789012345678901",
    countryCode: "US",
    currencyCode: "USD",
    timezone: "America/Los_Angeles",
    accountInfo: {
      marketplaceStringId: "ATVPDKIKX0DER",
      id: "ENTITY3AGENCYUS01",
      type: "agency",
      name: "Northwind Media Agency",
    },
  },
  // EU
  {
    profileId: "1209876543210987",
    countryCode: "UK",
    currencyCode: "GBP",
    timezone: "Europe/London",
    dailyBudget: 0,
    accountInfo: {
      marketplaceStringId: "A1F83G8C2ARO7P",
      id: "A2EMULATRSELLEU",
      type: "seller",
      name: "Acme Outdoor UK",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "45678901234567890",
    countryCode: "DE",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
    accountInfo: {
      marketplaceStringId: "A1PA6795UKMFR9",
      id: "A2EMULATRSELLEU",
      type: "seller",
      name: "Acme Outdoor DE",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "987654321098765",
    countryCode: "FR",
    currencyCode: "EUR",
    timezone: "Europe/Paris",
    accountInfo: {
      marketplaceStringId: "A13V1IB3VIYZZH",
      id: "ENTITY1FRVENDOR09",
      type: "vendor",
      name: "Acme Outdoor France (Vendor)",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "5678901234567890",
    countryCode: "IN",
    currencyCode: "INR",
    timezone: "Asia/Kolkata",
    accountInfo: {
      marketplaceStringId: "A21TJRUUN4KGV",
      id: "A1EMULATRSELLIN",
      type: "seller",
      name: "Acme Outdoor India",
      validPaymentMethod: false,
    },
  },
  // FE
  {
    profileId: "67890123456789012",
    countryCode: "JP",
    currencyCode: "JPY",
    timezone: "Asia/Tokyo",
    accountInfo: {
      marketplaceStringId: "A1VC38T7YXB528",
      id: "A1EMULATRSELLJP",
      type: "seller",
      name: "Acme Outdoor Japan",
      validPaymentMethod: true,
    },
  },
  {
    profileId: "4040404040404040",
    countryCode: "AU",
    currencyCode: "AUD",
    timezone: "Australia/Sydney",
    accountInfo: {
      marketplaceStringId: "A39IBJ37TRP1C6",
      id: "ENTITY4AUVENDOR07",
      type: "vendor",
      name: "Acme Outdoor Australia (Vendor)",
      validPaymentMethod: true,
    },
  },
];

// One seller account per region (sellers share their merchant id across a region's marketplaces);
// one profile id above 2^53 so that maps of profiles keep ids exact too.
const marketplaceSellerProfiles: readonly ProfileSeed[] = (
  [
    ["US", "71000000000000101", "A3GLOBEXSELLNA"],
    ["CA", "7100000000000102", "A3GLOBEXSELLNA"],
    ["MX", "7100000000000103", "A3GLOBEXSELLNA"],
    ["UK", "7200000000000201", "A2GLOBEXSELLEU"],
    ["DE", "7200000000000202", "A2GLOBEXSELLEU"],
    ["FR", "7200000000000203", "A2GLOBEXSELLEU"],
    ["IT", "7200000000000204", "A2GLOBEXSELLEU"],
    ["ES", "7200000000000205", "A2GLOBEXSELLEU"],
    ["JP", "7300000000000301", "A1GLOBEXSELLFE"],
  ] as const
).map(([countryCode, profileId, accountId]) => {
  const marketplace = marketplaceOfCountry(countryCode)!;
  return {
    profileId,
    countryCode,
    currencyCode: marketplace.currencyCode,
    timezone: marketplace.timezone,
    accountInfo: {
      marketplaceStringId: marketplace.marketplaceId,
      id: accountId,
      type: "seller",
      name: `Globex Gear ${countryCode}`,
      validPaymentMethod: true,
    },
  };
});

// The seller's Ads account links every marketplace but Spain, whose profile no account lists (so a
// set of profiles has countries with an account and one without).
const marketplaceSellerAdsAccounts: readonly AdsAccountSeed[] = [
  {
    adsAccountId: "amzn1.ads-account.g.emul8gl0bexgearselr0004",
    accountName: "Globex Gear",
    status: "CREATED",
    profileIds: marketplaceSellerProfiles
      .filter((profile) => profile.countryCode !== "ES")
      .map((profile) => profile.profileId),
  },
];

/**
 * The default seed: the demo app, the demo user (10 profiles in 3 regions), a user with none, and
 * a seller in nine marketplaces with an Ads account over eight of them (for sets of profiles).
 */
export const DEFAULT_SEED: Required<EmulatorSeed> = {
  apps: [
    {
      name: "Acme Ads Connector (emulated)",
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUris: [DEMO_REDIRECT_URI, "http://127.0.0.1:8765/callback", "https://amazon.com"],
      scopes: KNOWN_SCOPES,
    },
  ],
  users: [
    {
      id: DEMO_USER_ID,
      name: "Dana Demo",
      email: "dana.demo@example.com",
      profiles: demoProfiles,
      adsAccounts: DEMO_ADS_ACCOUNTS,
      managerAccounts: DEMO_MANAGER_ACCOUNTS,
    },
    { id: EMPTY_USER_ID, name: "Noah New", email: "noah.new@example.com", profiles: [] },
    {
      id: MARKETPLACE_SELLER_USER_ID,
      name: "Mia Marketplace",
      email: "mia.marketplace@example.com",
      profiles: marketplaceSellerProfiles,
      adsAccounts: marketplaceSellerAdsAccounts,
    },
  ],
  signedInUserId: DEMO_USER_ID,
};
