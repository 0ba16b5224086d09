/**
 * Configuration checks the framework runs for every Validate*Config RPC, before the handler's own
 * `validateConfig`: attribute validators, number precision and deprecation warnings. Unknown
 * values are skipped (they are checked again once known); diagnostics carry attribute paths.
 */
import type { Diagnostics } from "../diagnostics.js";
import { formatPath, type AttributePath } from "../path.js";
import { Unknown, isWhollyKnown, type Value } from "../values/value.js";
import { asRecord, containsBigNumber, eachNested, nestedShape, type ObjectShape } from "./shape.js";

/** Validates a configuration value against its schema, adding diagnostics to `diagnostics`. */
export function validateConfig(shape: ObjectShape, config: Value, diagnostics: Diagnostics): void {
  validateObject(shape, config, [], diagnostics);
}

function validateObject(
  shape: ObjectShape,
  value: Value,
  path: AttributePath,
  diagnostics: Diagnostics,
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
        validateObject(nested, element, step ? [...here, step] : here, diagnostics);
        return element;
      });
    }
  }
  for (const [name, block] of Object.entries(shape.blocks)) {
    const here = [...path, { attribute: name }];
    eachNested(block.nesting, object[name] ?? null, null, (element, _prior, step) => {
      validateObject(block, element, step ? [...here, step] : here, diagnostics);
      return element;
    });
  }
}
