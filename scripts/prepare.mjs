// npm runs this `prepare` step after `npm ci` / `npm install` in this repository, and before
// `npm pack` / `npm publish`. It builds what the package ships (scripts/build.mjs), then, for a
// development install only, installs the extra Node.js versions the tests run on
// (tools/node-runtimes, pinned by its own lockfile).
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

await import("./build.mjs");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tools = join(root, "tools/node-runtimes");

// Packing or publishing builds the package and nothing else: the runtimes are ~190 MB each and
// belong to the tests, never to the tarball. Nor does an install of this package from git into
// another project (npm runs prepare in a temporary clone then, started from that project:
// INIT_CWD is where npm was run).
const command = process.env.npm_command ?? "";
const startedHere = resolve(process.env.INIT_CWD ?? root) === resolve(root);
if (["pack", "publish"].includes(command)) {
  console.log(`prepare: npm ${command}: not installing the test Node.js runtimes.`);
} else if (!startedHere) {
  console.log("prepare: installed as a dependency: not installing the test Node.js runtimes.");
} else {
  installNodeRuntimes();
}

/**
 * `npm ci` in tools/node-runtimes, with the npm that runs this script. `--no-bin-links`: the
 * packages' `bin/node` must never be linked as a `node` that npm scripts would find on PATH.
 */
function installNodeRuntimes() {
  const npm = process.env.npm_execpath;
  const [file, prefixArgs] = npm ? [process.execPath, [npm]] : ["npm", []];
  const env = { ...process.env };
  // The outer npm's project, which the inner npm must not take for its own.
  delete env.npm_config_local_prefix;
  const started = performance.now();
  const result = spawnSync(
    file,
    [...prefixArgs, "ci", "--no-bin-links", "--no-audit", "--no-fund", "--loglevel=error"],
    { cwd: tools, env, stdio: "inherit" },
  );
  if (result.status !== 0) {
    console.error(
      `prepare: installing the test Node.js runtimes (npm ci in ${tools}) failed` +
        `${result.error ? `: ${result.error.message}` : ` with exit code ${result.status}`}.`,
    );
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`prepare: test Node.js runtimes installed in tools/node-runtimes/ (${seconds} s)`);
}
