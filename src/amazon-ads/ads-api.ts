/**
 * The Amazon Ads API calls this project needs: profiles and test accounts, with Amazon's headers
 * and its `{"code","details","requestId"}` errors mapped to typed ones.
 */
import { joinUrl } from "./endpoints.js";
import { AmazonAdsError, type AmazonAdsErrorCode } from "./errors.js";
import { responseDetails } from "./http-failures.js";
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

type Call = "listProfiles" | "getProfile" | "testAccounts";

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

  private send(
    accessToken: string,
    method: "GET" | "POST",
    path: string,
    options: CallOptions,
    extra: { query?: Record<string, string | undefined>; json?: unknown } = {},
  ): Promise<HttpResponse> {
    return this.transport.send({
      service: "the Amazon Ads API",
      method,
      url: joinUrl(this.apiUrl, path, extra.query),
      headers: {
        "Amazon-Advertising-API-ClientId": this.clientId,
        Authorization: `Bearer ${accessToken}`,
      },
      ...(extra.json === undefined ? {} : { json: extra.json }),
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
  return {
    code: text(record.code),
    details: text(record.details),
    message: text(record.message),
    requestId: text(record.requestId),
  };
}
