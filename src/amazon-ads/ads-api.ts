/**
 * The Amazon Ads API calls this project needs: profiles, test accounts, Ads accounts and manager
 * accounts, with Amazon's headers and media types, and its error bodies mapped to typed errors.
 */
import {
  LIST_ADS_ACCOUNTS_MEDIA_TYPE,
  MANAGER_ACCOUNTS_MEDIA_TYPE,
  MAX_ADS_ACCOUNTS_PAGE,
  listAllAdsAccounts,
  type AdsAccount,
  type AdsAccountPage,
  type ManagerAccount,
} from "./ads-accounts.js";
import { joinUrl } from "./endpoints.js";
import { AmazonAdsError, type AmazonAdsErrorCode } from "./errors.js";
import { firstListedError, responseDetails } from "./http-failures.js";
import { Transport, type CallOptions, type HttpResponse } from "./http.js";
import { isProfileId, profileFilterQuery, type Profile, type ProfileFilters } from "./profiles.js";
import { readBody, tryParseJson } from "./responses.js";
import {
  checkTestAccountRequest,
  testAccountBody,
  type TestAccount,
  type TestAccountReceipt,
  type TestAccountRequest,
} from "./test-accounts.js";
import { urlForMessage } from "./redact.js";

/** What {@link AdsApiClient} needs. */
export interface AdsApiClientOptions {
  /** Sent as `Amazon-Advertising-API-ClientId`; must be the client id the tokens belong to. */
  readonly clientId: string;
  /** The Ads API host (or a base URL with a path, for proxies). */
  readonly apiUrl: string;
  /** Transport to send with. @default a new Transport with default settings */
  readonly transport?: Transport;
}

type Call = "listProfiles" | "getProfile" | "testAccounts" | "adsAccounts" | "managerAccounts";

/** Calls the Amazon Ads API with an access token the caller supplies. */
export class AdsApiClient {
  /** The client id sent with every call. */
  readonly clientId: string;
  /** The host (or base URL) calls go to. */
  readonly apiUrl: string;
  private readonly transport: Transport;

  /** Creates a client; no request is made until a method is called. */
  constructor(options: AdsApiClientOptions) {
    this.clientId = options.clientId;
    this.apiUrl = options.apiUrl;
    this.transport = options.transport ?? new Transport();
  }

