/**
 * `POST /adsAccounts/list` (ListAdsAccounts of Amazon's "Advertising Accounts" API v3.0): the
 * global Ads accounts of the token's user, at most `maxResults` (1–100, default 100) a page with an
 * opaque `nextToken`, in Amazon's versioned media type, profile ids written as raw JSON numbers.
 * Errors are `{"errors":[{"errorCode","errorId","errorMessage"}]}` as `application/json`.
 *
 * Where Amazon documents nothing, the emulator chooses (and the docs say so): every regional host
 * answers with the same global list; a wrong `Content-Type` is 415 and an `Accept` that excludes
 * the media type 406; a grant without an Ads API scope is 403; the error codes and ids are its own.
 */
import type { AdsAccount } from "./account-book.js";
import { authenticate, header } from "./ads-auth.js";
import { type EmulatorRequest, type Reply, jsonReply } from "./exchange.js";
import { accepts, mediaTypeOf } from "./media-types.js";
import { PROFILE_SCOPES } from "./scopes.js";
import type { EmulatorState } from "./state.js";

/** The request and response media type of `POST /adsAccounts/list`. */
export const LIST_ADS_ACCOUNTS_TYPE = "application/vnd.listaccountsresource.v1+json";

const DEFAULT_PAGE = 100;

// The spec names exceptions (V2InvalidInputException, …) but no errorCode values: these are ours.
const ERROR_CODES: Readonly<Record<number, string>> = {
  400: "INVALID_INPUT",
  403: "ACCESS_DENIED",
  406: "NOT_ACCEPTABLE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_EXCEEDED",
  500: "INTERNAL_ERROR",
  502: "INTERNAL_ERROR",
  503: "INTERNAL_ERROR",
  504: "INTERNAL_ERROR",
};

/** An error of the Advertising Accounts API: `{"errors":[…]}`, the status as `errorId`. */
export function accountsErrorReply(
  request: EmulatorRequest,
  status: number,
  errorMessage: string,
  reason?: string,
): Reply {
  const errorCode = ERROR_CODES[status] ?? "ERROR";
  return jsonReply(
    status,
    { errors: [{ errorCode, errorId: status, errorMessage }] },
    reason ?? `${errorMessage} (request ${request.requestId})`,
  );
}

/** The page the request asks for, or the 400 message. */
function readPage(
  request: EmulatorRequest,
  state: EmulatorState,
  userId: string,
): { offset: number; size: number } | string {
  let body: unknown;
  try {
    body = request.body.trim() === "" ? {} : JSON.parse(request.body);
  } catch {
    return "The request body is not valid JSON.";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "The request body must be a JSON object.";
  }
  const { maxResults, nextToken } = body as Record<string, unknown>;
  let size = DEFAULT_PAGE;
  if (maxResults !== undefined) {
    if (typeof maxResults !== "number" || !Number.isInteger(maxResults)) {
      return "maxResults must be a whole number from 1 to 100.";
    }
    if (maxResults < 1 || maxResults > 100) {
      return `maxResults ${maxResults} is out of range: it must be from 1 to 100.`;
    }
    size = maxResults;
  }
  if (nextToken === undefined) return { offset: 0, size };
  const offset =
    typeof nextToken === "string"
      ? state.directory.accounts.pageOffset(nextToken, userId)
      : undefined;
  if (offset === undefined) return "nextToken is not a token this listing returned.";
  return { offset, size };
}

/** One account's JSON text, with each profile id spliced in as an exact number. */
export function adsAccountJson(account: AdsAccount): string {
  const alternateIds = account.alternateIds.map(
    (a) =>
      `{"countryCode":${JSON.stringify(a.countryCode)},"entityId":${JSON.stringify(a.entityId)},` +
      `"profileId":${a.profileId}}`,
  );
  const fields = [
    `"adsAccountId":${JSON.stringify(account.adsAccountId)}`,
    ...(account.accountName === undefined
      ? []
      : [`"accountName":${JSON.stringify(account.accountName)}`]),
    `"status":${JSON.stringify(account.status)}`,
    `"countryCodes":${JSON.stringify(account.countryCodes)}`,
    `"alternateIds":[${alternateIds.join(",")}]`,
    ...(Object.keys(account.errors).length === 0
      ? []
      : [`"errors":${JSON.stringify(account.errors)}`]),
  ];
  return `{${fields.join(",")}}`;
}

/** `POST /adsAccounts/list`: one page of the token's user's Ads accounts. */
export function listAdsAccounts(request: EmulatorRequest, state: EmulatorState): Reply {
  // The spec marks Amazon-Advertising-API-ClientId optional here; when sent it must match.
  const auth = authenticate(request, state, "optional");
  if ("refusal" in auth) return auth.refusal;
  const grant = auth.token.grant;
  if (!grant.scopes.some((s) => PROFILE_SCOPES.includes(s))) {
    return accountsErrorReply(
      request,
      403,
      "Access denied: the grant lacks the advertising::campaign_management scope.",
    );
  }
  const contentType = mediaTypeOf(header(request, "content-type"));
  if (contentType !== LIST_ADS_ACCOUNTS_TYPE) {
    return accountsErrorReply(
      request,
      415,
      `Content-Type must be ${LIST_ADS_ACCOUNTS_TYPE}, not ${contentType ?? "absent"}.`,
    );
  }
  if (!accepts(header(request, "accept"), LIST_ADS_ACCOUNTS_TYPE)) {
    return accountsErrorReply(request, 406, `Accept must admit ${LIST_ADS_ACCOUNTS_TYPE}.`);
  }
  const page = readPage(request, state, grant.userId);
  if (typeof page === "string") return accountsErrorReply(request, 400, page);
  const book = state.directory.accounts;
  const all = book.adsAccountsOf(grant.userId);
  const end = page.offset + page.size;
  const shown = all.slice(page.offset, end);
  const next =
    end < all.length ? `,"nextToken":${JSON.stringify(book.pageToken(grant.userId, end))}` : "";
  return {
    status: 200,
    headers: { "content-type": LIST_ADS_ACCOUNTS_TYPE },
    body: `{"adsAccounts":[${shown.map(adsAccountJson).join(",")}]${next}}`,
  };
}
