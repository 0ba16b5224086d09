/**
 * Conversions between the host's own types and the generated protocol messages: diagnostics,
 * attribute paths, and values in a DynamicValue (MessagePack, or JSON from some requests).
 */
import type { Diagnostic } from "../diagnostics.js";
import type { AttributePath } from "../path.js";
import * as tf from "../proto/gen/tfplugin6.js";
import { decodeJsonValue } from "../values/json.js";
import { decodeMsgpack, encodeMsgpack } from "../values/msgpack.js";
import type { CtyType } from "../values/types.js";
import type { Value } from "../values/value.js";

/** Zero bytes, for bytes fields with nothing to say. */
export const NO_BYTES = new Uint8Array(0);

/** A value of `type` from a DynamicValue (absent or empty → null). */
export function fromDynamic(dynamic: tf.DynamicValue | undefined, type: CtyType): Value {
  if (dynamic === undefined) return null;
  if (dynamic.msgpack.length > 0) return decodeMsgpack(dynamic.msgpack, type);
  if (dynamic.json.length > 0) return decodeJsonValue(new TextDecoder().decode(dynamic.json), type);
  return null;
}

/** A value of `type` as a MessagePack DynamicValue; undefined (none) stays undefined. */
export function toDynamic(value: Value | undefined, type: CtyType): tf.DynamicValue | undefined {
  return value === undefined ? undefined : { msgpack: encodeMsgpack(value, type), json: NO_BYTES };
}

/** Empty private bytes mean none. */
export function fromPrivate(bytes: Uint8Array): Uint8Array | undefined {
  return bytes.length > 0 ? bytes : undefined;
}

/** Diagnostics as the protocol carries them. */
export function toDiagnostics(diagnostics: readonly Diagnostic[]): tf.Diagnostic[] {
  return diagnostics.map((d) => ({
    severity:
      d.severity === "error" ? tf.Diagnostic_Severity.ERROR : tf.Diagnostic_Severity.WARNING,
    summary: d.summary,
    detail: d.detail,
    ...(d.attribute && d.attribute.length > 0 ? { attribute: toAttributePath(d.attribute) } : {}),
  }));
}

/** An attribute path as the protocol carries it. */
export function toAttributePath(path: AttributePath): tf.AttributePath {
  return {
    steps: path.map((step) => ({
      selector:
        "attribute" in step
          ? { $case: "attributeName", value: step.attribute }
          : "key" in step
            ? { $case: "elementKeyString", value: step.key }
            : { $case: "elementKeyInt", value: step.index },
    })),
  };
}
