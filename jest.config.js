// Jest runs our TypeScript as native ES modules (see README, "Module strategy"): @swc/jest strips
// types without type-checking (`npm run typecheck` does that), and the `.js` suffixes that Node's
// ESM resolution requires in imports are mapped back to the `.ts` sources.
const transform = {
  "^.+\\.ts$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript" },
        target: "es2022",
        // Keep `with { type: "json" }` on JSON imports, which Node's ESM loader requires.
        experimental: { keepImportAttributes: true },
      },
      module: { type: "es6" },
      sourceMaps: "inline",
    },
  ],
};
const common = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform,
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
};

/** @type {import('jest').Config} */
export default {
  // Jest's default is one worker less than the cores: one worker on the 2-core CI machine. The
  // end-to-end suites mostly wait on child processes (terraform, cdktf, the provider), so two
  // workers keep both cores busy; no test binds a port another suite uses (only the README's HCL
  // walkthrough uses a fixed one, 4010) and each works in its own temporary folders.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/test/e2e/", "<rootDir>/test/reliability/"],
    },
    {
      // The same construct tests on CDK Terrain: the framework's module names map to cdktn, as
      // the build maps them for the package's `cdktf-amazon-ads/cdktn` entry point.
      ...common,
      displayName: "cdktn",
      testMatch: ["<rootDir>/test/constructs/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/test/constructs/framework-mixing.test.ts"],
      globals: { EXPECTED_FRAMEWORK: "cdktn" },
      moduleNameMapper: {
        ...common.moduleNameMapper,
        "^cdktf$": "cdktn",
        "^cdktf/(.*)$": "cdktn/$1",
      },
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts", "<rootDir>/test/reliability/**/*.test.ts"],
      // End-to-end tests drive real terraform/cdktf processes: give them room, not a deadline.
      // (`testTimeout` is global-only in Jest, so the e2e project sets it in a setup file.)
      setupFilesAfterEnv: ["<rootDir>/test/e2e/support/timeout.ts"],
    },
  ],
};
