/**
 * examples/hcl/README.md, run exactly as written: its `sh` blocks from "Try it against the local
 * emulator", in order, in one bash shell, from a copy of examples/hcl inside a project where the
 * cdktf-amazon-ads package is installed (built from this checkout into a temporary package, so
 * `npx cdktf-amazon-ads` resolves to it with no registry).
 */
import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildProviderPackage } from "../../../src/plugin/packaging/build-package.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../../src/provider/provider-address.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const example = join(root, "examples/hcl");

/** The `sh` code blocks of one `##` section of a Markdown file, in order. */
function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const next = markdown.indexOf("\n## ", start + 3);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A cdktf-amazon-ads package as npm would install it, built from this checkout. */
async function installablePackage(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  cpSync(join(root, "bin"), join(dir, "bin"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      join(root, "tsconfig.build.json"),
      "--outDir",
      join(dir, "dist"),
    ],
    { cwd: root, stdio: "pipe" },
  );
  await buildProviderPackage({
    entry: join(root, "src/provider/main.ts"),
    outDir: join(dir, "dist/provider-package"),
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    rootDir: root,
  });
}

/**
 * Stops any process still running from `dir` (the emulator, if the script failed before its last
 * step): the processes this test started, found by their command line, each ended by its id.
 */
/** The files git tracks under `dir`, relative to it. */
function shippedFiles(dir: string): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "."], { cwd: dir, encoding: "utf8" });
  return listed.split("\0").filter((name) => name !== "");
}

function stopStrays(dir: string): void {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let commandLine = "";
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (commandLine.includes(dir) && Number(pid) !== process.pid) {
      try {
        process.kill(Number(pid), "SIGTERM");
      } catch {
        // Gone in the meantime.
      }
    }
  }
}

describe("examples/hcl/README.md against the emulator", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "e2e-hcl-example-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("runs every command of the README to a profile, then plans no change", async () => {
    const pkg = join(scratch, "cdktf-amazon-ads");
    await installablePackage(pkg);
    const project = join(scratch, "project");
    // Only what the repository ships: a reader's earlier run may have left files beside it.
    mkdirSync(project);
    for (const file of shippedFiles(example)) cpSync(join(example, file), join(project, file));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({
        name: "hcl-example",
        private: true,
        dependencies: { "cdktf-amazon-ads": "*" },
      }),
    );
    mkdirSync(join(project, "node_modules/.bin"), { recursive: true });
    symlinkSync(pkg, join(project, "node_modules/cdktf-amazon-ads"));
    symlinkSync(
      "../cdktf-amazon-ads/bin/cdktf-amazon-ads.js",
      join(project, "node_modules/.bin/cdktf-amazon-ads"),
    );

    const readme = readFileSync(join(example, "README.md"), "utf8");
    const blocks = shellBlocks(readme, "Try it against the local emulator");
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    // Job control on (`set -m`), as in the terminal the README is written for: each background
    // job is its own process group, so `kill %1` stops npx and the emulator it started.
    const script = ["set -euo pipefail -m", ...blocks].join("\n");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      // npx must find the installed package; it may not look anything up on the registry.
      npm_config_offline: "true",
      npm_config_update_notifier: "false",
    };
    for (const name of Object.keys(env)) {
      if (name.startsWith("AMAZON_ADS_") || name.startsWith("TF_LOG")) delete env[name];
    }
    const child = spawn("bash", ["-c", script], {
      cwd: project,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A step that never ends (say, an emulator that cannot start) ends the script, with its
    // output below, before jest's own timeout would abandon it and its children.
    const deadline = setTimeout(() => {
      child.kill("SIGKILL");
      stopStrays(project);
    }, 240_000);
    // "exit", not "close": the background emulator keeps the stderr pipe open while it lives.
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(deadline);
    // The README's last step stops the emulator: its port soon refuses connections.
    let listening = true;
    for (let attempt = 0; listening && attempt < 400; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      listening = await fetch("http://127.0.0.1:4010/_emulator").then(
        () => true,
        () => false,
      );
    }
    stopStrays(project);
    if (code !== 0) throw new Error(`README script failed (${code}):\n${stdout}\n${stderr}`);
    expect(stdout).toContain('"34567890123456789"');
    expect(stdout).toContain('"NA"');
    expect(stdout).toContain("No changes.");
    expect(readFileSync(join(project, "emulator.json"), "utf8")).toContain('"client_id"');
    expect(listening).toBe(false);
  });
});
