import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  renderLockEntry,
  upsertLockEntry,
  writeLockEntry,
  type LockEntry,
} from "../../../src/plugin/packaging/lock-file.js";

const ours: LockEntry = {
  source: "terraform.local/acme/demo",
  version: "1.2.3",
  constraints: "1.2.3",
  hashes: ["h1:NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWN="],
};

const HEADER = `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.
`;

const aws = `provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.0.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:AWSAWSAWS=",
    "zh:0123456789abcdef",
  ]
}
`;

const random = `provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.0"
  hashes = [
    "h1:RANDOMRANDOM=",
  ]
}
`;

const staleOurs = `provider "terraform.local/acme/demo" {
  version     = "1.2.3"
  constraints = "1.2.3"
  hashes = [
    "h1:OLDOLDOLD=",
  ]
}
`;

describe("lock file entries", () => {
  it("renders an entry the way terraform init writes it", () => {
    expect(renderLockEntry(ours)).toBe(`provider "terraform.local/acme/demo" {
  version     = "1.2.3"
  constraints = "1.2.3"
  hashes = [
    "h1:NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWN=",
  ]
}
`);
  });

  it("creates a lock file with the header and the entry when there is none", () => {
    const { text, change } = upsertLockEntry(undefined, ours);
    expect(change).toBe("created");
    expect(text).toBe(`${HEADER}\n${renderLockEntry(ours)}`);
  });

  it("adds the entry in address order and keeps the other entries byte for byte", () => {
    const existing = `${HEADER}\n${aws}\n${random}`;
    const { text, change } = upsertLockEntry(existing, ours);
    expect(change).toBe("added");
    expect(text).toBe(`${HEADER}\n${aws}\n${random}\n${renderLockEntry(ours)}`);

    const early = { ...ours, source: "registry.terraform.io/acme/demo" };
    expect(upsertLockEntry(existing, early).text).toBe(
      `${HEADER}\n${renderLockEntry(early)}\n${aws}\n${random}`,
    );
  });

  it("replaces a stale hash for the same provider and keeps its neighbours", () => {
    const existing = `${HEADER}\n${aws}\n${random}\n${staleOurs}`;
    const { text, change } = upsertLockEntry(existing, ours);
    expect(change).toBe("replaced");
    expect(text).toBe(`${HEADER}\n${aws}\n${random}\n${renderLockEntry(ours)}`);
    expect(text).not.toContain("OLDOLDOLD");
  });

  it("replaces an entry recorded for another version", () => {
    const existing = `${HEADER}\n${renderLockEntry({ ...ours, version: "1.0.0", constraints: "1.0.0" })}`;
    expect(upsertLockEntry(existing, ours)).toEqual({
      text: `${HEADER}\n${renderLockEntry(ours)}`,
      change: "replaced",
    });
  });

  it("leaves an entry that already records the hash untouched", () => {
    const existing = `${HEADER}\n${renderLockEntry(ours)}\n${random}`;
    expect(upsertLockEntry(existing, ours)).toEqual({ text: existing, change: "unchanged" });
  });

  it("says how to recover from a truncated lock file", () => {
    expect(() => upsertLockEntry(`${HEADER}\nprovider "x/y/z" {\n  version = "1"\n`, ours)).toThrow(
      /no closing "}"; fix or delete the file/,
    );
  });

  describe("writeLockEntry", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "lock-file-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("creates, then keeps, then updates the file on disk", () => {
      const file = join(dir, ".terraform.lock.hcl");
      expect(writeLockEntry(file, ours)).toBe("created");
      expect(writeLockEntry(file, ours)).toBe("unchanged");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n${random}`);
      const rebuilt = { ...ours, hashes: ["h1:REBUILT="] };
      expect(writeLockEntry(file, rebuilt)).toBe("replaced");
      // Replaced in place: its neighbours keep their positions even when out of order.
      expect(readFileSync(file, "utf8")).toBe(`${HEADER}\n${renderLockEntry(rebuilt)}\n${random}`);
    });
  });
});
