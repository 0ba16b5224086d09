/**
 * The admin handle over HTTP, under `/_emulator/`, for tests that drive the emulator as a separate
 * process (the `emulator` command). Bodies and answers are JSON; a bad request answers 400
 * `{"error": "..."}` saying what to fix.
 */
import * as z from "zod";
import type { EmulatorAdmin } from "./admin.js";
import type { FaultSpec } from "./faults.js";
import { type Reply, jsonReply } from "./exchange.js";
import { API_PROGRAMS } from "./seed.js";
import { ADS_ACCOUNT_STATUSES } from "./seed-accounts.js";

const profileSchema = z.strictObject({
  profileId: z.string().regex(/^\d{1,19}$/, "profileId must be a string of decimal digits"),
  countryCode: z.string().min(2),
  currencyCode: z.string().min(3),
  timezone: z.string().min(1),
  dailyBudget: z.number().optional(),
  accountInfo: z.strictObject({
    marketplaceStringId: z.string().min(1),
    id: z.string().min(1),
    type: z.enum(["seller", "vendor", "agency"]),
    name: z.string().optional(),
    subType: z.string().optional(),
    validPaymentMethod: z.boolean().optional(),
  }),
  accessLevel: z.enum(["edit", "view"]).optional(),
  apiPrograms: z.array(z.enum(API_PROGRAMS)).optional(),
  region: z.enum(["NA", "EU", "FE"]).optional(),
});

const adsAccountSchema = z.strictObject({
  adsAccountId: z.string().regex(/^[A-Za-z0-9.-]+$/, "adsAccountId must match ^[A-Za-z0-9.-]+$"),
  accountName: z.string().optional(),
  status: z.enum(ADS_ACCOUNT_STATUSES).optional(),
  countryCodes: z.array(z.string().min(2)).max(100).optional(),
  profileIds: z
    .array(z.string().regex(/^\d{1,19}$/))
    .max(100)
    .optional(),
  errors: z
    .record(
      z.string(),
      z.array(
        z.strictObject({
          errorCode: z.string().min(1),
          errorId: z.number(),
          errorMessage: z.string().min(1),
        }),
      ),
    )
    .optional(),
});

const grantTermsShape = {
  clientId: z.string().min(1).optional(),
  scopes: z.array(z.string().min(1)).optional(),
  userId: z.string().min(1).optional(),
};

const schemas = {
  clock: z.strictObject({ seconds: z.number().nonnegative() }),
  code: z.strictObject({
    ...grantTermsShape,
    redirectUri: z.string().min(1).optional(),
    codeChallenge: z.string().min(1).optional(),
    codeChallengeMethod: z.enum(["S256", "plain"]).optional(),
  }),
  grant: z.strictObject({
    ...grantTermsShape,
    consentedAt: z.number().int().nonnegative().optional(),
  }),
  revoke: z.union([
    z.strictObject({ refreshToken: z.string().min(1) }),
    z.strictObject({ userId: z.string().min(1) }),
  ]),
  user: z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    email: z.string().min(1),
    profiles: z.array(profileSchema).optional(),
    adsAccounts: z.array(adsAccountSchema).optional(),
  }),
  signIn: z.strictObject({ userId: z.string().min(1) }),
  profile: z.strictObject({ userId: z.string().min(1).optional(), profile: profileSchema }),
  adsAccount: z.strictObject({ userId: z.string().min(1).optional(), account: adsAccountSchema }),
};

function readJson(body: string): unknown {
  try {
    return body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    throw new Error("The request body is not JSON.");
  }
}

function parse<T>(schema: z.ZodType<T>, body: string): T {
  const parsed = schema.safeParse(readJson(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid '${issue.path.join(".") || "(body)"}': ${issue.message}`);
  }
  return parsed.data;
}

function dispatch(
  method: string,
  path: string,
  body: string,
  admin: EmulatorAdmin,
  info: () => object,
): unknown {
  // "/_emulator/faults/fault-1" → ["faults", "fault-1"]; ids are the last segment.
  const segments = path.split("/").slice(2);
  const id = segments[1];
  const withId = method === "DELETE" && segments.length === 2;
  const key = `${method} ${withId ? `${segments[0]}/:id` : segments.join("/")}`;
  switch (key) {
    case "GET ":
      return info();
    case "GET clock":
      return { now: admin.now() };
    case "POST clock/advance":
      return { now: admin.advanceClock(parse(schemas.clock, body).seconds) };
    case "POST codes":
      return { code: admin.issueCode(parse(schemas.code, body)) };
    case "POST refresh-tokens":
      return admin.issueRefreshToken(parse(schemas.grant, body));
    case "POST grants/revoke": {
      const target = parse(schemas.revoke, body);
      return {
        revoked:
          "refreshToken" in target
            ? Number(admin.revokeGrant(target.refreshToken))
            : admin.revokeUserGrants(target.userId),
      };
    }
    case "GET faults":
      return { faults: admin.faults() };
    case "POST faults":
      // The fault registry validates the spec and says what is wrong with it.
      return { id: admin.injectFault(readJson(body) as FaultSpec) };
    case "DELETE faults":
      return { cleared: admin.clearFaults() };
    case "DELETE faults/:id":
      return { cleared: admin.clearFaults(decodeURIComponent(id!)) };
    case "POST users":
      admin.addUser(parse(schemas.user, body));
      return {};
    case "POST sign-in":
      admin.signIn(parse(schemas.signIn, body).userId);
      return {};
    case "POST profiles": {
      const { userId, profile } = parse(schemas.profile, body);
      return { region: admin.addProfile(profile, userId) };
    }
    case "DELETE profiles/:id":
      return { removed: admin.removeProfile(decodeURIComponent(id!)) };
    case "POST ads-accounts": {
      const { userId, account } = parse(schemas.adsAccount, body);
      admin.addAdsAccount(account, userId);
      return {};
    }
    case "DELETE ads-accounts/:id":
      return { removed: admin.removeAdsAccount(decodeURIComponent(id!)) };
    case "GET traffic":
      return admin.traffic();
    case "POST traffic/reset":
      admin.resetCounters();
      return {};
    case "GET secrets":
      return { secrets: admin.secrets() };
    default:
      return undefined;
  }
}

/** Answers a request under `/_emulator` (path without region prefix, body already read). */
export function handleAdminRequest(
  method: string,
  path: string,
  body: string,
  admin: EmulatorAdmin,
  info: () => object,
): Reply {
  try {
    const answer = dispatch(method, path.replace(/\/+$/, ""), body, admin, info);
    if (answer === undefined) {
      return jsonReply(404, { error: `No admin route ${method} ${path}; see GET /_emulator.` });
    }
    return jsonReply(200, answer);
  } catch (error) {
    // Admin mistakes (bad JSON, unknown client, invalid fault) are the caller's to fix: 400.
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
