import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "cdktf.out/",
      "coverage/",
      "**/.gen/",
      "src/plugin/proto/gen/",
      "src/constructs/bindings/",
      "**/terraform.d/",
      "bench/results.json",
      ".demo-state/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["error", "warn"] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message:
            'Use `import * as z from "zod"`: the named import makes esbuild bundle every zod locale (607 KB vs 238 KB) into the provider.',
        },
      ],
    },
  },
  {
    // The constructs serve cdktf and cdktn from one source: only the framework module names one
    // (the build rewrites its imports for the CDK Terrain entry point).
    files: ["src/**"],
    ignores: ["src/constructs/framework.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(cdktf|cdktn)(/.*)?$",
              message: "Import the CDK framework from src/constructs/framework.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points, scripts and benchmarks talk to a terminal on purpose.
    files: ["src/cli/**", "scripts/**", "bench/**", "main.ts", "bin/**"],
    rules: { "no-console": "off" },
  },
);
