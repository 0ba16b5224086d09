/**
 * Configuration checks the framework runs for every Validate*Config RPC, before the handler's own
 * `validateConfig`: attribute validators, number precision and deprecation warnings. Unknown
 * values are skipped (they are checked again once known); diagnostics carry attribute paths.
 */
import type { Diagnostics } from "../diagnostics.js";
import { formatPath, type AttributePath } from "../path.js";
import { Unknown, isWhollyKnown, type Value } from "../values/value.js";
import { asRecord, containsBigNumber, eachNested, nestedShape, type ObjectShape } from "./shape.js";

/** What Terraform said about itself, for the checks that depend on its version. */
export interface TerraformSupport {
  /** Terraform accepts write-only attributes (Terraform ≥ 1.11 says so in its requests). */
  readonly writeOnlyAllowed: boolean;
  /** Terraform's version, when ConfigureProvider told it. */
  readonly terraformVersion?: string | undefined;
}

/** Validates a configuration value against its schema, adding diagnostics to `diagnostics`. */
export function validateConfig(
  shape: ObjectShape,
  config: Value,
  diagnostics: Diagnostics,
  support: TerraformSupport = { writeOnlyAllowed: false },
): void {
  validateObject(shape, config, [], diagnostics, support);
}

function validateObject(
  shape: ObjectShape,
  value: Value,
  path: AttributePath,
  diagnostics: Diagnostics,
  support: TerraformSupport,
) {
  const object = asRecord(value);
  if (!object) return;
  for (const [name, attribute] of Object.entries(shape.attributes)) {
    const v = object[name] ?? null;
    if (v === null) continue;
    const here = [...path, { attribute: name }];
    const where = formatPath(here);
    if (attribute.deprecated) {
      diagnostics.warning(`Attribute ${where} is deprecated`, attribute.deprecated, here);
    }
    if (attribute.writeOnly && !support.writeOnlyAllowed) {
      writeOnlyUnsupported(where, here, support.terraformVersion, diagnostics);
      continue;
    }
    if (v instanceof Unknown) continue;
    if (!attribute.nested && !attribute.bigNumbers && containsBigNumber(v)) {
      diagnostics.error(
        `Invalid value for ${where}`,
        `${where} holds a number too large or too precise for this attribute ` +
          "(at most 15 significant digits, integers up to 2^53). Use a smaller number.",
        here,
      );
      continue;
    }
    if (isWhollyKnown(v)) {
      for (const validator of attribute.validators) {
        const problem = validator.validate(v);
        if (problem) diagnostics.error(`Invalid value for ${where}`, `${where} ${problem}.`, here);
      }
    }
    const nested = nestedShape(attribute);
    if (nested && attribute.nested) {
      eachNested(attribute.nested.nesting, v, null, (element, _prior, step) => {
        validateObject(nested, element, step ? [...here, step] : here, diagnostics, support);
        return element;
      });
    }
  }
  for (const [name, block] of Object.entries(shape.blocks)) {
    const here = [...path, { attribute: name }];
    eachNested(block.nesting, object[name] ?? null, null, (element, _prior, step) => {
      validateObject(block, element, step ? [...here, step] : here, diagnostics, support);
      return element;
    });
  }
}

/** The first Terraform version that takes write-only attributes. */
export const WRITE_ONLY_SINCE = "1.11";

// Terraform before 1.11 ignores the schema's write_only flag: it would store the value in plan and
// state, then reject the plan that leaves it null. Stop it before anything is planned.
function writeOnlyUnsupported(
  where: string,
  path: AttributePath,
  version: string | undefined,
  diagnostics: Diagnostics,
): void {
  const running =
    version === undefined
      ? "This Terraform did not say it supports them"
      : `This is Terraform ${version}, which does not`;
  diagnostics.error(
    `${where} needs Terraform ${WRITE_ONLY_SINCE} or later`,
    `${where} is a write-only argument: Terraform hands its value to the provider without storing ` +
      `it in the plan or the state, which Terraform ${WRITE_ONLY_SINCE} and later support. ` +
      `${running}. Upgrade Terraform to ${WRITE_ONLY_SINCE} or later, or give the value through ` +
      "an argument that is not write-only, if the resource has one.",
    path,
  );
}
