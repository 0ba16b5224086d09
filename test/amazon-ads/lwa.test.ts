import { inspect } from "node:util";
import { Transport } from "../../src/amazon-ads/http.js";
import { LwaClient } from "../../src/amazon-ads/lwa.js";
import { fakeSeams, type FakeSeams } from "./support/fakes.js";
import {
  closeServers,
  resetConnection,
  sendJson,
  sendText,
  startServer,
  type Handler,
} from "./support/local-server.js";
import {
  CLIENT_ID,
  SECRETS,
  SECRET_MARKER,
  caught,
  expectNoSecretLeaked,
  recordingLogger,
} from "./support/secrets.js";

const TOKENS = {
  access_token: SECRETS.accessToken,
  refresh_token: SECRETS.refreshToken,
  token_type: "bearer",
  expires_in: 3600,
};

let seams: FakeSeams;

beforeEach(() => {
  seams = fakeSeams();
});

afterEach(async () => {
  await closeServers();
  expectNoSecretLeaked();
});

async function lwaAgainst(handler: Handler) {
  const server = await startServer(handler);
  const logger = recordingLogger();
  const lwa = new LwaClient({
    clientId: CLIENT_ID,
    clientSecret: SECRETS.clientSecret,
    tokenUrl: `${server.url}/auth/o2/token`,
    transport: new Transport({ ...seams, logger }),
  });
  return { server, lwa, logger };
}

describe("LwA code exchange and refresh", () => {
  it("redeems a code with a form-encoded POST carrying every field and the PKCE verifier", async () => {
    const { server, lwa } = await lwaAgainst((_, res) => sendJson(res, 200, TOKENS));
    const tokens = await lwa.redeemAuthorizationCode({
      code: SECRETS.code,
      redirectUri: "http://localhost:8765/callback",
      codeVerifier: SECRETS.codeVerifier,
    });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/auth/o2/token");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      grant_type: "authorization_code",
      code: SECRETS.code,
      redirect_uri: "http://localhost:8765/callback",
      code_verifier: SECRETS.codeVerifier,
      client_id: CLIENT_ID,
      client_secret: SECRETS.clientSecret,
    });
    expect(tokens).toEqual({
      accessToken: SECRETS.accessToken,
      refreshToken: SECRETS.refreshToken,
      tokenType: "bearer",
      expiresIn: 3600,
      expiresAt: new Date(seams.now() + 3600_000),
    });
  });

  it("sends no code_verifier when the consent used no PKCE", async () => {
    const { server, lwa } = await lwaAgainst((_, res) => sendJson(res, 200, TOKENS));
    await lwa.redeemAuthorizationCode({ code: SECRETS.code, redirectUri: "https://amazon.com" });
    expect(server.requests[0]?.form.has("code_verifier")).toBe(false);
  });

  it("refreshes with grant_type=refresh_token and keeps the refresh token when LwA omits it", async () => {
    const { server, lwa } = await lwaAgainst((_, res) =>
      sendJson(res, 200, {
        access_token: SECRETS.accessToken2,
        token_type: "bearer",
        expires_in: 60,
      }),
    );
    const tokens = await lwa.refreshAccessToken(SECRETS.refreshToken);
    expect(Object.fromEntries(server.requests[0]?.form ?? [])).toEqual({
      grant_type: "refresh_token",
      refresh_token: SECRETS.refreshToken,
      client_id: CLIENT_ID,
      client_secret: SECRETS.clientSecret,
    });
    expect(tokens.refreshToken).toBe(SECRETS.refreshToken);
    expect(tokens.accessToken).toBe(SECRETS.accessToken2);
    expect(tokens.expiresAt.getTime()).toBe(seams.now() + 60_000);
  });

  it("logs each attempt with method, redacted URL, status and attempt, and no secret", async () => {
    const { lwa, logger } = await lwaAgainst((_, res) => sendJson(res, 200, TOKENS));
    await lwa.refreshAccessToken(SECRETS.refreshToken);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/auth\/o2\/token -> 200 in \d+ ms \(attempt 1\)/,
    );
    expect(logger.lines[0]).toContain('"refresh_token":"[REDACTED]"');
    expect(logger.lines[0]).toContain('"client_secret":"[REDACTED]"');
    expect(logger.lines[0]).toContain(`"client_id":"${CLIENT_ID}"`);
  });
});

type Row = [
  situation: string,
  grant: "code" | "refresh",
  status: number,
  body: object,
  code: string,
];

