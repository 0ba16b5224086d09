import { inspect } from "node:util";
import { AmazonAdsError } from "../../src/amazon-ads/errors.js";
import { Transport, type HttpOptions } from "../../src/amazon-ads/http.js";
import { abortableSleep } from "../../src/amazon-ads/seams.js";
import { fakeSeams, type FakeSeams } from "./support/fakes.js";
import {
  closeServers,
  resetConnection,
  sendJson,
  startServer,
  type Handler,
} from "./support/local-server.js";
import { SECRETS, caught, expectNoSecretLeaked, recordingLogger } from "./support/secrets.js";

let seams: FakeSeams;

beforeEach(() => {
  seams = fakeSeams();
});

afterEach(async () => {
  await closeServers();
  expectNoSecretLeaked();
});

async function transportAgainst(handler: Handler, options: HttpOptions = {}) {
  const server = await startServer(handler);
  const logger = recordingLogger();
  const transport = new Transport({ ...seams, logger, ...options });
  const send = (signal?: AbortSignal) =>
    transport.send({
      service: "Login with Amazon",
      method: "POST",
      url: `${server.url}/auth/o2/token`,
      form: {
        grant_type: "refresh_token",
        refresh_token: SECRETS.refreshToken,
        client_secret: SECRETS.clientSecret,
      },
      ...(signal ? { signal } : {}),
    });
  return { server, send, logger };
}

const ok: Handler = (_, res) => sendJson(res, 200, { fine: true });

describe("retries", () => {
  it("waits for Retry-After in seconds after a 429, then succeeds", async () => {
    const { server, send } = await transportAgainst((req, res, index) =>
      index === 0
        ? sendJson(res, 429, { code: "TOO_MANY" }, { "retry-after": "3" })
        : ok(req, res, index),
    );
    const response = await send();
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(seams.sleeps).toEqual([3000]);
    expect(server.requests).toHaveLength(2);
  });

  it("waits until a Retry-After HTTP-date after a 429, then succeeds", async () => {
    const until = new Date(seams.now() + 5000).toUTCString();
    // The server's Date says what its "now" is (Node would send the real time, not the fake one).
    const date = new Date(seams.now()).toUTCString();
    const { send } = await transportAgainst((req, res, index) =>
      index === 0 ? sendJson(res, 429, {}, { "retry-after": until, date }) : ok(req, res, index),
    );
    expect((await send()).status).toBe(200);
    expect(seams.sleeps).toEqual([5000]);
  });

  it("rides out a burst of 500, 502, 503 and 504 with growing backoff", async () => {
    const burst = [500, 502, 503, 504];
    const { server, send } = await transportAgainst((req, res, index) =>
      index < burst.length
        ? sendJson(res, burst[index] ?? 500, { error: "server_error" })
        : ok(req, res, index),
    );
    const response = await send();
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(5);
    expect(seams.sleeps).toEqual([2000, 4000, 8000, 16000]);
  });

  it("gives up after the attempt bound with a clear error", async () => {
    const { server, send } = await transportAgainst((_, res) => sendJson(res, 503, {}), {
      retry: { maxAttempts: 3 },
    });
    const error = await caught(send());
    expect(error.code).toBe("AMAZON_UNAVAILABLE");
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(
      /answered 503 to POST http:\/\/127\.0\.0\.1:\d+\/auth\/o2\/token after 3 attempts/,
    );
    expect(error.message).toContain("try again in a few minutes");
    expect(server.requests).toHaveLength(3);
  });

  it("gives up on throttling that outlasts the time bound, saying how long Amazon asked to wait", async () => {
    const { server, send } = await transportAgainst((_, res) =>
      sendJson(res, 429, {}, { "retry-after": "300" }),
    );
    const error = await caught(send());
    expect(error.code).toBe("THROTTLED");
    expect(error.message).toContain(
      "the next retry (in 300 s) would pass the retry time limit of 60 s",
    );
    expect(server.requests).toHaveLength(1);
    expect(seams.sleeps).toEqual([]);
  });

  it.each([
    [{ error: "temporarily_unavailable", error_description: "try later" }, {}],
    [
      { code: "INTERNAL_ERROR", details: "Internal Server Error", requestId: "R1" },
      { requestId: "R1" },
    ],
  ])("keeps Amazon's own error words on the final 5xx error (%j)", async (body, extra) => {
    const { send } = await transportAgainst((_, res) => sendJson(res, 503, body), {
      retry: { maxAttempts: 2 },
    });
    const error = await caught(send());
    const [amazonError, amazonDescription] = Object.values(body);
    expect(error).toMatchObject({ code: "AMAZON_UNAVAILABLE", amazonError, amazonDescription });
    expect(error).toMatchObject(extra);
  });

  it("returns a 4xx at once without retrying", async () => {
    const { server, send } = await transportAgainst((_, res) =>
      sendJson(res, 400, { error: "invalid_grant" }),
    );
    expect((await send()).status).toBe(400);
    expect(server.requests).toHaveLength(1);
    expect(seams.sleeps).toEqual([]);
  });

  it("stays within the total time bound even when each wait is short", async () => {
    const { server, send } = await transportAgainst((_, res) => sendJson(res, 500, {}), {
      retry: { maxAttempts: 100, maxElapsedMs: 20_000 },
    });
    const error = await caught(send());
    expect(error.code).toBe("AMAZON_UNAVAILABLE");
    expect(seams.sleeps).toEqual([2000, 4000, 8000]);
    expect(server.requests).toHaveLength(4);
  });
});

