import * as http2 from "node:http2";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { MAGIC_COOKIE_VALUE } from "../../src/plugin/go-plugin/handshake.js";
import { attr, createLogger, defineProvider, schema, serve } from "../../src/plugin/index.js";
import { frame, unframe } from "../../src/plugin/transport/grpc-server.js";
import { decodeMessage } from "./support/protocol.js";

const provider = defineProvider({
  typeName: "demo",
  schema: schema({
    description: "Demo.",
    attributes: { x: attr.string({ optional: true, description: "X." }) },
  }),
});
const silent = createLogger({ level: undefined, module: "demo" });

function unary(
  client: http2.ClientHttp2Session,
  path: string,
): Promise<{ status: string; body: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const stream = client.request({
      ":method": "POST",
      ":path": path,
      "content-type": "application/grpc",
    });
    const chunks: Buffer[] = [];
    let status = "";
    stream.on("trailers", (t) => (status = String(t["grpc-status"])));
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("error", reject);
    stream.on("end", () => resolve({ status, body: unframe(Buffer.concat(chunks)) }));
    stream.end(frame(new Uint8Array()));
  });
}

describe("serve (go-plugin start, cleartext so a test can connect)", () => {
  it("refuses to run without Terraform's cookie, with a message and exit code 1", async () => {
    const errors: string[] = [];
    const exits: number[] = [];
    await serve(provider, {
      env: {},
      writeError: (t) => errors.push(t),
      exit: (c) => void exits.push(c),
      log: silent,
    });
    expect(exits).toEqual([1]);
    expect(errors.join("")).toMatch(/terraform-provider-demo is a Terraform plugin/);
  });

  it("prints the handshake, serves the schema and exits on Shutdown, removing its socket directory", async () => {
    const lines: string[] = [];
    let exited!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (exited = resolve));
    await serve(provider, {
      env: {
        TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: "5,6",
        TF_DISABLE_PLUGIN_TLS: "1",
      },
      writeHandshake: (line) => lines.push(line),
      exit: (code) => exited(code),
      log: silent,
    });
    const [core, app, network, socket, protocol, cert] = (lines[0] ?? "").trim().split("|");
    expect([core, app, network, protocol, cert]).toEqual(["1", "6", "unix", "grpc", ""]);
    const client = http2.connect("http://localhost", { path: socket } as never);
    const schemaAnswer = await unary(client, "/tfplugin6.Provider/GetProviderSchema");
    expect(schemaAnswer.status).toBe("0");
    expect(
      decodeMessage("tfplugin6.GetProviderSchema.Response", schemaAnswer.body).serverCapabilities
        .planDestroy,
    ).toBe(true);
    expect((await unary(client, "/plugin.GRPCController/Shutdown")).status).toBe("0");
    expect(await exit).toBe(0);
    client.close();
    expect(existsSync(dirname(socket ?? "/nonexistent/x"))).toBe(false);
  });
});
