/**
 * An independent encoder and decoder for the repository's .proto files: protobufjs parses them at
 * run time and encodes by reflection, sharing no code with the generated codecs. Tests build
 * requests and read responses with it, so a wrong field number in either the .proto files'
 * generated code or the host shows up as a mismatch.
 */
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import type { Diagnostic } from "../../../src/plugin/index.js";
import type { AttributePath, PathStep } from "../../../src/plugin/path.js";

const PROTO_DIR = fileURLToPath(new URL("../../../src/plugin/proto/", import.meta.url));

/** The parsed .proto files. */
export const protocol = new protobuf.Root().loadSync(
  ["tfplugin6.proto", "go-plugin.proto"].map((file) => PROTO_DIR + file),
);

/** A decoded message as plain data: camelCase fields, defaults filled, enums by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Plain = Record<string, any>;

/** Encodes `object` as the message `typeName` (e.g. `tfplugin6.PlanResourceChange.Request`). */
export function encodeMessage(typeName: string, object: Plain): Uint8Array {
  const type = protocol.lookupType(typeName);
  const problem = type.verify(object);
  if (problem) throw new Error(`${typeName}: ${problem}`);
  return type.encode(type.fromObject(object)).finish();
}

/** Decodes `bytes` as the message `typeName`. */
export function decodeMessage(typeName: string, bytes: Uint8Array): Plain {
  const type = protocol.lookupType(typeName);
  return type.toObject(type.decode(bytes), {
    longs: Number,
    enums: String,
    bytes: Array,
    defaults: true,
    arrays: true,
    objects: true,
    oneofs: true,
  });
}

/** An AttributePath message as the host's path. */
export function pathOf(message: Plain): AttributePath {
  return (message.steps as Plain[]).map((step): PathStep => {
    if (step.selector === "attributeName") return { attribute: step.attributeName };
    if (step.selector === "elementKeyString") return { key: step.elementKeyString };
    return { index: step.elementKeyInt };
  });
}

/** Diagnostic messages as the host's diagnostics. */
export function diagnosticsOf(messages: readonly Plain[]): Diagnostic[] {
  return messages.map((d) => ({
    severity: d.severity === "ERROR" ? "error" : "warning",
    summary: d.summary,
    detail: d.detail,
    ...(d.attribute ? { attribute: pathOf(d.attribute) } : {}),
  }));
}

/** Something that serves unary methods by path, as the provider service does. */
export interface Served {
  readonly methods: ReadonlyMap<
    string,
    (request: Uint8Array, signal: AbortSignal) => Promise<Uint8Array>
  >;
}

/**
 * Calls `tfplugin6.Provider/<method>` of `service` with `request` (encoded independently) and
 * decodes its answer the same way.
 */
export async function callProvider(
  service: Served,
  method: string,
  request: Plain = {},
  signal: AbortSignal = new AbortController().signal,
): Promise<Plain> {
  const handler = service.methods.get(`/tfplugin6.Provider/${method}`);
  if (!handler) throw new Error(`no method ${method}`);
  const answer = await handler(encodeMessage(`tfplugin6.${method}.Request`, request), signal);
  return decodeMessage(`tfplugin6.${method}.Response`, answer);
}

/** A DynamicValue message field holding `msgpack`. */
export const dynamic = (msgpack: Uint8Array): Plain => ({ msgpack });

/** The MessagePack bytes of a decoded DynamicValue (empty when absent). */
export const msgpackOf = (value: Plain | null | undefined): Uint8Array =>
  Uint8Array.from((value?.msgpack as number[] | undefined) ?? []);
