// npm run bench:startup [-- --package DIR] [--runs N]
//
// How long Terraform waits for the provider per process: the median time from exec to the
// go-plugin handshake line of the provider executable (through its sh shim, with Terraform's
// environment), against the median exec→exit of `node -e 0`, measured interleaved. Terraform
// starts the provider 3–5 times per command, so this is paid several times per plan or apply.
//
// Subject: the package `npm run build` wrote to dist/provider-package/. Without one it builds a
// package into a temporary directory from src/provider/main.ts, or, before that file exists,
// from the packaging test fixture (a stand-in that loads got and zod, then prints a fake
// handshake) and says so.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PROVIDER_PACKAGE_PATH } from "../src/constructs/provider-package.js";
import { buildProviderPackage } from "../src/plugin/packaging/build-package.js";
import { checkProviderPackage } from "../src/plugin/packaging/package-files.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../src/provider/provider-address.js";
import { interleave, mb, median, quantile, type Subject } from "./lib/measure.js";
import { pluginEnvironment } from "./lib/plugin-env.js";
import { recordResult } from "./lib/results.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { package: { type: "string" }, runs: { type: "string", default: "21" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 15)
  throw new Error("--runs must be an integer of at least 15.");

const { dir: packageDir, subject, cleanup } = await choosePackage(values.package);
try {
  const files = checkProviderPackage(packageDir, PROVIDER_TYPE, PROVIDER_VERSION);
  const plugin = pluginEnvironment();
  const provider: Subject = {
    label: "provider via shim, exec → handshake",
    command: join(packageDir, files.executable),
    args: [],
    env: plugin.env,
    until: "line",
  };
  const baseline: Subject = {
    label: "node -e 0, exec → exit",
    command: process.execPath,
    args: ["-e", "0"],
    env: process.env,
    until: "exit",
  };
  console.log(
    `subject: ${subject}\n${plugin.tls}; ${runs} runs each, interleaved, after 2 warm-up rounds\n`,
  );
  const [providerSamples = [], baselineSamples = []] = await interleave([provider, baseline], runs);
  const handshake = providerSamples[0]?.output ?? "";
  if (!handshake.startsWith("1|6|")) {
    throw new Error(
      `The provider did not print a go-plugin handshake line; it printed: ${handshake}`,
    );
  }

  const providerMs = providerSamples.map((s) => s.ms);
  const baselineMs = baselineSamples.map((s) => s.ms);
  const providerRss = median(providerSamples.map((s) => s.rssBytes ?? NaN));
  const baselineRss = nodeBaselineRss();
  const ratio = median(providerMs) / median(baselineMs);
  const rows = [
    ["", "median", "p90", "RSS"],
    [provider.label, ms(median(providerMs)), ms(quantile(providerMs, 0.9)), mb(providerRss)],
    [baseline.label, ms(median(baselineMs)), ms(quantile(baselineMs, 0.9)), mb(baselineRss)],
    ["ratio (provider / node -e 0)", `${ratio.toFixed(2)}×`, "", ""],
  ];
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join("  "),
    );
  }
  const file = recordResult("startup", {
    measuredAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}_${process.arch}`,
    subject,
    tls: plugin.tls,
    runs,
    providerHandshakeMedianMs: round(median(providerMs)),
    providerHandshakeP90Ms: round(quantile(providerMs, 0.9)),
    nodeBaselineMedianMs: round(median(baselineMs)),
    nodeBaselineP90Ms: round(quantile(baselineMs, 0.9)),
    ratio: round(ratio),
    providerRssMb: round(providerRss / 1024 / 1024),
    nodeBaselineRssMb: round(baselineRss / 1024 / 1024),
  });
  console.log(`\nwritten to ${file} (key "startup")`);
} finally {
  cleanup();
}

async function choosePackage(
  given: string | undefined,
): Promise<{ dir: string; subject: string; cleanup: () => void }> {
  const none = () => undefined;
  if (given !== undefined) return { dir: given, subject: `package ${given}`, cleanup: none };
  const built = join(root, PROVIDER_PACKAGE_PATH);
  if (existsSync(built))
    return { dir: built, subject: `built package ${PROVIDER_PACKAGE_PATH}/`, cleanup: none };
  const main = join(root, "src/provider/main.ts");
  const fixture = join(root, "test/fixtures/packaging/entry.ts");
  const entry = existsSync(main) ? main : fixture;
  const dir = mkdtempSync(join(tmpdir(), "bench-startup-"));
  await buildProviderPackage({
    entry,
    outDir: dir,
    providerType: PROVIDER_TYPE,
    version: PROVIDER_VERSION,
    rootDir: root,
  });
  const subject =
    entry === main
      ? "src/provider/main.ts, bundled into a temporary package (no dist/provider-package/ yet)"
      : "PACKAGING FIXTURE test/fixtures/packaging/entry.ts (src/provider/main.ts does not exist yet), bundled into a temporary package";
  return { dir, subject, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// `node -e 0` exits before its memory can be read from outside; ask it for its own RSS instead.
function nodeBaselineRss(): number {
  const result = spawnSync(
    process.execPath,
    ["-e", "process.stdout.write(String(process.memoryUsage.rss()))"],
    {
      encoding: "utf8",
    },
  );
  return Number(result.stdout);
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
