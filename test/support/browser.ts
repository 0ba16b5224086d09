/**
 * The browser the end-to-end tests drive (with playwright-core): by default the Chromium build
 * that the npm package `@sparticuz/chromium` ships inside itself (a devDependency, so `npm ci`
 * brings it and nothing is downloaded at run time); `CHROMIUM_PATH` may name another Chromium or
 * Chrome executable instead. A browser that cannot start fails the test with the reason and
 * what to do: it never skips.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";

/** Which browser the tests use, and how to start it. */
export interface TestBrowser {
  /** Where it came from, for messages: `CHROMIUM_PATH` or the npm package and its version. */
  readonly source: string;
  readonly executablePath: string;
  readonly args: readonly string[];
}

const PACKAGE = "@sparticuz/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));

// Flags for a desktop Chromium run by tests: root in a container needs --no-sandbox; the rest
// keep it from calling home.
const DESKTOP_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let chosen: Promise<TestBrowser> | undefined;

/** The browser for this run (unpacking the package's build on first use). */
export function testBrowser(): Promise<TestBrowser> {
  chosen ??= choose();
  return chosen;
}

/**
 * Starts the test browser, headless, on a fresh profile in `userDataDir` (playwright passes it
 * as `--user-data-dir`); rejects with the reason when it cannot start.
 */
export async function launchTestBrowser(userDataDir: string): Promise<BrowserContext> {
  const browser = await testBrowser();
  try {
    return await chromium.launchPersistentContext(userDataDir, {
      executablePath: browser.executablePath,
      args: [...browser.args],
      headless: true,
    });
  } catch (error) {
    throw new Error(
      `The test browser (${browser.source}, ${browser.executablePath}) did not start: ` +
        `${(error as Error).message}\nSet CHROMIUM_PATH to a Chromium or Chrome executable ` +
        `that runs on this machine, or reinstall ${PACKAGE} with \`npm ci\`.`,
    );
  }
}

async function choose(): Promise<TestBrowser> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) {
      throw new Error(`CHROMIUM_PATH is ${override}, which does not exist.`);
    }
    return { source: "CHROMIUM_PATH", executablePath: override, args: DESKTOP_ARGS };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `${PACKAGE} ships a Chromium build for linux-x64 only, and this is ` +
        `${process.platform}-${process.arch}: set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    );
  }
  const version = installedVersion();
  const executablePath = unpacked(version);
  const args = await packageArgs();
  return { source: `${PACKAGE} ${version}`, executablePath, args };
}

/** The installed version of the package (its exports map hides its package.json from require). */
function installedVersion(): string {
  let entry: string;
  try {
    entry = createRequire(join(root, "package.json")).resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed: run \`npm ci\` (it is a devDependency).`);
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as {
      name?: string;
      version: string;
    };
    if (name === PACKAGE) return version;
  }
  throw new Error(`${PACKAGE} is installed without its package.json (${entry}): run \`npm ci\`.`);
}

/**
 * The package's browser, unpacked once per version into node_modules/.cache/ (about 200 MB;
 * removed with node_modules). Unpacked beside it first and renamed into place, so that two test
 * processes never see half a browser.
 */
function unpacked(version: string): string {
  const cache = join(root, "node_modules/.cache");
  const target = join(cache, `sparticuz-chromium-${version}`);
  const executable = join(target, "chromium");
  if (existsSync(executable)) return executable;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(`${target}.partial-`);
  // The package unpacks into os.tmpdir(), which a child with its own TMPDIR points at staging.
  const run = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "--eval",
      `const { default: c } = await import("${PACKAGE}"); process.stdout.write(await c.executablePath());`,
    ],
    { cwd: root, env: { ...process.env, TMPDIR: staging }, encoding: "utf8" },
  );
  if (run.status !== 0 || run.stdout !== join(staging, "chromium")) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `Unpacking the Chromium of ${PACKAGE} ${version} failed (exit ${run.status}): ` +
        `${run.stderr || run.stdout}`,
    );
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another test process got there first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
}

/** The flags the package recommends for its build (headless shell, single process, no sandbox). */
async function packageArgs(): Promise<string[]> {
  const { default: packaged } = await import(PACKAGE);
  return packaged.args;
}
