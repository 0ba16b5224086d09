import { toWireSchema } from "../../../src/plugin/framework/wire-schema.js";
import { attr, block, schema, types } from "../../../src/plugin/index.js";
import { writeSchema } from "../../../src/plugin/wire/common.js";
import { ProtoFields, ProtoWriter } from "../../../src/plugin/wire/protobuf.js";

const s = schema({
  version: 2,
  description: "A note.",
  attributes: {
    text: attr.string({
      required: true,
      description: "Text.",
      markdownDescription: "The **text**.",
    }),
    secret: attr.string({ optional: true, sensitive: true, description: "Secret." }),
    id: attr.string({ computed: true, description: "Id." }),
    size: attr.number({ default: 3, description: "Size.", deprecated: "Not used." }),
    tags: attr.map(types.string, { optional: true, description: "Tags." }),
    people: attr.listNested(
      { nick: attr.string({ required: true, description: "Nick." }) },
      { optional: true, description: "People." },
    ),
  },
  blocks: {
    rule: block.list({
      description: "Rule.",
      maxItems: 2,
      attributes: { port: attr.number({ required: true, description: "Port." }) },
    }),
  },
});

describe("schema to GetProviderSchema message", () => {
  const fields = new ProtoFields(
    new ProtoWriter().message(1, (w) => writeSchema(w, toWireSchema(s))).finish(),
  ).message(1)!;
  const blockFields = fields.message(2)!;
  const attribute = (name: string) => blockFields.messages(2).find((a) => a.string(1) === name)!;

  it("carries the version", () => {
    expect(fields.int(1)).toBe(2);
    expect(blockFields.int(1)).toBe(2);
  });

  it("describes flags of each attribute", () => {
    const flags = (name: string) => {
      const a = attribute(name);
      return {
        required: a.bool(4),
        optional: a.bool(5),
        computed: a.bool(6),
        sensitive: a.bool(7),
        deprecated: a.bool(9),
      };
    };
    expect(flags("text")).toEqual({
      required: true,
      optional: false,
      computed: false,
      sensitive: false,
      deprecated: false,
    });
    expect(flags("secret")).toMatchObject({ optional: true, sensitive: true });
    expect(flags("id")).toMatchObject({ computed: true, optional: false });
    expect(flags("size")).toMatchObject({ optional: true, computed: true, deprecated: true });
  });

  it("sends types as JSON and prefers the markdown description", () => {
    expect(new TextDecoder().decode(attribute("tags").bytes(2))).toBe('["map","string"]');
    expect(attribute("text").string(3)).toBe("The **text**.");
    expect(attribute("text").int(8)).toBe(1);
  });

  it("describes nested attributes by nesting mode and blocks with limits", () => {
    const nested = attribute("people").message(10)!;
    expect(nested.int(3)).toBe(2); // LIST
    expect(nested.messages(1).map((a) => a.string(1))).toEqual(["nick"]);
    const rule = blockFields.messages(3)[0]!;
    expect(rule.string(1)).toBe("rule");
    expect(rule.int(3)).toBe(2);
    expect(rule.int(5)).toBe(2);
  });
});
