/**
 * Schema-driven transformations that keep secrets where they belong: redacting sensitive
 * attributes before a value is logged, and dropping write-only attributes from plan and state.
 */
import type { Attribute } from "../schema/attributes.js";
import { emptyRecord, type Value } from "../values/value.js";
import { asRecord, eachNested, nestedShape, type ObjectShape } from "./shape.js";

const REDACTED = "<sensitive>";

/**
 * A copy of `value` fit for a log line: every sensitive or write-only attribute that is set is
 * replaced by `"<sensitive>"`, at any depth.
 */
export function redactBySchema(shape: ObjectShape, value: Value): Value {
  return mapAttributes(shape, value, (attribute, v) =>
    (attribute.sensitive || attribute.writeOnly) && v !== null ? REDACTED : undefined,
  );
}

/**
 * `value` with every write-only attribute null (they never enter plan or state): a copy when the
 * shape has write-only attributes, else `value` itself (most schemas have none, and every state
 * Terraform receives passes here).
 */
export function withoutWriteOnly(shape: ObjectShape, value: Value): Value {
  if (!hasWriteOnly(shape)) return value;
  return mapAttributes(shape, value, (attribute) => (attribute.writeOnly ? null : undefined));
}

const writeOnlyShapes = new WeakMap<ObjectShape, boolean>();

function hasWriteOnly(shape: ObjectShape): boolean {
  let found = writeOnlyShapes.get(shape);
  if (found === undefined) {
    found =
      Object.values(shape.attributes).some((attribute) => {
        const nested = nestedShape(attribute);
        return attribute.writeOnly === true || (nested !== undefined && hasWriteOnly(nested));
      }) || Object.values(shape.blocks).some((block) => hasWriteOnly(block));
    writeOnlyShapes.set(shape, found);
  }
  return found;
}

/**
 * Rebuilds an object value, letting `replace` substitute an attribute's value (return undefined to
 * keep it and descend into nested attributes and blocks).
 */
function mapAttributes(
  shape: ObjectShape,
  value: Value,
  replace: (attribute: Attribute, value: Value) => Value | undefined,
): Value {
  const object = asRecord(value);
  if (!object) return value;
  const out = emptyRecord();
  for (const [name, v] of Object.entries(object)) {
    const attribute = shape.attributes[name];
    const block = shape.blocks[name];
    if (attribute) {
      const substitute = replace(attribute, v);
      const nested = nestedShape(attribute);
      out[name] =
        substitute !== undefined
          ? substitute
          : nested && attribute.nested
            ? eachNested(attribute.nested.nesting, v, null, (e) =>
                mapAttributes(nested, e, replace),
              )
            : v;
    } else if (block) {
      out[name] = eachNested(block.nesting, v, null, (e) => mapAttributes(block, e, replace));
    } else {
      out[name] = v;
    }
  }
  return out;
}
