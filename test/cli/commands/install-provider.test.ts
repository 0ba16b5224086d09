import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installProviderCommand } from "../../../src/cli/commands/install-provider.js";
import { EXIT, main } from "../../../src/cli/main.js";
import { h1Hash } from "../../../src/plugin/packaging/dirhash.js";
import { PROVIDER_VERSION } from "../../../src/provider/provider-address.js";
import { captureIo, type CapturedIo } from "../support.js";

const VERSION_DIR = `terraform.d/plugins/terraform.local/amazon-ads/amazonads/${PROVIDER_VERSION}`;

describe("cdktf-amazon-ads install-provider", () => {
  let scratch: string;
  let packageDir: string;
  let work: string;

  async function install(args: string[]): Promise<string> {
    let printed = "";
    await installProviderCommand({ write: (text) => void (printed += text) }).parseAsync(args, {
      from: "user",
    });
    return printed;
  }

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "install-provider-"));
    // A package with placeholder contents: this test is about the command, not the bundle.
    packageDir = join(scratch, "package");
    mkdirSync(packageDir);
    writeFileSync(
      join(packageDir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`),
      "#!/bin/sh\n",
    );
    chmodSync(join(packageDir, `terraform-provider-amazonads_v${PROVIDER_VERSION}`), 0o755);
    writeFileSync(join(packageDir, "amazonads-provider.cjs"), '"use strict";\n');
    writeFileSync(join(packageDir, "amazonads-program.cjs"), '"use strict";\n');
    work = join(scratch, "work");
    mkdirSync(work);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("lays the provider into DIR, writes the lock entry and prints the block to declare it", async () => {
    const printed = await install([work, "--package-dir", packageDir]);
    expect(readdirSync(join(work, VERSION_DIR)).sort()).toEqual([
      "darwin_amd64",
      "darwin_arm64",
      "linux_amd64",
      "linux_arm64",
    ]);
    const lock = readFileSync(join(work, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain(`provider "terraform.local/amazon-ads/amazonads" {`);
    expect(lock).toContain(`"${h1Hash(packageDir)}",`);
    expect(printed).toContain(`  lock file  .terraform.lock.hcl: created\n`);
    expect(printed).toContain(`  hash       ${h1Hash(packageDir)}\n`);
    expect(printed).toContain(`    amazonads = {
      source  = "terraform.local/amazon-ads/amazonads"
      version = "${PROVIDER_VERSION}"
    }`);
  });

  it("reports an up-to-date lock file on a second run and a replaced entry after a rebuild", async () => {
    await install([work, "--package-dir", packageDir]);
    expect(await install([work, "--package-dir", packageDir])).toContain(": already up to date\n");
    writeFileSync(join(packageDir, "amazonads-provider.cjs"), '"use strict"; // rebuilt\n');
    expect(await install([work, "--package-dir", packageDir])).toContain(": entry replaced");
    expect(readFileSync(join(work, ".terraform.lock.hcl"), "utf8")).toContain(h1Hash(packageDir));
  });

  it("defaults DIR to the current directory", async () => {
    const before = process.cwd();
    process.chdir(work);
    try {
      await install(["--package-dir", packageDir]);
    } finally {
      process.chdir(before);
    }
    expect(readdirSync(work)).toEqual(
      expect.arrayContaining([".terraform.lock.hcl", "terraform.d"]),
    );
  });

  it("lays out only the platforms given with --platform", async () => {
    await install([work, "--package-dir", packageDir, "--platform", "linux_amd64", "darwin_arm64"]);
    expect(readdirSync(join(work, VERSION_DIR)).sort()).toEqual(["darwin_arm64", "linux_amd64"]);
  });

  describe("exit codes", () => {
    let io: CapturedIo;
    beforeEach(() => {
      io = captureIo();
    });

    const run = (...args: string[]) =>
      main(["node", "cdktf-amazon-ads", "install-provider", ...args], { io });

    it("is 0 on success and for --help", async () => {
      expect(await run(work, "--package-dir", packageDir)).toBe(EXIT.ok);
      expect(await run("--help")).toBe(EXIT.ok);
    });

    it("is 2 for usage errors", async () => {
      expect(await run(work, "--bogus")).toBe(EXIT.usage);
      expect(await run(work, "extra")).toBe(EXIT.usage);
      expect(await run(work, "--platform", "linux")).toBe(EXIT.usage);
    });

    it("is 1, with what to do, when DIR is not a directory or the package is not a package", async () => {
      expect(await run(join(work, "missing"), "--package-dir", packageDir)).toBe(EXIT.failure);
      expect(io.stderr.join("")).toContain(
        "is not a directory; create it or name an existing Terraform working directory",
      );
      expect(await run(work, "--package-dir", work)).toBe(EXIT.failure);
      expect(io.stderr.at(-1)).toContain("is not a built amazonads");
    });
  });
});
