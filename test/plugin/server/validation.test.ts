import { validateConfig } from "../../../src/plugin/server/validation.js";
import {
  Diagnostics,
  attr,
  block,
  lengthBetween,
  oneOf,
  schema,
  types,
} from "../../../src/plugin/index.js";
import { BigNumber } from "../../../src/plugin/values/numbers.js";
import { UNKNOWN } from "../../../src/plugin/values/value.js";

const s = schema({
  description: "Test.",
  attributes: {
    region: attr.string({
      optional: true,
      validators: [oneOf("NA", "EU", "FE")],
      description: "Region.",
    }),
    count: attr.number({ optional: true, description: "Count." }),
    huge: attr.bigNumber({ optional: true, description: "Any number." }),
    old: attr.string({ optional: true, deprecated: "Use region instead.", description: "Old." }),
    names: attr.list(types.string, {
      optional: true,
      validators: [
        {
          description: "two",
          validate: (v) => (v.length > 2 ? "must have at most 2 names" : undefined),
        },
      ],
      description: "Names.",
    }),
    people: attr.listNested(
      {
        nick: attr.string({
          required: true,
          validators: [lengthBetween(1, 3)],
          description: "Nick.",
        }),
      },
      { optional: true, description: "People." },
    ),
  },
  blocks: {
    route: block.list({
      description: "Routes.",
      attributes: {
        target: attr.string({
          required: true,
          validators: [oneOf("a", "b")],
          description: "Target.",
        }),
      },
    }),
  },
});

const config = (over: Record<string, unknown>) => ({
  region: null,
  count: null,
  huge: null,
  old: null,
  names: null,
  people: null,
  route: [],
  ...over,
});

function validate(over: Record<string, unknown>) {
  const diagnostics = new Diagnostics();
  validateConfig(s, config(over) as never, diagnostics);
  return diagnostics.all();
}

describe("configuration validation", () => {
  it("reports a validator's message on the attribute's path, naming it", () => {
    expect(validate({ region: "US" })).toEqual([
      {
        severity: "error",
        summary: "Invalid value for region",
        detail: "region must be one of NA, EU, FE.",
        attribute: [{ attribute: "region" }],
      },
    ]);
  });

  it("accepts valid values", () => {
    expect(
      validate({ region: "EU", names: ["a"], people: [{ nick: "bo" }], route: [{ target: "a" }] }),
    ).toEqual([]);
  });

  it("skips unknown values: they are checked once known", () => {
    expect(
      validate({ region: UNKNOWN, people: [{ nick: UNKNOWN }], names: ["a", UNKNOWN, "c"] }),
    ).toEqual([]);
  });

  it("finds problems inside nested attributes and blocks by index", () => {
    const paths = validate({
      people: [{ nick: "ok" }, { nick: "toolong" }],
      route: [{ target: "z" }],
    }).map((d) => d.attribute);
    expect(paths).toEqual([
      [{ attribute: "people" }, { index: 1 }, { attribute: "nick" }],
      [{ attribute: "route" }, { index: 0 }, { attribute: "target" }],
    ]);
  });

  it("warns when a deprecated attribute is set", () => {
    expect(validate({ old: "x" })).toEqual([
      expect.objectContaining({
        severity: "warning",
        detail: "Use region instead.",
        attribute: [{ attribute: "old" }],
      }),
    ]);
  });

  it("rejects numbers a JavaScript number cannot hold, unless the attribute takes big numbers", () => {
    expect(validate({ count: new BigNumber("1e30") })[0]?.summary).toBe("Invalid value for count");
    expect(validate({ huge: new BigNumber("1e30") })).toEqual([]);
  });

  it("runs collection validators on the whole value", () => {
    expect(validate({ names: ["a", "b", "c"] })[0]?.detail).toBe(
      "names must have at most 2 names.",
    );
  });
});
