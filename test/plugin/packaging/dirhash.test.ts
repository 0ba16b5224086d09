import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { h1Hash, packageFiles } from "../../../src/plugin/packaging/dirhash.js";

const hashTree = fileURLToPath(new URL("../../fixtures/packaging/hash-tree/", import.meta.url));

// Derived independently of this code, with coreutils mirroring Go's dirhash.Hash1:
//   cd test/fixtures/packaging/hash-tree && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
//   while IFS= read -r f; do printf '%s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$f"; done |
//   sha256sum | cut -d' ' -f1 | xxd -r -p | base64
const HASH_TREE_H1 = "h1:JM81s4D4lvAnY76d94VlyAOBUYJkJUCJZvVpbCVfJ+4=";

describe("h1Hash", () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "dirhash-"));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("matches a hash computed with sha256sum for a known directory", () => {
    expect(h1Hash(hashTree)).toBe(HASH_TREE_H1);
  });

  it("sorts paths by UTF-8 bytes, as Go does, not by walk order or UTF-16", () => {
    expect(packageFiles(hashTree)).toEqual([
      "a.txt", // "." (0x2e) sorts before "/" (0x2f): a.txt before a/x.txt
      "a/x.txt",
      "demo-provider.cjs",
      "docs/Zebra.txt", // upper case before lower case
      "docs/apple.txt",
      "empty",
      "terraform-provider-demo_v1.2.3",
      "\uFF21.txt", // U+FF21 is EF BC A1 in UTF-8, before U+1F600 (F0 9F 98 80)
      "\u{1F600}.txt",
    ]);
  });

  it("ignores file modes and depends on names and contents only", () => {
    writeFileSync(join(scratch, "run"), "#!/bin/sh\n", { mode: 0o755 });
    const executable = h1Hash(scratch);
    rmSync(join(scratch, "run"));
    writeFileSync(join(scratch, "run"), "#!/bin/sh\n", { mode: 0o600 });
    expect(h1Hash(scratch)).toBe(executable);
    writeFileSync(join(scratch, "run"), "#!/bin/bash\n");
    expect(h1Hash(scratch)).not.toBe(executable);
  });

  it("hashes the target when the package directory is reached through a symbolic link", () => {
    const link = join(scratch, "linked");
    symlinkSync(hashTree, link);
    expect(h1Hash(link)).toBe(HASH_TREE_H1);
  });

  it("is the hash of the empty listing for an empty directory", () => {
    mkdirSync(join(scratch, "empty"));
    // sha256 of zero bytes, base64.
    expect(h1Hash(join(scratch, "empty"))).toBe("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });

  it("refuses a path that is not a directory", () => {
    expect(() => h1Hash(join(hashTree, "a.txt"))).toThrow();
  });
});
