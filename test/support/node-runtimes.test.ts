/**
 * The extra Node.js versions that `npm ci` installs for the tests are real, runnable Node.js
 * binaries of the pinned versions, and `withNodeOnPath` makes a plain `node` (as a shell or a
 * shim looks it up) resolve to them.
 */
import { execFileSync } from "node:child_process";
import { nodeRuntime, nodeRuntimes, withNodeOnPath } from "./node-runtimes.js";

describe("the Node.js runtimes installed by npm ci", () => {
  it.each([22, 24] as const)("Node.js %i runs and reports the pinned version", (major) => {
    const runtime = nodeRuntime(major);
    expect(runtime.major).toBe(major);
    const printed = execFileSync(runtime.bin, ["-p", "process.versions.node"], {
      encoding: "utf8",
    });
    expect(printed.trim()).toBe(runtime.version);
  });

  it("Node.js 22 is recent enough for cdktn-cli (>= 22.19)", () => {
    const [, minor = 0] = nodeRuntime(22).version.split(".").map(Number);
    expect(minor).toBeGreaterThanOrEqual(19);
  });

  it.each([22, 24] as const)("a `node` looked up on PATH is Node.js %i", (major) => {
    const runtime = nodeRuntime(major);
    const printed = execFileSync("sh", ["-c", "node --version"], {
      env: withNodeOnPath(runtime),
      encoding: "utf8",
    });
    expect(printed.trim()).toBe(`v${runtime.version}`);
  });

  it("lists the machine's own Node.js first, then 22 and 24", () => {
    const versions = nodeRuntimes().map((runtime) => runtime.version);
    expect(versions[0]).toBe(process.versions.node);
    expect(versions).toEqual(
      expect.arrayContaining([nodeRuntime(22).version, nodeRuntime(24).version]),
    );
  });

  it("never puts a `node` of its own in node_modules/.bin, where npm scripts would find it", () => {
    const found = execFileSync("sh", ["-c", "command -v node"], { encoding: "utf8" }).trim();
    expect(found).not.toContain("node-runtimes");
    expect(found).not.toContain("node_modules/.bin");
  });
});
