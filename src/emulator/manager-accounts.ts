/**
 * `GET /managerAccounts` (getManagerAccountsForUser of Amazon's "Manager Account" API v3.0): the
 * manager accounts of the token's user with their linked accounts (at most 50 each, no paging),
 * profile ids as JSON strings. The spec gives this call's errors no body; the emulator answers
 * with the `{"code","message"}` shape the same API documents for its other calls.
 */
import { authenticate, header } from "./ads-auth.js";
import { type EmulatorRequest, type Reply, jsonReply } from "./exchange.js";
import { accepts } from "./media-types.js";
import { PROFILE_SCOPES } from "./scopes.js";
import type { EmulatorState } from "./state.js";

/** The response media type of `GET /managerAccounts`. */
export const MANAGER_ACCOUNTS_TYPE = "application/vnd.getmanageraccountsresponse.v1+json";

const CODES: Readonly<Record<number, string>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  406: "BAD_REQUEST",
  429: "TOO_MANY_REQUESTS",
};

/** An error of the Manager Account API: `{"code","message"}` in its media type. */
export function managerErrorReply(
  request: EmulatorRequest,
  status: number,
  message: string,
  reason?: string,
): Reply {
  const reply = jsonReply(
    status,
    { code: CODES[status] ?? "INTERNAL_SERVICE_ERROR", message },
    reason ?? `${message} (request ${request.requestId})`,
  );
  return { ...reply, headers: { "content-type": MANAGER_ACCOUNTS_TYPE } };
}

/** `GET /managerAccounts`: the token's user's manager accounts. */
export function listManagerAccounts(request: EmulatorRequest, state: EmulatorState): Reply {
  const auth = authenticate(request, state);
  if ("refusal" in auth) return auth.refusal;
  const grant = auth.token.grant;
  if (!grant.scopes.some((s) => PROFILE_SCOPES.includes(s))) {
    return managerErrorReply(
      request,
      403,
      "Forbidden: the grant lacks the advertising::campaign_management scope.",
    );
  }
  if (!accepts(header(request, "accept"), MANAGER_ACCOUNTS_TYPE)) {
    return managerErrorReply(request, 406, `Accept must admit ${MANAGER_ACCOUNTS_TYPE}.`);
  }
  const managerAccounts = state.directory.accounts.managerAccountsOf(grant.userId).map((m) => ({
    managerAccountId: m.managerAccountId,
    managerAccountName: m.managerAccountName,
    linkedAccounts: m.linkedAccounts.map((a) => ({
      accountId: a.accountId,
      accountName: a.accountName,
      accountType: a.accountType,
      dspAdvertiserId: a.dspAdvertiserId ?? null,
      marketplaceId: a.marketplaceId ?? null,
      profileId: a.profileId ?? null,
    })),
  }));
  const reply = jsonReply(200, { managerAccounts });
  return { ...reply, headers: { "content-type": MANAGER_ACCOUNTS_TYPE } };
}
