import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAGIC_COOKIE_VALUE } from "../../../src/plugin/go-plugin/handshake.js";
import { buildProviderPackage } from "../../../src/plugin/packaging/build-package.js";

const providerEntry = fileURLToPath(new URL("../../../src/provider/main.ts", import.meta.url));

// What a provider process has loaded when it prints its handshake line, seen by a preload that
// catches the line on its way to stdout and reports Node's list of loaded built-ins.
const REPORT_AT_HANDSHAKE = `
const fs = require("fs");
const write = fs.writeSync;
fs.writeSync = function (fd, text, ...rest) {
  if (fd === 1 && String(text).startsWith("1|6|")) {
    write.call(fs, 2, JSON.stringify(process.moduleLoadList) + "\\n");
    process.exit(0);
  }
  return write.call(fs, fd, text, ...rest);
};
`;

describe("a provider process before its handshake (the real provider, built as shipped)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "start-up-work-"));
    writeFileSync(join(dir, "report.cjs"), REPORT_AT_HANDSHAKE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has loaded neither the transport (http2, TLS) nor the HTTP client", async () => {
    const built = await buildProviderPackage({
      entry: providerEntry,
      outDir: join(dir, "package"),
      providerType: "amazonads",
      version: "0.0.0-test",
    });
    // got lives in a file of its own, which now throws if anything runs it.
    const gotFile = join(built.dir, "amazonads-program.got.cjs");
    expect(built.bundle.chunkFiles).toEqual([gotFile]);
    writeFileSync(gotFile, 'throw new Error("got was loaded before the handshake");');
    const result = spawnSync(
      process.execPath,
      ["--require", join(dir, "report.cjs"), join(built.dir, built.files.bundle)],
      {
        env: {
          PATH: process.env.PATH,
          TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
          PLUGIN_PROTOCOL_VERSIONS: "6",
          TF_DISABLE_PLUGIN_TLS: "1",
          AMAZONADS_CODE_CACHE: join(dir, "cache"),
        },
        encoding: "utf8",
      },
    );
    expect(result.stderr).not.toContain("got was loaded");
    const loaded = JSON.parse(result.stderr.trim().split("\n").pop() ?? "[]") as string[];
    expect(loaded).toContain("NativeModule net");
    for (const late of ["http2", "tls", "http", "https", "zlib"]) {
      expect(loaded).not.toContain(`NativeModule ${late}`);
    }
  });
});
