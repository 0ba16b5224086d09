/**
 * zod schemas of Amazon's responses. Loaded on first use (zod costs tens of milliseconds to load
 * and most provider processes never parse a response). Structure is checked; enum-like values
 * (countries, time zones, account types) are kept as strings because Amazon adds new ones.
 */
import * as z from "zod";
import type { AdsAccountPage, ManagerAccount } from "./ads-accounts.js";
import type { Profile } from "./profiles.js";
import type { TestAccount } from "./test-accounts.js";

// Amazon may send null for an absent optional field; both read as undefined.
const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);

/** LwA's 200 answer to a code exchange or refresh. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: optional(z.string().min(1)),
  token_type: optional(z.string()),
  expires_in: z.number().int().positive(),
  scope: optional(z.string()),
});

/** LwA's error answer: `{"error", "error_description"}`. */
export const tokenErrorSchema = z.object({
  error: z.string().min(1),
  error_description: optional(z.string()),
});

// Profile ids arrive as JSON numbers (bigint when above 2^53, see lossless-json.ts); some proxies
// send strings. Every form becomes the decimal string.
const profileId = z
  .union([
    z.bigint().nonnegative(),
    z.number().int().nonnegative(),
    z.string().regex(/^\d+$/, "a decimal profile id"),
  ])
  .transform((value) => value.toString());

const profileSchema = z.object({
  profileId,
  countryCode: z.string(),
  currencyCode: z.string(),
  dailyBudget: optional(z.number()),
  timezone: z.string(),
  accountInfo: z.object({
    marketplaceStringId: z.string(),
    id: z.string(),
    type: z.string(),
    name: optional(z.string()),
    subType: optional(z.string()),
    validPaymentMethod: optional(z.boolean()),
  }),
}) satisfies z.ZodType<Profile, unknown>;

/** One profile, as `GET /v2/profiles/{id}` returns it. */
export const singleProfileSchema: z.ZodType<Profile, unknown> = profileSchema;

/** The bare array `GET /v2/profiles` returns. */
export const profileListSchema: z.ZodType<Profile[], unknown> = z.array(profileSchema);

/** `POST /testAccounts` answer. */
export const testAccountCreatedSchema = z.object({ requestId: z.string().min(1) });

/** `GET /testAccounts?requestId=` answer: a bare array. */
export const testAccountListSchema: z.ZodType<TestAccount[], unknown> = z.array(
  z.object({
    countryCode: z.string(),
    accountType: z.string(),
    id: optional(z.string()),
    status: z.string(),
    asins: optional(z.array(z.string())).transform((asins) => asins ?? []),
  }),
);

// Numbers Amazon may send above 2^53 (bigint from the lossless parser), kept as decimal text.
const exactInteger = z
  .union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/, "a decimal integer")])
  .transform((value) => value.toString());

const alternateIdSchema = z.object({
  countryCode: optional(z.string()),
  entityId: optional(z.string()),
  profileId: optional(profileId),
});

const adsAccountErrorSchema = z.object({
  errorCode: optional(z.string()),
  errorId: optional(exactInteger),
  errorMessage: optional(z.string()),
});

const adsAccountSchema = z.object({
  adsAccountId: z.string().regex(/^[A-Za-z0-9.-]+$/, "an Ads account id"),
  accountName: optional(z.string()),
  status: optional(z.string()),
  countryCodes: optional(z.array(z.string())).transform((codes) => codes ?? []),
  alternateIds: optional(z.array(alternateIdSchema)).transform((ids) => ids ?? []),
  errors: optional(z.record(z.string(), z.array(adsAccountErrorSchema))).transform(
    (errors) => errors ?? {},
  ),
});

/** One page of `POST /adsAccounts/list`. */
export const adsAccountPageSchema: z.ZodType<AdsAccountPage, unknown> = z.object({
  adsAccounts: z.array(adsAccountSchema),
  nextToken: optional(z.string()),
});

/** `GET /managerAccounts` answer. */
export const managerAccountListSchema: z.ZodType<ManagerAccount[], unknown> = z
  .object({
    managerAccounts: z.array(
      z.object({
        managerAccountId: z.string().min(1),
        managerAccountName: optional(z.string()),
        linkedAccounts: optional(
          z.array(
            z.object({
              accountId: z.string().min(1),
              accountName: optional(z.string()),
              accountType: optional(z.string()),
              marketplaceId: optional(z.string()),
              dspAdvertiserId: optional(z.string()),
              profileId: optional(profileId),
            }),
          ),
        ).transform((linked) => linked ?? []),
      }),
    ),
  })
  .transform((answer) => answer.managerAccounts);