// Every row of the token error table in the facts, answered by a real server.
const TOKEN_ERRORS: Row[] = [
  [
    "code expired or already used",
    "code",
    400,
    {
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : code",
    },
    "CODE_EXPIRED_OR_USED",
  ],
  [
    "redirect_uri differs from the consent's",
    "code",
    400,
    {
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : redirect_uri",
    },
    "REDIRECT_URI_MISMATCH",
  ],
  [
    "refresh token revoked",
    "refresh",
    400,
    {
      error: "invalid_grant",
      error_description:
        "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
    },
    "REVOKED_GRANT",
  ],
  [
    "wrong client id or secret (code)",
    "code",
    401,
    { error: "invalid_client", error_description: "Client authentication failed" },
    "INVALID_CLIENT",
  ],
  [
    "wrong client id or secret (refresh)",
    "refresh",
    401,
    { error: "invalid_client", error_description: "Client authentication failed" },
    "INVALID_CLIENT",
  ],
  [
    "missing field",
    "code",
    400,
    {
      error: "invalid_request",
      error_description: "The request is missing a required parameter : redirect_uri",
    },
    "INVALID_REQUEST",
  ],
  [
    "unparseable body",
    "refresh",
    400,
    { error: "invalid_request", error_description: "Malformed request" },
    "INVALID_REQUEST",
  ],
  [
    "wrong grant_type",
    "refresh",
    400,
    { error: "unsupported_grant_type" },
    "UNSUPPORTED_GRANT_TYPE",
  ],
  [
    "code_verifier mismatch",
    "code",
    400,
    {
      error: "invalid_grant",
      error_description: "The request has an invalid grant parameter : code_verifier",
    },
    "PKCE_MISMATCH",
  ],
  [
    "code_verifier missing",
    "code",
    400,
    {
      error: "invalid_request",
      error_description: "The request is missing a required parameter : code_verifier",
    },
    "PKCE_MISMATCH",
  ],
  ["unknown error", "refresh", 400, { error: "invalid_scope" }, "REQUEST_REJECTED"],
];

describe("LwA token errors", () => {
  it.each(TOKEN_ERRORS)(
    "%s → %s … %s, asked once",
    async (_situation, grant, status, body, code) => {
      const { server, lwa } = await lwaAgainst((_, res) =>
        sendJson(res, status, body, { "x-amzn-RequestId": "req-1" }),
      );
      const error = await caught(
        grant === "code"
          ? lwa.redeemAuthorizationCode({ code: SECRETS.code, redirectUri: "https://amazon.com" })
          : lwa.refreshAccessToken(SECRETS.refreshToken),
      );
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.amazonError).toBe((body as { error: string }).error);
      expect(error.requestId).toBe("req-1");
      expect(server.requests).toHaveLength(1);
      expect(seams.sleeps).toEqual([]);
    },
  );

  it.each([
    [500, "server_error"],
    [503, "temporarily_unavailable"],
  ])("retries %i %s, then reports AMAZON_UNAVAILABLE", async (status, amazonError) => {
    const { server, lwa } = await lwaAgainst((_, res) =>
      sendJson(res, status, { error: amazonError, error_description: "try later" }),
    );
    const error = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
    expect(error.code).toBe("AMAZON_UNAVAILABLE");
    expect(error.attempts).toBe(5);
    expect(server.requests).toHaveLength(5);
    expect(seams.sleeps).toEqual([2000, 4000, 8000, 16000]);
  });

  it("tells what to do in the message of each final error", async () => {
    const answers: [object, number][] = [
      [{ error: "invalid_grant", error_description: "… : refresh_token" }, 400],
      [{ error: "invalid_grant", error_description: "… parameter : redirect_uri" }, 400],
      [{ error: "invalid_client", error_description: "Client authentication failed" }, 401],
    ];
    const { lwa } = await lwaAgainst((_, res, index) => {
      const [body, status] = answers[index] ?? [{}, 500];
      sendJson(res, status, body);
    });
    const revoked = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
    expect(revoked.message).toContain("run `cdktf-amazon-ads login` again");
    const mismatch = await caught(
      lwa.redeemAuthorizationCode({ code: SECRETS.code, redirectUri: "https://amazon.com" }),
    );
    expect(mismatch.message).toContain("Allowed Return URLs");
    const client = await caught(lwa.verifyClientCredentials());
    expect(client.message).toContain("Amazon Developer console");
  });

  it("warns that a code may have been spent by an attempt that failed in transit", async () => {
    const { server, lwa } = await lwaAgainst((_, res, index) => {
      if (index === 0) return resetConnection(res);
      sendJson(res, 400, {
        error: "invalid_grant",
        error_description: "The request has an invalid grant parameter : code",
      });
    });
    const error = await caught(
      lwa.redeemAuthorizationCode({ code: SECRETS.code, redirectUri: "https://amazon.com" }),
    );
    expect(server.requests).toHaveLength(2);
    expect(error.code).toBe("CODE_EXPIRED_OR_USED");
    expect(error.message).toContain("got no usable answer and may have redeemed it");
  });
});

