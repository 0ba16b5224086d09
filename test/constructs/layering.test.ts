import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const CONSTRUCTS = join(SRC, "constructs");

describe("src/constructs/", () => {
  it("imports no runtime code from src/provider/ (only its identity constants)", () => {
    const files = readdirSync(CONSTRUCTS, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    );
    const offending = files.flatMap((file) =>
      [
        ...readFileSync(join(CONSTRUCTS, file), "utf8").matchAll(
          /^import (?!type)[^;]*from "(\.[^"]+)"/gm,
        ),
      ]
        .map((m) => relative(SRC, join(CONSTRUCTS, dirname(file), m[1]!)))
        .filter(
          (target) => target.startsWith("provider/") && target !== "provider/provider-address.js",
        )
        .map((target) => `${file}: ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
