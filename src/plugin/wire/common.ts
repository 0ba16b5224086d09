/**
 * Codecs for the tfplugin6 building blocks shared by many messages: dynamic values, diagnostics,
 * attribute paths, schemas and capabilities. Field numbers follow Terraform's protocol 6.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { AttributePath, PathStep } from "../path.js";
import { typeToJson, type CtyType } from "../values/types.js";
import type { ProtoFields, ProtoWriter } from "./protobuf.js";

/** A DynamicValue as it travels: msgpack bytes, or (from some RPCs) JSON bytes. */
export interface DynamicValueBytes {
  /** MessagePack encoding (what Terraform sends and expects almost everywhere). */
  readonly msgpack?: Uint8Array;
  /** JSON encoding. */
  readonly json?: Uint8Array;
}

/** Reads a DynamicValue message (absent → undefined). */
export function readDynamicValue(fields: ProtoFields | undefined): DynamicValueBytes | undefined {
  if (!fields) return undefined;
  const msgpack = fields.optionalBytes(1);
  const json = fields.optionalBytes(2);
  return { ...(msgpack ? { msgpack } : {}), ...(json ? { json } : {}) };
}

/** Writes a DynamicValue message holding msgpack bytes. */
export function writeDynamicValue(w: ProtoWriter, field: number, msgpack: Uint8Array | undefined) {
  if (msgpack) w.message(field, (v) => v.bytes(1, msgpack));
}

/** Writes one repeated Diagnostic field per diagnostic. */
export function writeDiagnostics(
  w: ProtoWriter,
  field: number,
  diagnostics: readonly Diagnostic[],
) {
  for (const d of diagnostics) {
    w.message(field, (m) => {
      m.int(1, d.severity === "error" ? 1 : 2);
      m.string(2, d.summary);
      m.string(3, d.detail);
      if (d.attribute && d.attribute.length > 0) {
        const path = d.attribute;
        m.message(4, (p) => writeAttributePath(p, path));
      }
    });
  }
}

/** Writes the steps of an AttributePath message. */
export function writeAttributePath(w: ProtoWriter, path: AttributePath): void {
  for (const step of path) {
    w.message(1, (s) => {
      // Members of a oneof are written even when empty or zero, so the choice survives.
      if ("attribute" in step) s.bytes(1, new TextEncoder().encode(step.attribute), true);
      else if ("key" in step) s.bytes(2, new TextEncoder().encode(step.key), true);
      else s.int(3, step.index, true);
    });
  }
}

/** Reads an AttributePath message. */
export function readAttributePath(fields: ProtoFields): AttributePath {
  return fields.messages(1).map((s): PathStep => {
    const name = s.optionalBytes(1);
    if (name) return { attribute: new TextDecoder().decode(name) };
    const key = s.optionalBytes(2);
    if (key) return { key: new TextDecoder().decode(key) };
    return { index: s.int(3) };
  });
}

/** Reads Diagnostic messages (used by tests and by anything that relays diagnostics). */
export function readDiagnostics(fields: ProtoFields, field: number): Diagnostic[] {
  return fields.messages(field).map((m) => {
    const path = m.message(4);
    return {
      severity: m.int(1) === 1 ? "error" : "warning",
      summary: m.string(2),
      detail: m.string(3),
      ...(path ? { attribute: readAttributePath(path) } : {}),
    };
  });
}

/** How a description is formatted. */
export type DescriptionKind = "plain" | "markdown";

/** An attribute of a schema block as the protocol describes it. */
export interface WireAttribute {
  readonly name: string;
  /** The value type; absent when `nestedType` describes the attribute. */
  readonly type?: CtyType;
  readonly nestedType?: WireNestedType;
  readonly description: string;
  readonly descriptionKind: DescriptionKind;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly deprecated: boolean;
  readonly writeOnly: boolean;
}

/** The object type of a nested attribute and how it nests. */
export interface WireNestedType {
  readonly nesting: "single" | "list" | "set" | "map";
  readonly attributes: readonly WireAttribute[];
}

