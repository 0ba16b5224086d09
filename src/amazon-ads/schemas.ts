/**
 * zod schemas of Amazon's responses. Loaded on first use (zod costs tens of milliseconds to load
 * and most provider processes never parse a response). Structure is checked; enum-like values
 * (countries, time zones, account types) are kept as strings because Amazon adds new ones.
 */
import * as z from "zod";
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
