/**
 * Searching everything a run printed and wrote for the secrets the emulator issued: whole, and by
 * a prefix long enough to be one secret's only (so a truncated token in a log line counts too).
 * Reports where and which kind of secret, never the secret itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { inflateRawSync } from "node:zlib";

/** How many leading characters of a secret count as the secret. */
const PREFIX_LENGTH = 20;

/** One place a secret was found. */
export interface Leak {
  /** The stream or file (relative path) it was found in. */
  readonly where: string;
  /** What the secret looks like (`Atzr|…`), its index in the list, and whether whole or prefix. */
  readonly secret: string;
}

/** Something to scan: a name and its bytes or text. */
export interface Scanned {
  readonly where: string;
  readonly content: Buffer | string;
}

function shape(secret: string, index: number, whole: boolean): string {
  return `#${index} ${secret.slice(0, 5)}… (${whole ? "whole" : `first ${PREFIX_LENGTH} characters`})`;
}

/** Every place any of `secrets` (or a long prefix of one) appears in `scanned`. */
export function findLeaks(scanned: readonly Scanned[], secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const { where, content } of scanned) {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    secrets.forEach((secret, index) => {
      if (bytes.includes(secret)) leaks.push({ where, secret: shape(secret, index, true) });
      else if (secret.length > PREFIX_LENGTH && bytes.includes(secret.slice(0, PREFIX_LENGTH))) {
        leaks.push({ where, secret: shape(secret, index, false) });
      }
    });
  }
  return leaks;
}

/** Every file below `dir` (relative paths), except those `skip` says to leave out. */
export function filesBelow(dir: string, skip: (path: string) => boolean = () => false): Scanned[] {
  const walk = (at: string): Scanned[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
      const path = join(at, entry.name);
      const name = relative(dir, path);
      if (skip(name)) return [];
      if (entry.isDirectory()) return walk(path);
      if (!entry.isFile() || statSync(path).size === 0) return [];
      return [{ where: name, content: readFileSync(path) }];
    });
  return walk(dir);
}

/**
 * The entries of a zip archive (a saved Terraform plan is one), inflated: the archive's own bytes
 * are compressed, so a secret inside would not show in a plain byte search.
 */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  // The central directory ends with a record whose signature is 0x06054b50.
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