/** A block of a schema. */
export interface WireBlock {
  readonly attributes: readonly WireAttribute[];
  readonly blockTypes: readonly WireNestedBlock[];
  readonly description: string;
  readonly descriptionKind: DescriptionKind;
  readonly deprecated: boolean;
}

/** A nested block type inside a block. */
export interface WireNestedBlock {
  readonly typeName: string;
  readonly block: WireBlock;
  readonly nesting: "single" | "list" | "set" | "map" | "group";
  readonly minItems: number;
  readonly maxItems: number;
}

/** A versioned schema (provider, resource, data source or ephemeral resource). */
export interface WireSchema {
  readonly version: number;
  readonly block: WireBlock;
}

const BLOCK_NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const;
const KIND = { plain: 0, markdown: 1 } as const;

/** Writes a Schema message. */
export function writeSchema(w: ProtoWriter, schema: WireSchema): void {
  w.int(1, schema.version);
  w.message(2, (b) => writeBlock(b, schema.block, schema.version));
}

function writeBlock(w: ProtoWriter, block: WireBlock, version: number): void {
  w.int(1, version);
  for (const attribute of block.attributes) w.message(2, (a) => writeAttribute(a, attribute));
  for (const nested of block.blockTypes) {
    w.message(3, (n) => {
      n.string(1, nested.typeName);
      n.message(2, (b) => writeBlock(b, nested.block, 0));
      n.int(3, BLOCK_NESTING[nested.nesting]);
      n.int(4, nested.minItems);
      n.int(5, nested.maxItems);
    });
  }
  w.string(4, block.description);
  w.int(5, KIND[block.descriptionKind]);
  w.bool(6, block.deprecated);
}

function writeAttribute(w: ProtoWriter, a: WireAttribute): void {
  w.string(1, a.name);
  if (a.type !== undefined) w.bytes(2, new TextEncoder().encode(typeToJson(a.type)));
  w.string(3, a.description);
  w.bool(4, a.required);
  w.bool(5, a.optional);
  w.bool(6, a.computed);
  w.bool(7, a.sensitive);
  w.int(8, KIND[a.descriptionKind]);
  w.bool(9, a.deprecated);
  const nested = a.nestedType;
  if (nested) {
    w.message(10, (o) => {
      for (const attribute of nested.attributes) o.message(1, (x) => writeAttribute(x, attribute));
      o.int(3, BLOCK_NESTING[nested.nesting]);
    });
  }
  w.bool(11, a.writeOnly);
}

/** What the provider tells Terraform it supports. */
export interface ServerCapabilities {
  readonly planDestroy: boolean;
  readonly getProviderSchemaOptional: boolean;
  readonly moveResourceState: boolean;
}

/** Writes a ServerCapabilities message. */
export function writeServerCapabilities(w: ProtoWriter, field: number, c: ServerCapabilities) {
  w.message(field, (m) => {
    m.bool(1, c.planDestroy);
    m.bool(2, c.getProviderSchemaOptional);
    m.bool(3, c.moveResourceState);
  });
}

/** What Terraform tells the provider it supports. */
export interface ClientCapabilities {
  /** Terraform accepts deferred changes. */
  readonly deferralAllowed: boolean;
  /** Terraform understands write-only attributes. */
  readonly writeOnlyAttributesAllowed: boolean;
}

/** Reads a ClientCapabilities message (absent → nothing supported). */
export function readClientCapabilities(fields: ProtoFields | undefined): ClientCapabilities {
  return {
    deferralAllowed: fields?.bool(1) ?? false,
    writeOnlyAttributesAllowed: fields?.bool(2) ?? false,
  };
}

/** Writes a google.protobuf.Timestamp message. */
export function writeTimestamp(w: ProtoWriter, field: number, at: Date): void {
  const millis = at.getTime();
  w.message(field, (t) => {
    t.int(1, Math.floor(millis / 1000));
    t.int(2, (millis % 1000) * 1_000_000);
  });
}
