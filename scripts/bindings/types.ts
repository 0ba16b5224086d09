/**
 * How each Terraform value type appears in a binding: the TypeScript type a configuration
 * accepts, the cdktf mappers that synthesize it (JSON and HCL), and the typed getter that reads it
 * back as a Terraform reference.
 */
import type { CtyType } from "../../src/plugin/index.js";

/** A TypeScript type and the expression that produces it, for an attribute getter. */
export interface Getter {
  readonly type: string;
  /** Given the quoted Terraform attribute name, the getter's return expression. */
  readonly expression: (quotedName: string) => string;
}

/** How one attribute type is written in configuration and synthesized. */
export interface InputMapping {
  /** The TypeScript type a configuration prop accepts. */
  readonly type: string;
  /** Maps a configured value to JSON (`cdktf.stringToTerraform` …). */
  readonly toTerraform: string;
  /** Maps a configured value for HCL output. */
  readonly toHcl: string;
  /** cdktf's HCL rendering hints. */
  readonly hclType: "simple" | "list" | "set" | "map";
  readonly storageClassType: string;
}

type Primitive = "string" | "number" | "bool";

const PRIMITIVES: Record<
  Primitive,
  { type: string; mapper: string; storage: string; getter: Getter; listGetter: Getter }
> = {
  string: {
    type: "string",
    mapper: "string",
    storage: "string",
    getter: { type: "string", expression: (n) => `this.getStringAttribute(${n})` },
    listGetter: { type: "string[]", expression: (n) => `this.getListAttribute(${n})` },
  },
  number: {
    type: "number",
    mapper: "number",
    storage: "number",
    getter: { type: "number", expression: (n) => `this.getNumberAttribute(${n})` },
    listGetter: { type: "number[]", expression: (n) => `this.getNumberListAttribute(${n})` },
  },
  bool: {
    type: "boolean | cdktf.IResolvable",
    mapper: "boolean",
    storage: "boolean",
    getter: { type: "cdktf.IResolvable", expression: (n) => `this.getBooleanAttribute(${n})` },
    listGetter: {
      type: "cdktf.IResolvable",
      expression: (n) => `this.interpolationForAttribute(${n})`,
    },
  },
};

function isPrimitive(type: CtyType): type is Primitive {
  return type === "string" || type === "number" || type === "bool";
}

function unsupported(type: CtyType, where: string): Error {
  return new Error(
    `The bindings generator does not support the type ${JSON.stringify(type)} ${where}; ` +
      "extend scripts/bindings/types.ts before using it in a schema.",
  );
}

/** The configuration mapping of a configurable attribute's type. */
export function inputMapping(type: CtyType, where: string): InputMapping {
  if (isPrimitive(type)) {
    const p = PRIMITIVES[type];
    return {
      type: p.type,
      toTerraform: `cdktf.${p.mapper}ToTerraform`,
      toHcl: `cdktf.${p.mapper}ToHclTerraform`,
      hclType: "simple",
      storageClassType: p.storage,
    };
  }
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set" || type[0] === "map")) {
    const element = type[1] as CtyType;
    if (!isPrimitive(element)) throw unsupported(type, where);
    const p = PRIMITIVES[element];
    const isMap = type[0] === "map";
    const elementType = element === "bool" ? "(boolean | cdktf.IResolvable)" : p.type;
    return {
      type: isMap
        ? `{ [key: string]: ${elementType} }`
        : element === "bool"
          ? `Array<boolean | cdktf.IResolvable> | cdktf.IResolvable`
          : `${p.type}[]`,
      toTerraform: isMap
        ? `cdktf.hashMapper(cdktf.${p.mapper}ToTerraform)`
        : `cdktf.listMapper(cdktf.${p.mapper}ToTerraform, false)`,
      toHcl: isMap
        ? `cdktf.hashMapperHcl(cdktf.${p.mapper}ToHclTerraform)`
        : `cdktf.listMapperHcl(cdktf.${p.mapper}ToHclTerraform, false)`,
      hclType: type[0],
      storageClassType: `${p.storage}${isMap ? "Map" : "List"}`,
    };
  }
  throw unsupported(type, where);
}

/**
 * An attribute that reads back as a collection of objects, needing its own collection and item
 * classes: a list or set (items by index) or a map (items by key).
 */
export interface ObjectCollectionShape {
  readonly kind: "list" | "set" | "map";
  readonly fields: Readonly<Record<string, CtyType>>;
}

/** The shape of a type, when it is a list, set or map of objects. */
export function objectCollectionShape(type: CtyType): ObjectCollectionShape | undefined {
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set" || type[0] === "map")) {
    const element = type[1] as CtyType;
    if (Array.isArray(element) && element[0] === "object") {
      return { kind: type[0], fields: element[1] as Record<string, CtyType> };
    }
  }
  return undefined;
}

/** The typed getter of an attribute (or object field) of a primitive or collection type. */
export function attributeGetter(type: CtyType, where: string): Getter {
  if (isPrimitive(type)) return PRIMITIVES[type].getter;
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) {
    const element = type[1] as CtyType;
    if (!isPrimitive(element)) throw unsupported(type, where);
    const getter = PRIMITIVES[element].listGetter;
    if (type[0] === "list" || element === "bool") return getter;
    // A set has no order: convert it so that elements can be read by index.
    return { type: getter.type, expression: (n) => `cdktf.Fn.tolist(${getter.expression(n)})` };
  }
  if (Array.isArray(type) && type[0] === "map") {
    const element = type[1] as CtyType;
    if (element === "string") {
      return {
        type: "{ [key: string]: string }",
        expression: (n) => `this.getStringMapAttribute(${n})`,
      };
    }
    if (element === "number") {
      return {
        type: "{ [key: string]: number }",
        expression: (n) => `this.getNumberMapAttribute(${n})`,
      };
    }
    if (element === "bool") {
      return {
        type: "{ [key: string]: boolean }",
        expression: (n) => `this.getBooleanMapAttribute(${n})`,
      };
    }
  }
  throw unsupported(type, where);
}
