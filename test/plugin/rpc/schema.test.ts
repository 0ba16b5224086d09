import { attr, block, schema, types } from "../../../src/plugin/index.js";
import { Schema } from "../../../src/plugin/proto/gen/tfplugin6.js";
import { toWireSchema } from "../../../src/plugin/rpc/schema.js";
import { decodeMessage, type Plain } from "../support/protocol.js";

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
  // Encoded by the generated codec, read back by the independent decoder.
  const message = decodeMessage("tfplugin6.Schema", Schema.encode(toWireSchema(s)).finish());
  const blockMessage = message.block as Plain;
  const attribute = (name: string) =>
    (blockMessage.attributes as Plain[]).find((a) => a.name === name)!;

  it("carries the version", () => {
    expect(message.version).toBe(2);
    expect(blockMessage.version).toBe(2);
  });

  it("describes flags of each attribute", () => {
    const flags = (name: string) => {
      const { required, optional, computed, sensitive, deprecated } = attribute(name);
      return { required, optional, computed, sensitive, deprecated };
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
    expect(Buffer.from(attribute("tags").type).toString()).toBe('["map","string"]');
    expect(attribute("text").description).toBe("The **text**.");
    expect(attribute("text").descriptionKind).toBe("MARKDOWN");
  });

  it("describes nested attributes by nesting mode and blocks with limits", () => {
    const nested = attribute("people").nestedType as Plain;
    expect(attribute("people").type).toEqual([]);
    expect(nested.nesting).toBe("LIST");
    expect((nested.attributes as Plain[]).map((a) => a.name)).toEqual(["nick"]);
    const rule = (blockMessage.blockTypes as Plain[])[0]!;
    expect(rule.typeName).toBe("rule");
    expect(rule.nesting).toBe("LIST");
    expect(rule.maxItems).toBe(2);
    expect(rule.block.version).toBe(0);
  });
});