describe("network failures", () => {
  it("retries a reset connection and succeeds", async () => {
    const { server, send } = await transportAgainst((req, res, index) =>
      index === 0 ? resetConnection(res) : ok(req, res, index),
    );
    const response = await send();
    expect(response.status).toBe(200);
    expect(response.afterNetworkFailure).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("reports NETWORK with the failure's code after repeated resets", async () => {
    const { server, send } = await transportAgainst((_, res) => resetConnection(res), {
      retry: { maxAttempts: 2 },
    });
    const error = await caught(send());
    expect(error.code).toBe("NETWORK");
    expect(error.message).toContain("ECONNRESET");
    expect(error.message).toContain("Check the network connection");
    expect(server.requests).toHaveLength(2);
  });

  it("reports a server that never answers as TIMEOUT after the per-request timeout", async () => {
    const { server, send } = await transportAgainst(() => undefined, {
      timeoutMs: 50,
      retry: { maxAttempts: 2 },
    });
    const error = await caught(send());
    expect(error.code).toBe("TIMEOUT");
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("did not answer");
    expect(server.requests).toHaveLength(2);
  });

  it("cuts a late retry's timeout to the time left in the retry budget (fake clock)", async () => {
    // The 429 asks for 8 s of a 10 s budget: the retry gets the 2 s left, not its 10 minutes.
    const { server, send } = await transportAgainst(
      (_, res, index) => (index === 0 ? sendJson(res, 429, {}, { "retry-after": "8" }) : undefined),
      { timeoutMs: 600_000, retry: { maxElapsedMs: 10_000 } },
    );
    const error = await caught(send());
    expect(error.code).toBe("TIMEOUT");
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("did not answer");
    expect(error.message).toContain("within 2 s");
    expect(seams.sleeps).toEqual([8000]);
    expect(server.requests).toHaveLength(2);
  });

  it("gives a retry at the very end of the budget a floor of 1 s, not nothing (fake clock)", async () => {
    const { send } = await transportAgainst(
      (_, res, index) =>
        index === 0 ? sendJson(res, 429, {}, { "retry-after": "10" }) : undefined,
      { timeoutMs: 600_000, retry: { maxElapsedMs: 10_000 } },
    );
    const error = await caught(send());
    expect(error).toMatchObject({ code: "TIMEOUT", attempts: 2 });
    expect(error.message).toContain("within 1 s");
  });

  it("keeps the first attempt's full timeout when the budget allows no retries (fake clock)", async () => {
    const { server, send } = await transportAgainst(() => undefined, {
      timeoutMs: 50,
      retry: { maxElapsedMs: 0 },
    });
    const error = await caught(send());
    expect(error).toMatchObject({ code: "TIMEOUT", attempts: 1 });
    expect(error.message).toContain("within 50 ms");
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a refused connection", async () => {
    const closed = await startServer(ok);
    await closed.close();
    const transport = new Transport({ ...seams });
    const error = await caught(
      transport.send({
        service: "the Amazon Ads API",
        method: "GET",
        url: `${closed.url}/v2/profiles`,
      }),
    );
    expect(error.code).toBe("NETWORK");
    expect(error.attempts).toBe(1);
    expect(error.message).toContain("ECONNREFUSED");
    expect(seams.sleeps).toEqual([]);
  });
});

describe("cancellation", () => {
  it("interrupts a backoff sleep at once when aborted", async () => {
    const controller = new AbortController();
    const { server, send } = await transportAgainst(
      (_, res) => sendJson(res, 429, {}, { "retry-after": "59" }),
      {
        // A real sleep of 59 s that the test cuts short: it can only finish through the abort.
        sleep: (ms, signal) => {
          const sleeping = abortableSleep(ms, signal);
          controller.abort();
          return sleeping;
        },
      },
    );
    const error = await caught(send(controller.signal));
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(1);
  });

  it("interrupts a request in flight when aborted", async () => {
    const controller = new AbortController();
    const { server, send } = await transportAgainst(() => controller.abort());
    const error = await caught(send(controller.signal));
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    const { server, send } = await transportAgainst(ok);
    const error = await caught(send(AbortSignal.abort()));
    expect(error.code).toBe("ABORTED");
    expect(server.requests).toHaveLength(0);
  });
});

describe("errors keep secrets out of sight", () => {
  it("keeps request and response non-enumerable, and the request redacted", async () => {
    const { send } = await transportAgainst((_, res) => sendJson(res, 503, { body: "raw" }), {
      retry: { maxAttempts: 1 },
    });
    const error = await caught(send());
    expect(error).toBeInstanceOf(AmazonAdsError);
    expect(Object.keys(error)).not.toContain("request");
    expect(Object.keys(error)).not.toContain("response");
    expect(inspect(error)).not.toContain("raw");
    expect(error.request?.body).toEqual({
      grant_type: "refresh_token",
      refresh_token: "[REDACTED]",
      client_secret: "[REDACTED]",
    });
    expect(error.response?.body).toContain("raw");
    expect(error.name).toBe("AmazonAdsError");
    expect(error.stack).toMatch(/^AmazonAdsError: /);
  });

  it("keeps got's request options (with the form body) out of a network error's cause", async () => {
    const { send } = await transportAgainst((_, res) => resetConnection(res), {
      retry: { maxAttempts: 1 },
    });
    const error = await caught(send());
    expect(error.cause).toBeInstanceOf(Error);
    expect(Object.keys(error.cause as object).sort()).toEqual(["code", "name"]);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRETS.clientSecret);
  });

  it("logs retries with the delay and never a secret", async () => {
    const { send, logger } = await transportAgainst((req, res, index) =>
      index === 0 ? sendJson(res, 502, {}) : ok(req, res, index),
    );
    await send();
    expect(logger.lines).toHaveLength(3);
    expect(logger.lines[0]).toContain("-> 502");
    expect(logger.lines[1]).toMatch(/^retrying POST .* in 2000 ms/);
    expect(logger.lines[2]).toContain("(attempt 2)");
    expect(logger.lines.join("\n")).not.toContain("S3CR3T");
  });
});