  /** `GET /v2/profiles` with the given filters. An empty list is not an error (see `explainEmptyProfileList`). */
  async listProfiles(
    accessToken: string,
    filters: ProfileFilters = {},
    options: CallOptions = {},
  ): Promise<Profile[]> {
    const response = await this.send(accessToken, "GET", "/v2/profiles", options, {
      query: profileFilterQuery(filters),
    });
    if (response.status !== 200) throw apiError(response, "listProfiles");
    const { profileListSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", profileListSchema);
  }

  /** `GET /v2/profiles/{profileId}`. Throws `PROFILE_NOT_FOUND` (404) or `PROFILE_NOT_ACCESSIBLE`. */
  async getProfile(
    accessToken: string,
    profileId: string,
    options: CallOptions = {},
  ): Promise<Profile> {
    if (!isProfileId(profileId)) {
      throw new AmazonAdsError(
        "INVALID_ARGUMENT",
        `"${profileId.slice(0, 40)}" is not a profile id; profile ids are decimal numbers such as ` +
          `3456789012345678.`,
      );
    }
    const response = await this.send(accessToken, "GET", `/v2/profiles/${profileId}`, options);
    if (response.status !== 200) throw apiError(response, "getProfile", profileId);
    const { singleProfileSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", singleProfileSchema);
  }

  /**
   * `POST /testAccounts`: asks Amazon to create a test account; poll with {@link listTestAccounts}.
   * A `VENDOR` request without a vendor code is refused (`INVALID_ARGUMENT`) before sending.
   */
  async createTestAccount(
    accessToken: string,
    request: TestAccountRequest,
    options: CallOptions = {},
  ): Promise<TestAccountReceipt> {
    checkTestAccountRequest(request);
    const response = await this.send(accessToken, "POST", "/testAccounts", options, {
      json: testAccountBody(request),
    });
    if (response.status !== 200 && response.status !== 201 && response.status !== 202) {
      throw apiError(response, "testAccounts");
    }
    const { testAccountCreatedSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", testAccountCreatedSchema);
  }

  /** `GET /testAccounts?requestId=`: the accounts of a creation request, with their status. */
  async listTestAccounts(
    accessToken: string,
    requestId: string,
    options: CallOptions = {},
  ): Promise<TestAccount[]> {
    const response = await this.send(accessToken, "GET", "/testAccounts", options, {
      query: { requestId },
    });
    if (response.status !== 200) throw apiError(response, "testAccounts");
    const { testAccountListSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", testAccountListSchema);
  }

  /**
   * `POST /adsAccounts/list`: one page of the global Ads accounts of the token's user (no scope
   * header: the call is user-wide). `maxResults` is 1–100 (Amazon's default 100).
   */
  async listAdsAccountsPage(
    accessToken: string,
    page: { readonly maxResults?: number; readonly nextToken?: string | undefined } = {},
    options: CallOptions = {},
  ): Promise<AdsAccountPage> {
    const { maxResults, nextToken } = page;
    const inRange =
      Number.isInteger(maxResults) && maxResults! >= 1 && maxResults! <= MAX_ADS_ACCOUNTS_PAGE;
    if (maxResults !== undefined && !inRange) {
      throw new AmazonAdsError(
        "INVALID_ARGUMENT",
        `maxResults must be a whole number from 1 to ${MAX_ADS_ACCOUNTS_PAGE}, not ${maxResults}.`,
      );
    }
    const response = await this.send(accessToken, "POST", "/adsAccounts/list", options, {
      json: {
        ...(maxResults === undefined ? {} : { maxResults }),
        ...(nextToken === undefined ? {} : { nextToken }),
      },
      mediaType: LIST_ADS_ACCOUNTS_MEDIA_TYPE,
    });
    if (response.status !== 200) throw apiError(response, "adsAccounts");
    const { adsAccountPageSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", adsAccountPageSchema);
  }

  /** Every global Ads account of the token's user: `POST /adsAccounts/list`, page after page. */
  listAdsAccounts(accessToken: string, options: CallOptions = {}): Promise<AdsAccount[]> {
    return listAllAdsAccounts((nextToken) =>
      this.listAdsAccountsPage(
        accessToken,
        { maxResults: MAX_ADS_ACCOUNTS_PAGE, nextToken },
        options,
      ),
    );
  }

  /** `GET /managerAccounts`: the manager accounts of the token's user, with their linked accounts. */
  async listManagerAccounts(
    accessToken: string,
    options: CallOptions = {},
  ): Promise<ManagerAccount[]> {
    const response = await this.send(accessToken, "GET", "/managerAccounts", options, {
      mediaType: MANAGER_ACCOUNTS_MEDIA_TYPE,
    });
    if (response.status !== 200) throw apiError(response, "managerAccounts");
    const { managerAccountListSchema } = await import("./schemas.js");
    return readBody(response, "the Amazon Ads API", managerAccountListSchema);
  }

  private send(
    accessToken: string,
    method: "GET" | "POST",
    path: string,
    options: CallOptions,
    extra: {
      query?: Record<string, string | undefined>;
      json?: unknown;
      /** A versioned media type: accepted (with JSON), and the Content-Type of a JSON body. */
      mediaType?: string;
    } = {},
  ): Promise<HttpResponse> {
    return this.transport.send({
      service: "the Amazon Ads API",
      method,
      url: joinUrl(this.apiUrl, path, extra.query),
      headers: {
        "Amazon-Advertising-API-ClientId": this.clientId,
        Authorization: `Bearer ${accessToken}`,
        // Errors come back as application/json, so it is accepted too (as Amazon's spec lists).
        ...(extra.mediaType === undefined
          ? {}
          : { accept: `${extra.mediaType}, application/json` }),
      },
      ...(extra.json === undefined ? {} : { json: extra.json }),
      ...(extra.json === undefined || extra.mediaType === undefined
        ? {}
        : { jsonMediaType: extra.mediaType }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
}

/** The typed error for a non-success Ads API response. */
function apiError(response: HttpResponse, call: Call, profileId?: string): AmazonAdsError {
  const body = readApiError(response);
  const said = [body.code, body.details ?? body.message].filter(Boolean).join(": ");
  const amazonSaid = said ? ` (${said.slice(0, 300)})` : "";
  const target = `${response.request.method} ${urlForMessage(response.request.url)}`;
  const details = responseDetails(response, {
    ...(body.code === undefined ? {} : { amazonError: body.code }),
    ...((body.details ?? body.message) === undefined
      ? {}
      : { amazonDescription: body.details ?? body.message }),
    ...(body.requestId === undefined ? {} : { requestId: body.requestId }),
  });
  const [code, message] = explain(response.status, call, profileId, said, amazonSaid, target);
  return new AmazonAdsError(code, message, details);
}

function explain(
  status: number,
  call: Call,
  profileId: string | undefined,
  said: string,
  amazonSaid: string,
  target: string,
): [AmazonAdsErrorCode, string] {
  if (status < 400) {
    return [
      "UNEXPECTED_RESPONSE",
      `The Amazon Ads API answered ${target} with ${status}, which it does not do for this call. ` +
        `Check that the API URL points at the Amazon Ads API and not at a page that redirects.`,
    ];
  }
  if (call === "getProfile" && status === 404) {
    return [
      "PROFILE_NOT_FOUND",
      `The Amazon Ads API has no profile ${profileId}${amazonSaid}. Check the id, and the region: ` +
        `each region's host knows only its own marketplaces' profiles.`,
    ];
  }
  if (call === "getProfile" && (status === 403 || /scope/i.test(said))) {
    // Amazon's answer for a profile of another region's marketplaces, asked of this region's host.
    if (/no matching advertiser/i.test(said)) {
      return [
        "PROFILE_NOT_ACCESSIBLE",
        `This host of the Amazon Ads API does not know profile ${profileId}${amazonSaid}. Each ` +
          `region's host (NA, EU, FE) serves only its own marketplaces' profiles: check that the ` +
          `region matches the profile's country, and that the consent was given by the Amazon ` +
          `user who manages the profile.`,
      ];
    }
    return [
      "PROFILE_NOT_ACCESSIBLE",
      `Profile ${profileId} is not accessible with this grant${amazonSaid}. The advertiser may have ` +
        `removed the user's access, or the consent was given by another Amazon user. List the ` +
        `profiles the grant can use, or grant access again with \`cdktf-amazon-ads login\`.`,
    ];
  }
  if ((call === "adsAccounts" || call === "managerAccounts") && status === 403) {
    const what = call === "adsAccounts" ? "Ads accounts" : "manager accounts";
    return [
      "UNAUTHORIZED",
      `The Amazon Ads API refused to list the ${what} (${target}: 403${amazonSaid}). Amazon's ` +
        `spec names no permission for this call, so check the grant: the consent must come from ` +
        `the Amazon user who manages the advertiser's accounts, with the ` +
        `advertising::campaign_management scope, for a Login with Amazon app that Amazon approved ` +
        `for the Amazon Ads API. If the consent was revoked, run \`cdktf-amazon-ads login\` again.`,
    ];
  }
  if (status === 401 || status === 403) {
    const scopeHint =
      call === "testAccounts"
        ? " Creating test accounts needs a grant with the advertising::test:create_account scope."
        : "";
    return [
      "UNAUTHORIZED",
      `The Amazon Ads API refused ${target} with ${status}${amazonSaid}. The access token must ` +
        `come from the same client id as the Amazon-Advertising-API-ClientId header, and the ` +
        `grant must still be valid.${scopeHint} If the consent was revoked, run ` +
        `\`cdktf-amazon-ads login\` again.`,
    ];
  }
  return [
    "REQUEST_REJECTED",
    `The Amazon Ads API rejected ${target} with ${status}${amazonSaid}. Retrying will not help; ` +
      `check the request's parameters.`,
  ];
}

interface ApiErrorBody {
  readonly code?: string | undefined;
  readonly details?: string | undefined;
  readonly message?: string | undefined;
  readonly requestId?: string | undefined;
}

// Error bodies are read leniently: a 401 from a gateway may be plain text, and the status alone
// still decides the error code.
function readApiError(response: HttpResponse): ApiErrorBody {
  const json = tryParseJson(response);
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const text = (value: unknown): string | undefined =>
    typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
  const listed = firstListedError(record);
  return {
    code: text(record.code) ?? listed.code,
    details: text(record.details),
    message: text(record.message) ?? listed.message,
    requestId: text(record.requestId),
  };
}
