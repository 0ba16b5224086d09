/**
 * Attribute paths: where in a resource's configuration or state a value lives, as Terraform's
 * diagnostics and `requires_replace` name it (`rule[0].port`, `tags["env"]`).
 */

/** One step of a path: an attribute of an object, an element index, or a map key. */
export type PathStep =
  { readonly attribute: string } | { readonly index: number } | { readonly key: string };

/** A path from the root object of a schema down to one value. */
export type AttributePath = readonly PathStep[];

/**
 * Builds a path: strings are attribute names, numbers element indexes, `{ key }` map keys.
 *
 * @example attributePath("rule", 0, "port") // rule[0].port
 */
export function attributePath(...steps: (string | number | { key: string })[]): AttributePath {
  return steps.map((step) =>
    typeof step === "string"
      ? { attribute: step }
      : typeof step === "number"
        ? { index: step }
        : step,
  );
}

/** Renders a path the way Terraform users read it: `rule[0].port`, `tags["env"]`. */
export function formatPath(path: AttributePath): string {
  let text = "";
  for (const step of path) {
    if ("attribute" in step) text += text ? `.${step.attribute}` : step.attribute;
    else if ("index" in step) text += `[${step.index}]`;
    else text += `[${JSON.stringify(step.key)}]`;
  }
  return text;
}
