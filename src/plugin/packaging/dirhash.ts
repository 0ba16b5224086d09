/**
 * Terraform's package checksum, the `h1:` hashes recorded in `.terraform.lock.hcl`.
 *
 * Terraform computes it with Go's `dirhash.HashDir(dir, "", dirhash.Hash1)`: the SHA-256 of the
 * text made of one line `"<hex sha256 of the file>  <slash-separated relative path>\n"` per file,
 * lines sorted by path (byte order), base64-encoded and prefixed with `h1:`. File modes and
 * timestamps are not part of it, so the same files give the same hash on every machine.
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";

/** The prefix Terraform gives version-1 package hashes. */
export const H1_PREFIX = "h1:";

/**
 * Lists the files below `dir` as Go's `dirhash.DirFiles` does: every entry that is not a
 * directory (symbolic links included, as `filepath.Walk` reports them), slash-separated and
 * relative to `dir`, sorted by their UTF-8 bytes.
 */
export function packageFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(dir, relative))) {
      const path = relative === "" ? name : `${relative}/${name}`;
      if (lstatSync(join(dir, path)).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk("");
  return files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * Computes the `h1:` hash Terraform records for the provider package unpacked in `dir`.
 *
 * Like Terraform, it first resolves `dir` itself if it is a symbolic link (a plugin cache links
 * package directories). Throws when `dir` is not a readable directory.
 */
export function h1Hash(dir: string): string {
  const root = realpathSync(dir);
  const summary = createHash("sha256");
  for (const file of packageFiles(root)) {
    if (file.includes("\n")) {
      throw new Error(`Cannot hash ${join(root, file)}: file names with newlines are not allowed.`);
    }
    const digest = createHash("sha256")
      .update(readFileSync(join(root, file)))
      .digest("hex");
    summary.update(`${digest}  ${file}\n`);
  }
  return H1_PREFIX + summary.digest("base64");
}
