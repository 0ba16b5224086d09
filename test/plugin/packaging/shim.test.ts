import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  cacheVariableFor,
  nodeVariableFor,
  renderShim,
} from "../../../src/plugin/packaging/shim.js";

const SHIM = "terraform-provider-demo_v1.2.3";
const BUNDLE = "demo-provider.cjs";

// A stand-in bundle that reports what it received, so the test can see what the shim passed on.
const ECHO_BUNDLE = `"use strict";
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify({
    script: process.argv[1],
    args: process.argv.slice(2),
    marker: process.env.SHIM_TEST_MARKER,
    stdin: Buffer.concat(chunks).toString(),
  }));
  process.exitCode = 7;
});
`;

describe("the sh shim", () => {
  let dir: string;
  let emptyPath: string;
  const nodeDir = dirname(process.execPath);

  function run(
    executable: string,
    options: { env?: Record<string, string>; args?: string[]; input?: string } = {},
  ) {
    const result = spawnSync(executable, options.args ?? [], {
      env: { PATH: `${nodeDir}:/usr/bin:/bin`, ...options.env },
      input: options.input ?? "",
      encoding: "utf8",
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function fakeNode(name: string, body: string): string {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "shim-"));
    emptyPath = join(dir, "empty-path");
    mkdirSync(emptyPath);
    mkdirSync(join(dir, "package"));
    writeFileSync(
      join(dir, "package", SHIM),
      renderShim({
        programName: "terraform-provider-demo",
        bundleFileName: BUNDLE,
        nodeVariable: "DEMO_NODE",
      }),
    );
    chmodSync(join(dir, "package", SHIM), 0o755);
    writeFileSync(join(dir, "package", BUNDLE), ECHO_BUNDLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("runs node on the bundle beside it, passing arguments, environment, stdin and exit code", () => {
    const args = ["two words", "$HOME", "*", "", "--flag=x"];
    const result = run(join(dir, "package", SHIM), {
      args,
      env: { SHIM_TEST_MARKER: "passed through" },
      input: "from stdin\n",
    });
    expect(JSON.parse(result.stdout)).toEqual({
      script: join(dir, "package", BUNDLE),
      args,
      marker: "passed through",
      stdin: "from stdin\n",
    });
    expect(result.status).toBe(7);
  });

  it("prints one clear line on stdout and exits 1 when no node is on PATH", () => {
    const result = spawnSync("/bin/sh", [join(dir, "package", SHIM)], {
      env: { PATH: emptyPath },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      "terraform-provider-demo: Node.js >= 20 is required but no 'node' was found on PATH; " +
        "install Node.js 20 or later, or set DEMO_NODE to its node executable.\n",
    );
  });

  it("prefers the override variable over the node on PATH, and starts nothing else", () => {
    const calls = join(dir, "calls.log");
    const chosen = fakeNode("node22", `echo "$*" >> "${calls}"; echo "chosen node ran $*"`);
    const result = run(join(dir, "package", SHIM), { env: { DEMO_NODE: chosen }, args: ["x"] });
    expect(result.stdout).toBe(`chosen node ran ${join(dir, "package", BUNDLE)} x\n`);
    expect(result.status).toBe(0);
    // No `node --version` probe: the bundle's launcher checks the version in the same process.
    expect(readFileSync(calls, "utf8")).toBe(`${join(dir, "package", BUNDLE)} x\n`);
  });

  it("finds node in any PATH entry, an empty entry meaning the current directory", () => {
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "node"), '#!/bin/sh\necho "found as $0"\n');
    chmodSync(join(elsewhere, "node"), 0o755);
    writeFileSync(join(elsewhere, "not-executable"), "");
    const viaPath = spawnSync("/bin/sh", [join(dir, "package", SHIM)], {
      env: { PATH: `${emptyPath}:${elsewhere}:/usr/bin` },
      encoding: "utf8",
    });
    expect(viaPath.stdout).toBe(`found as ${join(elsewhere, "node")}\n`);
    const viaEmptyEntry = spawnSync("/bin/sh", [join(dir, "package", SHIM)], {
      cwd: elsewhere,
      env: { PATH: `${emptyPath}::/usr/bin` },
      encoding: "utf8",
    });
    expect(viaEmptyEntry.stdout).toBe("found as ./node\n");
  });

  it("finds its bundle when reached through relative and absolute symbolic links", () => {
    mkdirSync(join(dir, "bin"));
    symlinkSync(`../package/${SHIM}`, join(dir, "bin", "relative"));
    symlinkSync(join(dir, "bin", "relative"), join(dir, "absolute-to-relative"));
    for (const entry of [join(dir, "bin", "relative"), join(dir, "absolute-to-relative")]) {
      const result = run(entry);
      expect(JSON.parse(result.stdout).script).toBe(join(dir, "bin", "..", "package", BUNDLE));
    }
  });

  it("finds its bundle when the package directory is a symbolic link, as in a plugin cache", () => {
    symlinkSync(join(dir, "package"), join(dir, "cached"));
    const result = run(join(dir, "cached", SHIM));
    expect(JSON.parse(result.stdout).script).toBe(join(dir, "cached", BUNDLE));
  });

  it("runs when started by name from its own directory", () => {
    const result = spawnSync("/bin/sh", [SHIM], {
      cwd: join(dir, "package"),
      env: { PATH: `${nodeDir}:/usr/bin:/bin` },
      encoding: "utf8",
    });
    // node makes the relative "./demo-provider.cjs" absolute in process.argv.
    expect(JSON.parse(result.stdout).script).toBe(join(dir, "package", BUNDLE));
  });

  it("rejects names that would need quoting in sh", () => {
    expect(() =>
      renderShim({ programName: "x", bundleFileName: "a b.cjs", nodeVariable: "X_NODE" }),
    ).toThrow(/bundleFileName/);
  });

  it("derives the override and cache variables from the provider type", () => {
    expect(nodeVariableFor("amazonads")).toBe("AMAZONADS_NODE");
    expect(nodeVariableFor("my-cloud")).toBe("MY_CLOUD_NODE");
    expect(cacheVariableFor("my-cloud")).toBe("MY_CLOUD_CODE_CACHE");
  });
});
