import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProvider } from "../../../src/plugin/packaging/bundle.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const entry = join(repoRoot, "test/fixtures/packaging/list-format-entry.ts");

// Loaded before the bundle: counts the real list formatters the process makes.
const COUNT_FORMATTERS = `
const Real = Intl.ListFormat;
let made = 0;
Intl.ListFormat = class extends Real {
  constructor(...args) {
    super(...args);
    made += 1;
  }
};
process.on("exit", () => process.stderr.write("formatters made: " + made + "\\n"));
`;

describe("a bundled program's Intl.ListFormat (the real bundle in a real Node.js)", () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "list-format-"));
    writeFileSync(join(dir, "count.cjs"), COUNT_FORMATTERS);
    bundle = (await bundleProvider({ entry, outFile: join(dir, "p.cjs") })).outFile;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--require", join(dir, "count.cjs"), bundle, ...args], {
      encoding: "utf8",
    });

  it("is not made while the program loads", () => {
    const result = run();
    expect(result.stdout).toBe("loaded\n");
    expect(result.stderr).toBe("formatters made: 0\n");
  });

  it("is made once a list is formatted, and formats as Intl.ListFormat does", () => {
    const result = run("--format");
    expect(result.stdout.split("\n")).toEqual([
      "a, b, or c",
      JSON.stringify(
        new Intl.ListFormat("en", { style: "long", type: "disjunction" }).resolvedOptions(),
      ),
      "[object Intl.ListFormat]",
      "",
    ]);
    expect(result.stderr).toBe("formatters made: 1\n");
  });

  it("is not made when got loads (its @sindresorhus/is makes two at load time)", () => {
    const result = run("--got");
    expect(result.stdout).toBe("got function\n");
    expect(result.stderr).toBe("formatters made: 0\n");
  });
});
