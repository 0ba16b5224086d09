/**
 * The legacy "flatmap" state format (Terraform 0.11 and older): a flat string map such as
 * `{"tags.%": "1", "tags.env": "prod", "rule.#": "1", "rule.0.port": "80"}`. Still readable so
 * that UpgradeResourceState can accept any state a user may have.
 */
import { numberFromDecimal } from "./numbers.js";
import type { CtyType } from "./types.js";
import { emptyRecord, type Value } from "./value.js";

/** Reads a flatmap as a value of an object `type` (the resource's current schema type). */
export function decodeFlatmap(flat: Readonly<Record<string, string>>, type: CtyType): Value {
  return read(flat, "", type);
}

function read(flat: Readonly<Record<string, string>>, prefix: string, type: CtyType): Value {
  const key = (suffix: string) => (prefix ? `${prefix}.${suffix}` : suffix);
  if (typeof type === "string") {
    const text = flat[prefix];
    if (text === undefined || type === "dynamic") return text ?? null;
    if (type === "number") return numberFromDecimal(text);
    if (type === "bool") return text === "true";
    return text;
  }
  switch (type[0]) {
    case "object": {
      const object = emptyRecord();
      for (const [name, t] of Object.entries(type[1])) object[name] = read(flat, key(name), t);
      return object;
    }
    case "list":
    case "tuple": {
      const count = flat[key("#")];
      if (count === undefined) return null;
      const elements: CtyType[] =
        type[0] === "list" ? Array(Number(count)).fill(type[1]) : [...type[1]];
      return elements.map((t, i) => read(flat, key(String(i)), t));
    }
    case "set": {
      if (flat[key("#")] === undefined) return null;
      // Set elements are indexed by hash codes, not positions.
      return childNames(flat, prefix, "#", false).map((name) => read(flat, key(name), type[1]));
    }
    case "map": {
      if (flat[key("%")] === undefined) return null;
      const map = emptyRecord();
      const primitive = typeof type[1] === "string";
      for (const name of childNames(flat, prefix, "%", primitive)) {
        map[name] = read(flat, key(name), type[1]);
      }
      return map;
    }
  }
}

function childNames(
  flat: Readonly<Record<string, string>>,
  prefix: string,
  countKey: string,
  wholeRest: boolean,
): string[] {
  const start = prefix ? `${prefix}.` : "";
  const names = new Set<string>();
  for (const k of Object.keys(flat)) {
    if (!k.startsWith(start)) continue;
    const rest = k.slice(start.length);
    const name = wholeRest ? rest : (rest.split(".")[0] as string);
    if (name !== countKey) names.add(name);
  }
  return [...names].sort();
}
