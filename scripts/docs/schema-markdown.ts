/**
 * The argument and attribute reference of a schema as Markdown, in the Terraform registry's
 * layout: Required, Optional and Read-Only lists, then the nested object types.
 */
import type { Attribute, Schema } from "../../src/plugin/index.js";
import type { CtyType } from "../../src/plugin/index.js";

/** The registry's name of a Terraform type: `String`, `List of String`, `List of Object`. */
export function typeName(type: CtyType): string {
  if (typeof type === "string") {
    return { string: "String", number: "Number", bool: "Boolean", dynamic: "Dynamic" }[type];
  }
  const [kind, inner] = type;
  switch (kind) {
    case "list":
    case "set":
    case "map":
      return `${kind[0]!.toUpperCase()}${kind.slice(1)} of ${typeName(inner as CtyType)}`;
    case "object":
      return "Object";
    case "tuple":
      return "Tuple";
  }
}

function flags(attribute: Attribute): string {
  const notes = [typeName(attribute.type)];
  if (attribute.sensitive) notes.push("Sensitive");
  if (attribute.writeOnly) notes.push("[Write-only](#write-only-arguments)");
  if (attribute.deprecated) notes.push("Deprecated");
  return notes.join(", ");
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function entry(name: string, attribute: Attribute, nestedAnchor: string | undefined): string {
  const parts = [sentence(attribute.markdownDescription ?? attribute.description)];
  for (const validator of attribute.validators) {
    parts.push(sentence(`Must be ${validator.description}`));
  }
  if (attribute.default !== undefined && !/Default/.test(attribute.description)) {
    parts.push(`Default: \`${JSON.stringify(attribute.default)}\`.`);
  }
  for (const modifier of attribute.planModifiers) {
    if (modifier.replaces) parts.push(sentence(modifier.description));
  }
  if (nestedAnchor) parts.push(`(see [below for nested schema](#${nestedAnchor}))`);
  return `- \`${name}\` (${flags(attribute)}) ${parts.join(" ")}`;
}

function objectFields(type: CtyType): Record<string, CtyType> | undefined {
  if (typeof type === "string") return undefined;
  if (type[0] === "object") return type[1] as Record<string, CtyType>;
  if (type[0] === "list" || type[0] === "set" || type[0] === "map") {
    return objectFields(type[1] as CtyType);
  }
  return undefined;
}

// Registry pages explain the flag once, where the attributes that carry it are listed.
const WRITE_ONLY_NOTE =
  '<a id="write-only-arguments"></a>\n### Write-only arguments\n\n' +
  "Write-only arguments (Terraform 1.11 and later) reach the provider at plan and apply but are " +
  "never stored in the plan or the state, and `terraform show` prints no value for them. An " +
  "older Terraform fails validation on them, naming the version it needs; use the argument " +
  "without `_wo` there.";

/** The `## Schema` section of a resource, data source, ephemeral resource or provider. */
export function schemaMarkdown(schema: Schema): string {
  const groups: Record<"Required" | "Optional" | "Read-Only", string[]> = {
    Required: [],
    Optional: [],
    "Read-Only": [],
  };
  const nested: string[] = [];
  for (const [name, attribute] of Object.entries(schema.attributes).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const fields = objectFields(attribute.type);
    const anchor = fields ? `nestedatt--${name}` : undefined;
    const group =
      attribute.mode === "required"
        ? "Required"
        : attribute.mode === "computed"
          ? "Read-Only"
          : "Optional";
    groups[group].push(entry(name, attribute, anchor));
    if (fields && anchor) {
      nested.push(
        `<a id="${anchor}"></a>\n### Nested Schema for \`${name}\`\n\nRead-Only:\n\n` +
          Object.entries(fields)
            .map(([field, type]) => `- \`${field}\` (${typeName(type)})`)
            .join("\n"),
      );
    }
  }
  const writeOnly = Object.values(schema.attributes).some((attribute) => attribute.writeOnly);
  const sections = Object.entries(groups)
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => `### ${title}\n\n${lines.join("\n")}`);
  if (writeOnly) sections.push(WRITE_ONLY_NOTE);
  return ["## Schema", ...sections, ...nested].join("\n\n");
}
