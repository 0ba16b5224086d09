/**
 * `GET /v2/profiles` and `GET /v2/profiles/{profileId}`: the profiles the token's user can reach on
 * this region's host, with Amazon's filters. Profile ids are written as raw JSON numbers, however
 * large, so clients that parse them as doubles get them wrong exactly as with Amazon.
 */
import { authenticate, unauthorized } from "./ads-auth.js";
import type { Profile } from "./directory.js";
import { type EmulatorRequest, type Reply, adsErrorReply, rawJsonReply } from "./exchange.js";
import { PROFILE_SCOPES } from "./scopes.js";
import { API_PROGRAMS, type ApiProgram } from "./seed.js";
import type { EmulatorState } from "./state.js";

const PROFILE_TYPES = ["seller", "vendor", "agency"];

/** A profile's JSON text as the Ads API writes it, with `profileId` as an exact number. */
export function profileJson(profile: Profile): string {
  const rest = JSON.stringify({
    countryCode: profile.countryCode,
    currencyCode: profile.currencyCode,
    ...(profile.dailyBudget === undefined ? {} : { dailyBudget: profile.dailyBudget }),
    timezone: profile.timezone,
    accountInfo: profile.accountInfo,
  });
  // JSON.stringify cannot write an int64 exactly; splice the digits in as they are.
  return `{"profileId":${profile.profileId},${rest.slice(1)}`;
}

interface ProfileFilters {
  readonly apiProgram: ApiProgram;
  readonly accessLevel: "edit" | "view";
  readonly types?: readonly string[];
  readonly validPaymentMethod?: boolean;
}

function readFilters(query: URLSearchParams): ProfileFilters | string {
  const apiProgram = query.get("apiProgram") ?? "campaign";
  if (!(API_PROGRAMS as readonly string[]).includes(apiProgram)) {
    return `Invalid apiProgram '${apiProgram}'; expected one of ${API_PROGRAMS.join(", ")}`;
  }
  const accessLevel = query.get("accessLevel") ?? "edit";
  if (accessLevel !== "edit" && accessLevel !== "view") {
    return `Invalid accessLevel '${accessLevel}'; expected edit or view`;
  }
  const typeList = query.get("profileTypeFilter");
  const types = typeList?.split(",").map((t) => t.trim());
  const unknownType = types?.find((t) => !PROFILE_TYPES.includes(t));
  if (unknownType !== undefined) {
    return `Invalid profileTypeFilter '${unknownType}'; expected seller, vendor or agency`;
  }
  const payment = query.get("validPaymentMethodFilter");
  if (payment !== null && payment !== "true" && payment !== "false") {
    return `Invalid validPaymentMethodFilter '${payment}'; expected true or false`;
  }
  return {
    apiProgram: apiProgram as ApiProgram,
    accessLevel,
    ...(types ? { types } : {}),
    ...(payment === null ? {} : { validPaymentMethod: payment === "true" }),
  };
}

function matches(profile: Profile, filters: ProfileFilters): boolean {
  // `view` is the weaker level: asking for it also shows the profiles the user can edit.
  if (filters.accessLevel === "edit" && profile.accessLevel !== "edit") return false;
  if (!profile.apiPrograms.includes(filters.apiProgram)) return false;
  if (filters.types && !filters.types.includes(profile.accountInfo.type)) return false;
  if (
    filters.validPaymentMethod !== undefined &&
    (profile.accountInfo.validPaymentMethod === true) !== filters.validPaymentMethod
  ) {
    return false;
  }
  return true;
}

function authorizeProfiles(
  request: EmulatorRequest,
  state: EmulatorState,
): { userId: string } | { refusal: Reply } {
  const result = authenticate(request, state);
  if ("refusal" in result) return result;
  const grant = result.token.grant;
  if (!grant.scopes.some((s) => PROFILE_SCOPES.includes(s))) {
    return { refusal: unauthorized(request, "grant lacks advertising::campaign_management") };
  }
  return { userId: grant.userId };
}

function settleTestAccounts(state: EmulatorState, userId: string): void {
  for (const pending of state.testAccounts.of(userId)) state.testAccounts.settle(pending);
}

/** `GET /v2/profiles`: this region's profiles of the token's user, filtered. */
export function listProfiles(request: EmulatorRequest, state: EmulatorState): Reply {
  const auth = authorizeProfiles(request, state);
  if ("refusal" in auth) return auth.refusal;
  const filters = readFilters(request.query);
  if (typeof filters === "string") return adsErrorReply(request, 400, "BAD_REQUEST", filters);
  settleTestAccounts(state, auth.userId);
  const profiles = state.directory
    .profilesOf(auth.userId)
    .filter((p) => p.region === request.region && matches(p, filters));
  return rawJsonReply(200, `[${profiles.map(profileJson).join(",")}]`);
}

/** `GET /v2/profiles/{profileId}`: one profile, if the token's user can reach it on this host. */
export function getProfile(request: EmulatorRequest, state: EmulatorState): Reply {
  const auth = authorizeProfiles(request, state);
  if ("refusal" in auth) return auth.refusal;
  const profileId = request.path.slice("/v2/profiles/".length);
  settleTestAccounts(state, auth.userId);
  const profile = state.directory.profile(profileId);
  if (!profile) {
    return adsErrorReply(request, 404, "NOT_FOUND", `Profile ${profileId} not found`);
  }
  if (profile.ownerId !== auth.userId) {
    return adsErrorReply(
      request,
      401,
      "UNAUTHORIZED",
      `Not authorized to access scope ${profileId}`,
    );
  }
  if (profile.region !== request.region) {
    return adsErrorReply(
      request,
      401,
      "UNAUTHORIZED",
      "No matching advertiser found for scope",
      `profile ${profileId} lives in ${profile.region}, not ${request.region}`,
    );
  }
  return rawJsonReply(200, profileJson(profile));
}
