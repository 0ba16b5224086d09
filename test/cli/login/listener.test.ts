/** The callback listener over real loopback HTTP. */
import { request } from "node:http";
import {
  ListenError,
  startCallbackListener,
  type CallbackListener,
} from "../../../src/cli/login/listener.js";
import type { ListenPlan } from "../../../src/cli/login/redirect.js";
import { freePort } from "../support.js";

/** A GET (or other method) to one address, without fetch's own idea of which address to use. */
function call(
  host: string,
  port: number,
  path: string,
  method = "GET",
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the callback listener", () => {
  let listener: CallbackListener | undefined;
  const seen: string[] = [];

  afterEach(async () => {
    await listener?.close();
    listener = undefined;
    seen.length = 0;
  });

  async function listen(hosts: ListenPlan["hosts"]): Promise<number> {
    const port = await freePort();
    listener = await startCallbackListener({ port, path: "/callback", hosts }, (url) => {
      seen.push(url.search);
      return Promise.resolve({ status: 200, html: "judged" });
    });
    return port;
  }

  it("answers on both loopback addresses for localhost, and nowhere else", async () => {
    const port = await listen(["127.0.0.1", "::1"]);
    expect(listener!.addresses).toEqual([`127.0.0.1:${port}`, `[::1]:${port}`]);
    expect((await call("127.0.0.1", port, "/callback?a=1")).status).toBe(200);
    expect((await call("::1", port, "/callback?a=2")).status).toBe(200);
    expect(seen).toEqual(["?a=1", "?a=2"]);
  });

  it("binds only 127.0.0.1 when the redirect URI names it", async () => {
    const port = await listen(["127.0.0.1"]);
    await expect(call("::1", port, "/callback")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("serves only the redirect path: other paths 404, other methods 405, never judged", async () => {
    const port = await listen(["127.0.0.1"]);
    expect((await call("127.0.0.1", port, "/")).status).toBe(404);
    expect((await call("127.0.0.1", port, "/callback/extra?code=x")).status).toBe(404);
    expect((await call("127.0.0.1", port, "/favicon.ico")).status).toBe(404);
    const post = await call("127.0.0.1", port, "/callback?code=x", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET");
    expect(seen).toEqual([]);
  });

  it("sends pages that are not cached, not referred and close the connection", async () => {
    const port = await listen(["127.0.0.1"]);
    const answer = await call("127.0.0.1", port, "/callback");
    expect(answer.body).toBe("judged");
    expect(answer.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      connection: "close",
    });
  });

  it("names the port and suggests --redirect-uri when ::1 is taken, releasing 127.0.0.1", async () => {
    const port = await freePort();
    const other = await startCallbackListener({ port, path: "/", hosts: ["::1"] }, () =>
      Promise.resolve({ status: 200, html: "" }),
    );
    try {
      const failure = await startCallbackListener(
        { port, path: "/callback", hosts: ["127.0.0.1", "::1"] },
        () => Promise.resolve({ status: 200, html: "" }),
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ListenError);
      expect((failure as Error).message).toContain(`Port ${port} on localhost is already in use`);
      expect((failure as Error).message).toContain("--redirect-uri");
      await expect(call("127.0.0.1", port, "/callback")).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await other.close();
    }
  });
});
