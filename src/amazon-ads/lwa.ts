/**
 * Step 2 of Amazon's guide: the Login with Amazon token endpoint (code exchange, refresh, and a
 * credential check that needs no grant).
 */
import { AmazonAdsError } from "./errors.js";
import { responseDetails } from "./http-failures.js";
import { Transport, type CallOptions, type HttpResponse } from "./http.js";
import { malformed, readBody } from "./responses.js";
import { tokenError, type GrantType } from "./token-errors.js";

/** An LwA client application's credentials. */
export interface LwaCredentials {
  /** `amzn1.application-oa2-client.<32 hex>`. */
  readonly clientId: string;
  /** The app's client secret. */
  readonly clientSecret: string;
}

/** What {@link LwaClient} needs. */
export interface LwaClientOptions extends LwaCredentials {
  /** The region's LwA token endpoint (see `resolveEndpoints`). */
  readonly tokenUrl: string;
  /** Transport to send with. @default a new Transport with default settings */
  readonly transport?: Transport;
}

/** Tokens from a code exchange or refresh. `expiresAt` counts from when the request was sent. */
export interface TokenSet {
  /** `Atza|…`, valid `expiresIn` seconds. */
  readonly accessToken: string;
  /** `Atzr|…`; a refresh returns the same one (LwA does not rotate them). */
  readonly refreshToken: string;
  /** `bearer`. */
  readonly tokenType: string;
  /** Lifetime in seconds as LwA reported it (3600). */
  readonly expiresIn: number;
  /** When the access token expires (injected clock). */
  readonly expiresAt: Date;
  /** Scopes, when LwA reports them. */
  readonly scope?: string;
}

/** An authorization code to redeem, with what the consent URL used. */
export interface CodeRedemption {
  /** The code from the consent redirect (valid 5 minutes, once). */
  readonly code: string;
  /** Exactly the redirect URI of the consent URL. */
  readonly redirectUri: string;
  /** The PKCE verifier, when the consent URL carried a challenge. */
  readonly codeVerifier?: string;
}

// A refresh token LwA cannot know: good credentials then fail on the grant, bad ones on the client.
const CREDENTIAL_PROBE_TOKEN = "Atzr|cdktf-amazon-ads-credential-check";

/** Talks to the Login with Amazon token endpoint for one client application. */
export class LwaClient {
  /** The app's client id. */
  readonly clientId: string;
  // A private field never shows when the client is logged or inspected.
  readonly #clientSecret: string;
  private readonly tokenUrl: string;
  private readonly transport: Transport;

  /** Creates a client; no request is made until a method is called. */
  constructor(options: LwaClientOptions) {
    this.clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.tokenUrl = options.tokenUrl;
    this.transport = options.transport ?? new Transport();
  }

  /**
   * Redeems an authorization code (once; Amazon refuses a second redemption). Throws
   * `CODE_EXPIRED_OR_USED`, `REDIRECT_URI_MISMATCH`, `PKCE_MISMATCH`, `INVALID_CLIENT`, ….
   */
  async redeemAuthorizationCode(
    redemption: CodeRedemption,
    options: CallOptions = {},
  ): Promise<TokenSet> {
    const response = await this.post(
      {
        grant_type: "authorization_code",
        code: redemption.code,
        redirect_uri: redemption.redirectUri,
        code_verifier: redemption.codeVerifier,
      },
      options,
    );
    return this.tokens(response, "authorization_code");
  }

  /** Exchanges a refresh token for a new access token. Throws `REVOKED_GRANT` when it is revoked. */
  async refreshAccessToken(refreshToken: string, options: CallOptions = {}): Promise<TokenSet> {
    const response = await this.post(
      { grant_type: "refresh_token", refresh_token: refreshToken },
      options,
    );
    return this.tokens(response, "refresh_token", refreshToken);
  }

  /**
   * Checks the client id and secret without a grant: resolves when LwA accepts them, throws
   * `INVALID_CLIENT` when it does not (a refresh with a made-up refresh token is answered
   * `invalid_client` for bad credentials and `invalid_grant` for good ones).
   */
  async verifyClientCredentials(options: CallOptions = {}): Promise<void> {
    const response = await this.post(
      { grant_type: "refresh_token", refresh_token: CREDENTIAL_PROBE_TOKEN },
      options,
    );
    if (response.status === 200) return;
    const body = await this.errorBody(response);
    if (body.error === "invalid_grant") return;
    throw tokenError(response, "refresh_token", body);
  }

  private post(
    fields: Record<string, string | undefined>,
    options: CallOptions,
  ): Promise<HttpResponse> {
    return this.transport.send({
      service: "Login with Amazon",
      method: "POST",
      url: this.tokenUrl,
      form: { ...fields, client_id: this.clientId, client_secret: this.#clientSecret },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  private async tokens(
    response: HttpResponse,
    grantType: GrantType,
    knownRefreshToken?: string,
  ): Promise<TokenSet> {
    if (response.status !== 200)
      throw tokenError(response, grantType, await this.errorBody(response));
    const { tokenResponseSchema } = await import("./schemas.js");
    const body = readBody(response, "Login with Amazon", tokenResponseSchema);
    const refreshToken = body.refresh_token ?? knownRefreshToken;
    if (refreshToken === undefined) {
      throw malformed(response, "Login with Amazon", "it carries no refresh_token");
    }
    return {
      accessToken: body.access_token,
      refreshToken,
      tokenType: body.token_type ?? "bearer",
      expiresIn: body.expires_in,
      expiresAt: new Date(response.sentAt + body.expires_in * 1000),
      ...(body.scope === undefined ? {} : { scope: body.scope }),
    };
  }

  private async errorBody(
    response: HttpResponse,
  ): Promise<{ error: string; error_description?: string | undefined }> {
    if (response.status < 400) {
      throw new AmazonAdsError(
        "UNEXPECTED_RESPONSE",
        `Login with Amazon answered the token request with ${response.status}, ` +
          `which it never does. Check that the token URL points at the LwA token endpoint ` +
          `(…/auth/o2/token) and not at a page that redirects.`,
        responseDetails(response),
      );
    }
    const { tokenErrorSchema } = await import("./schemas.js");
    return readBody(response, "Login with Amazon", tokenErrorSchema);
  }
}
