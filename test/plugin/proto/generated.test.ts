// The committed codecs are what `npm run proto` makes of the committed .proto files: the test
// regenerates them (buf and ts-proto from node_modules) into a temporary directory and compares.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const GENERATED = "src/plugin/proto/gen";

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return found;
}

describe("generated protocol codecs", () => {
  it("match what the .proto files generate (run `npm run proto` after editing them)", () => {
    const out = mkdtempSync(join(tmpdir(), "proto-gen-"));
    try {
      execFileSync(
        join(ROOT, "node_modules/.bin/buf"),
        ["generate", "src/plugin/proto", "--template", "src/plugin/proto/buf.gen.yaml", "-o", out],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            PATH: `${join(ROOT, "node_modules/.bin")}${delimiter}${process.env.PATH}`,
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      const fresh = files(join(out, GENERATED));
      const committed = files(join(ROOT, GENERATED));
      expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [name, text] of fresh)
        expect({ [name]: committed.get(name) }).toEqual({ [name]: text });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
