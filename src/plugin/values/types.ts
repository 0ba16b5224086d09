/**
 * Terraform's value types (cty), written the way Terraform itself writes them in JSON.
 *
 * The TypeScript form of a type IS its JSON form (`"string"`, `["list","string"]`,
 * `["object",{"a":"number"},["a"]]`), so schema type bytes are `JSON.stringify(type)` and nothing
 * needs translating in between.
 */

/** A primitive type. `"dynamic"` is cty's DynamicPseudoType: any type, decided per value. */
export type PrimitiveType = "string" | "number" | "bool" | "dynamic";

/** A list, set or map of one element type. */
export type CollectionType = readonly ["list" | "set" | "map", CtyType];

/** An object type; the optional third member names attributes that may be omitted in config. */
export type ObjectType =
  | readonly ["object", Readonly<Record<string, CtyType>>]
  | readonly ["object", Readonly<Record<string, CtyType>>, readonly string[]];

/** A tuple type: a fixed-length sequence of element types. */
export type TupleType = readonly ["tuple", readonly CtyType[]];

/** Any Terraform value type, in cty's JSON notation. */
export type CtyType = PrimitiveType | CollectionType | ObjectType | TupleType;

/** True for list, set and map types. */
export function isCollectionType(type: CtyType): type is CollectionType {
  return Array.isArray(type) && (type[0] === "list" || type[0] === "set" || type[0] === "map");
}

/** True for object types. */
export function isObjectType(type: CtyType): type is ObjectType {
  return Array.isArray(type) && type[0] === "object";
}

/** True for tuple types. */
export function isTupleType(type: CtyType): type is TupleType {
  return Array.isArray(type) && type[0] === "tuple";
}

/** The attribute types of an object type. */
export function objectAttributes(type: ObjectType): Readonly<Record<string, CtyType>> {
  return type[1];
}

/** The JSON bytes Terraform expects wherever the protocol carries a type. */
export function typeToJson(type: CtyType): string {
  return JSON.stringify(type);
}

/** Parses and checks a type from its JSON form (as found in a dynamic value or a schema). */
export function typeFromJson(json: string): CtyType {
  return checkType(JSON.parse(json) as unknown);
}

function checkType(raw: unknown): CtyType {
  if (raw === "string" || raw === "number" || raw === "bool" || raw === "dynamic") return raw;
  if (Array.isArray(raw)) {
    const [kind, arg, optional] = raw as unknown[];
    if ((kind === "list" || kind === "set" || kind === "map") && raw.length === 2) {
      return [kind, checkType(arg)];
    }
    if (kind === "tuple" && Array.isArray(arg)) return ["tuple", arg.map(checkType)];
    if (kind === "object" && arg !== null && typeof arg === "object" && !Array.isArray(arg)) {
      const attributes: Record<string, CtyType> = Object.create(null);
      for (const [name, t] of Object.entries(arg)) attributes[name] = checkType(t);
      if (Array.isArray(optional)) return ["object", attributes, optional.map(String)];
      return ["object", attributes];
    }
  }
  throw new TypeError(`not a Terraform type: ${JSON.stringify(raw)}`);
}
