import type { Metafile } from "esbuild";
import { chunkFileName, isChunkFile } from "../../../src/plugin/packaging/package-files.js";
import {
  findLazyPackages,
  sharedInputs,
  worthSplitting,
} from "../../../src/plugin/packaging/lazy-packages.js";

type Edge = [
  path: string,
  kind: "import-statement" | "dynamic-import" | "require-call",
  original?: string,
];

// A metafile's inputs from a list of files and their imports.
function metafile(files: Record<string, Edge[]>): Metafile {
  return {
    inputs: Object.fromEntries(
      Object.entries(files).map(([file, edges]) => [
        file,
        {
          bytes: 1,
          imports: edges.map(([path, kind, original]) => ({ path, kind, original })),
        },
      ]),
    ),
    outputs: {},
  } as Metafile;
}

describe("findLazyPackages (synthetic metafiles)", () => {
  it("finds the packages reached only through import(), with the files that import them", () => {
    const found = findLazyPackages(
      metafile({
        "src/main.ts": [
          ["src/http.ts", "import-statement"],
          ["node_modules/eager/index.js", "import-statement", "eager"],
        ],
        "src/http.ts": [
          ["node_modules/got/index.js", "dynamic-import", "got"],
          ["src/schemas.ts", "dynamic-import"],
        ],
        "src/schemas.ts": [["node_modules/zod/index.js", "import-statement", "zod"]],
        "node_modules/got/index.js": [
          ["node_modules/@scope/dep/index.js", "import-statement", "@scope/dep"],
        ],
        "node_modules/@scope/dep/index.js": [],
        "node_modules/zod/index.js": [["node_modules/zod/v4/core.js", "import-statement"]],
        "node_modules/zod/v4/core.js": [],
        "node_modules/eager/index.js": [],
      }),
      "src/main.ts",
    );
    // got's own dependency travels with it and is not a package of its own.
    expect(found).toEqual([
      { name: "got", importers: ["src/http.ts"] },
      { name: "zod", importers: ["src/schemas.ts"] },
    ]);
  });

  it("leaves in the program a package that something loaded at start also imports", () => {
    const found = findLazyPackages(
      metafile({
        "src/main.ts": [
          ["node_modules/zod/index.js", "import-statement", "zod"],
          ["src/later.ts", "dynamic-import"],
        ],
        "src/later.ts": [["node_modules/zod/index.js", "import-statement", "zod"]],
        "node_modules/zod/index.js": [],
      }),
      "src/main.ts",
    );
    expect(found).toEqual([]);
  });

  it("refuses a lazily loaded package imported by a path inside it", () => {
    expect(() =>
      findLazyPackages(
        metafile({
          "src/main.ts": [["node_modules/zod/mini/index.js", "dynamic-import", "zod/mini"]],
          "node_modules/zod/mini/index.js": [],
        }),
        "src/main.ts",
      ),
    ).toThrow(/imports the lazily loaded package zod as zod\/mini: import it by its name only/);
  });

  it("names what two outputs would both hold", () => {
    const a = metafile({ "src/a.ts": [], "node_modules/x/i.js": [] });
    const b = metafile({ "node_modules/x/i.js": [], "node_modules/y/i.js": [] });
    expect(sharedInputs(a, b)).toEqual(["node_modules/x/i.js"]);
  });

  it("splits a package only when bundling it alone does not make it much larger", () => {
    expect(worthSplitting(160_000, 164_000)).toBe(true); // got: almost all of it is used
    expect(worthSplitting(103_000, 570_000)).toBe(false); // zod: the program uses a fifth
    expect(worthSplitting(100, 2_000)).toBe(true); // esbuild's module helpers on a tiny package
  });

  it("names a chunk's file after the program's, never like the executable", () => {
    expect(chunkFileName("demo-program.cjs", "got")).toBe("demo-program.got.cjs");
    expect(chunkFileName("demo-program.cjs", "@scope/name")).toBe("demo-program.scope-name.cjs");
    expect(isChunkFile("demo-program.cjs", chunkFileName("demo-program.cjs", "got"))).toBe(true);
    expect(isChunkFile("demo-program.cjs", "demo-provider.cjs")).toBe(false);
  });
});