describe("LwA credential check", () => {
  it("accepts credentials when LwA blames the made-up grant (invalid_grant)", async () => {
    const { server, lwa } = await lwaAgainst((_, res) =>
      sendJson(res, 400, { error: "invalid_grant", error_description: "… : refresh_token" }),
    );
    await expect(lwa.verifyClientCredentials()).resolves.toBeUndefined();
    expect(server.requests[0]?.form.get("grant_type")).toBe("refresh_token");
    expect(server.requests[0]?.form.get("refresh_token")).toMatch(/^Atzr\|/);
    expect(server.requests[0]?.form.get("client_secret")).toBe(SECRETS.clientSecret);
  });

  it("rejects credentials LwA does not know (invalid_client)", async () => {
    const { server, lwa } = await lwaAgainst((_, res) =>
      sendJson(res, 401, {
        error: "invalid_client",
        error_description: "Client authentication failed",
      }),
    );
    const error = await caught(lwa.verifyClientCredentials());
    expect(error.code).toBe("INVALID_CLIENT");
    expect(server.requests).toHaveLength(1);
  });
});

describe("LwA bodies that are not what Amazon sends", () => {
  // `kept`: what the error keeps of the body — JSON (secret fields redacted), never other text.
  it.each([
    [
      "an HTML page with 200",
      200,
      "<html><body>Sign in to the Wi-Fi</body></html>",
      "text/html",
      undefined,
    ],
    [
      "truncated JSON with 200",
      200,
      `{"access_token":"${SECRETS.accessToken}","refresh_tok`,
      "application/json",
      undefined,
    ],
    [
      "JSON missing access_token",
      200,
      '{"token_type":"bearer","expires_in":3600}',
      "application/json",
      '{"token_type":"bearer","expires_in":3600}',
    ],
    ["an HTML error page with 400", 400, "<html>Bad Request</html>", "text/html", undefined],
  ])(
    "reports %s as MALFORMED_RESPONSE without quoting the body",
    async (_what, status, text, type, kept) => {
      const { lwa } = await lwaAgainst((_, res) => sendText(res, status, text, type));
      const error = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
      expect(error.code).toBe("MALFORMED_RESPONSE");
      expect(error.message).toContain(type);
      expect(error.message).toContain(`${Buffer.byteLength(text)} bytes`);
      expect(error.message).not.toContain(text.slice(0, 12));
      expect(error.response?.body).toBe(kept);
      expect(error.response).toMatchObject({
        bodyBytes: Buffer.byteLength(text),
        contentType: type,
      });
    },
  );

  it.each([
    [
      "truncated",
      `{"access_token":"${SECRETS.accessToken}","refresh_token":"${SECRETS.refreshToken}`,
    ],
    [
      "well-formed JSON of the wrong shape",
      JSON.stringify({ ...TOKENS, expires_in: "soon", token_type: 7 }),
    ],
  ])("keeps no token anywhere on the error of a %s token response", async (_what, text) => {
    const { lwa } = await lwaAgainst((_, res) => sendText(res, 200, text, "application/json"));
    const error = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
    expect(error.code).toBe("MALFORMED_RESPONSE");
    const renderings = [
      error.message,
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      JSON.stringify(error.response),
      error.response?.body ?? "",
    ];
    for (const rendering of renderings) {
      expect(rendering).not.toContain(SECRETS.accessToken);
      expect(rendering).not.toContain(SECRETS.refreshToken);
      expect(rendering).not.toContain(SECRET_MARKER);
    }
    expect(error.response?.bodyBytes).toBe(Buffer.byteLength(text));
  });

  it("keeps a JSON body's harmless fields and redacts its secret ones, big integers exact", async () => {
    const text = `{"access_token":"${SECRETS.accessToken}","token_type":"bearer","expires_in":"soon","id":12345678901234567890}`;
    const { lwa } = await lwaAgainst((_, res) => sendText(res, 200, text, "application/json"));
    const error = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
    expect(error.response?.body).toBe(
      '{"access_token":"[REDACTED]","token_type":"bearer","expires_in":"soon","id":12345678901234567890}',
    );
  });

  it("reports a redirect as UNEXPECTED_RESPONSE and does not follow it", async () => {
    const { server, lwa } = await lwaAgainst((_, res) => {
      res.writeHead(302, { location: "https://elsewhere.example/" });
      res.end();
    });
    const error = await caught(lwa.refreshAccessToken(SECRETS.refreshToken));
    expect(error.code).toBe("UNEXPECTED_RESPONSE");
    expect(server.requests).toHaveLength(1);
  });
});
