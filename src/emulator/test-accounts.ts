/**
 * `POST /testAccounts` and `GET /testAccounts?requestId=`: Amazon's test accounts for API
 * integrators, served by the North America host only (for every marketplace). Creation needs the
 * `advertising::test:create_account` scope and a user who manages no real Ads accounts; a user gets
 * one AUTHOR account per marketplace.
 */
import * as z from "zod";
import { authenticate } from "./ads-auth.js";
import { type EmulatorRequest, type Reply, adsErrorReply, jsonReply } from "./exchange.js";
import { TEST_ACCOUNT_SCOPE } from "./scopes.js";
import type { EmulatorState } from "./state.js";
import type { TestAccountRequest } from "./test-account-requests.js";

/** The countries Amazon offers test accounts in. */
export const TEST_ACCOUNT_COUNTRIES = [
  "AE",
  "AU",
  "BE",
  "BR",
  "CA",
  "DE",
  "EG",
  "ES",
  "FR",
  "IT",
  "JP",
  "MX",
  "NL",
  "PL",
  "SA",
  "SE",
  "SG",
  "TR",
  "UK",
  "US",
] as const;

const creationSchema = z.object({
  countryCode: z.enum(TEST_ACCOUNT_COUNTRIES),
  accountType: z.enum(["VENDOR", "AUTHOR"]),
  accountMetaData: z.object({ vendorCode: z.string().min(1).optional() }).optional(),
});

// The EU and FE hosts have no /testAccounts: only the NA host serves it, whatever the marketplace.
function notOnThisHost(request: EmulatorRequest): Reply | undefined {
  if (request.region === "NA") return undefined;
  return adsErrorReply(
    request,
    404,
    "NOT_FOUND",
    `No resource at /testAccounts on the ${request.region} host: test accounts are served only on ` +
      "the North America host (advertising-api.amazon.com), for every marketplace.",
  );
}

function describe(request: TestAccountRequest, state: EmulatorState): object {
  const status = state.testAccounts.poll(request);
  return {
    countryCode: request.countryCode,
    accountType: request.accountType,
    ...(request.accountId === undefined ? {} : { id: request.accountId }),
    status,
    asins: request.asins,
  };
}

/** `POST /testAccounts`: starts creating a test account and answers its request id. */
export function createTestAccount(request: EmulatorRequest, state: EmulatorState): Reply {
  const elsewhere = notOnThisHost(request);
  if (elsewhere) return elsewhere;
  const auth = authenticate(request, state);
  if ("refusal" in auth) return auth.refusal;
  const grant = auth.token.grant;
  if (!grant.scopes.includes(TEST_ACCOUNT_SCOPE)) {
    return adsErrorReply(
      request,
      403,
      "FORBIDDEN",
      `Creating test accounts needs the ${TEST_ACCOUNT_SCOPE} scope; ask for consent with it.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return adsErrorReply(request, 400, "BAD_REQUEST", "The request body is not valid JSON");
  }
  const parsed = creationSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return adsErrorReply(
      request,
      400,
      "BAD_REQUEST",
      `Invalid request body at '${issue.path.join(".") || "(root)"}': ${issue.message}`,
    );
  }
  const { countryCode, accountType, accountMetaData } = parsed.data;
  if (accountType === "VENDOR" && accountMetaData?.vendorCode === undefined) {
    return adsErrorReply(
      request,
      400,
      "BAD_REQUEST",
      "A VENDOR test account needs accountMetaData.vendorCode (the vendor code, such as ABCDE)",
    );
  }
  const managesRealAccounts = state.directory.profilesOf(grant.userId).some((p) => !p.testAccount);
  if (managesRealAccounts) {
    return adsErrorReply(
      request,
      422,
      "UNPROCESSABLE_ENTITY",
      "Test accounts can only be created by an Amazon user that manages no advertising accounts",
    );
  }
  const duplicateAuthor =
    accountType === "AUTHOR" &&
    state.testAccounts
      .of(grant.userId)
      .some((r) => r.accountType === "AUTHOR" && r.countryCode === countryCode);
  if (duplicateAuthor) {
    return adsErrorReply(
      request,
      422,
      "UNPROCESSABLE_ENTITY",
      `An AUTHOR test account already exists for ${countryCode}; only one is allowed per marketplace`,
    );
  }
  const created = state.testAccounts.submit(
    grant.userId,
    countryCode,
    accountType,
    accountMetaData?.vendorCode,
  );
  return jsonReply(200, { requestId: created.requestId });
}

/** `GET /testAccounts[?requestId=]`: the status of one request, or of all the user's requests. */
export function getTestAccounts(request: EmulatorRequest, state: EmulatorState): Reply {
  const elsewhere = notOnThisHost(request);
  if (elsewhere) return elsewhere;
  const auth = authenticate(request, state);
  if ("refusal" in auth) return auth.refusal;
  const userId = auth.token.grant.userId;
  const requestId = request.query.get("requestId");
  if (requestId === null) {
    return jsonReply(
      200,
      state.testAccounts.of(userId).map((r) => describe(r, state)),
    );
  }
  const found = state.testAccounts.find(userId, requestId);
  if (!found) {
    return adsErrorReply(request, 404, "NOT_FOUND", `No test account request ${requestId}`);
  }
  return jsonReply(200, [describe(found, state)]);
}
