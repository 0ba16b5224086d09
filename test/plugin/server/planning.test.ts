import { planChange } from "../../../src/plugin/server/planning.js";
import { attr, block, planModifiers, schema, types } from "../../../src/plugin/index.js";
import { UNKNOWN, Unknown, type Value } from "../../../src/plugin/values/value.js";

const noteSchema = schema({
  description: "A note.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "Id.",
    }),
    text: attr.string({ required: true, description: "Text." }),
    folder: attr.string({
      optional: true,
      planModifiers: [planModifiers.requiresReplace()],
      description: "Folder.",
    }),
    priority: attr.number({ default: 1, description: "Priority." }),
    updated_at: attr.string({ computed: true, description: "Last update." }),
    password: attr.string({ optional: true, writeOnly: true, description: "Write-only." }),
    tags: attr.map(types.string, { optional: true, description: "Tags." }),
    owner: attr.single(
      {
        name: attr.string({
          required: true,
          planModifiers: [planModifiers.requiresReplace()],
          description: "Name.",
        }),
        uid: attr.string({ computed: true, description: "Uid." }),
      },
      { optional: true, description: "Owner." },
    ),
  },
  blocks: {
    rule: block.list({
      description: "Rules.",
      attributes: {
        port: attr.number({
          required: true,
          planModifiers: [planModifiers.requiresReplace()],
          description: "Port.",
        }),
        rule_id: attr.string({ computed: true, description: "Rule id." }),
      },
    }),
  },
});

const config = (over: Record<string, Value> = {}): Record<string, Value> => ({
  id: null,
  text: "hi",
  folder: null,
  priority: null,
  updated_at: null,
  password: null,
  tags: null,
  owner: null,
  rule: [],
  ...over,
});

const state = (over: Record<string, Value> = {}): Record<string, Value> => ({
  ...config(),
  id: "n-1",
  priority: 1,
  updated_at: "2024-01-01",
  ...over,
});

/** Terraform's proposed new state: config, with prior values for computed attributes left null. */
const propose = (prior: Record<string, Value> | null, cfg: Record<string, Value>) => {
  const out: Record<string, Value> = { ...cfg };
  for (const name of ["id", "priority", "updated_at"])
    if (cfg[name] === null) out[name] = prior?.[name] ?? null;
  return out;
};

describe("planning rules", () => {
  it("plans computed attributes as unknown on create, except defaults", () => {
    const cfg = config();
    const { planned, requiresReplace } = planChange(noteSchema, {
      prior: null,
      proposed: propose(null, cfg),
      config: cfg,
    });
    const p = planned as Record<string, Value>;
    expect(p.id).toBeInstanceOf(Unknown);
    expect(p.updated_at).toBeInstanceOf(Unknown);
    expect(p.priority).toBe(1);
    expect(p.text).toBe("hi");
    expect(requiresReplace).toEqual([]);
  });

  it("keeps the prior state when nothing changed", () => {
    const prior = state();
    const { planned } = planChange(noteSchema, {
      prior,
      proposed: propose(prior, config()),
      config: config(),
    });
    expect(planned).toEqual(prior);
  });

  it("on update keeps useStateForUnknown values and plans other computed values unknown", () => {
    const prior = state();
    const cfg = config({ text: "changed" });
    const p = planChange(noteSchema, { prior, proposed: propose(prior, cfg), config: cfg })
      .planned as Record<string, Value>;
    expect(p.id).toBe("n-1");
    expect(p.updated_at).toBeInstanceOf(Unknown);
    expect(p.text).toBe("changed");
  });

  it("reports requires-replace paths, at the top and inside nested objects and blocks", () => {
    const prior = state({
      folder: "a",
      owner: { name: "ann", uid: "u1" },
      rule: [{ port: 80, rule_id: "r" }],
    });
    const cfg = config({
      folder: "b",
      owner: { name: "bob", uid: null },
      rule: [{ port: 81, rule_id: null }],
    });
    const { requiresReplace } = planChange(noteSchema, {
      prior,
      proposed: propose(prior, cfg),
      config: cfg,
    });
    expect(requiresReplace).toEqual([
      [{ attribute: "folder" }],
      [{ attribute: "owner" }, { attribute: "name" }],
      [{ attribute: "rule" }, { index: 0 }, { attribute: "port" }],
    ]);
  });

  it("plans computed attributes of new nested objects as unknown", () => {
    const cfg = config({ owner: { name: "ann", uid: null }, rule: [{ port: 1, rule_id: null }] });
    const p = planChange(noteSchema, { prior: null, proposed: cfg, config: cfg }).planned as Record<
      string,
      Value
    >;
    expect((p.owner as Record<string, Value>).uid).toBeInstanceOf(Unknown);
    expect(((p.rule as Value[])[0] as Record<string, Value>).rule_id).toBeInstanceOf(Unknown);
  });

  it("propagates unknown configuration and replaces when a replace-forcing value becomes unknown", () => {
    const prior = state({ folder: "a" });
    const cfg = config({ folder: UNKNOWN, tags: UNKNOWN });
    const { planned, requiresReplace } = planChange(noteSchema, {
      prior,
      proposed: propose(prior, cfg),
      config: cfg,
    });
    expect((planned as Record<string, Value>).tags).toBe(UNKNOWN);
    expect(requiresReplace).toEqual([[{ attribute: "folder" }]]);
  });

  it("echoes refined unknowns from the configuration unchanged", () => {
    const refined = new Unknown(Uint8Array.from([0x81, 0x01, 0xc3]));
    const cfg = config({ text: refined });
    const p = planChange(noteSchema, { prior: null, proposed: cfg, config: cfg }).planned as Record<
      string,
      Value
    >;
    expect(p.text).toBe(refined);
  });

  it("never plans a write-only value, and setting one is not a change", () => {
    const prior = state();
    const cfg = config({ password: "hunter2" });
    const { planned } = planChange(noteSchema, {
      prior,
      proposed: propose(prior, cfg),
      config: cfg,
    });
    expect(planned).toEqual(prior);
  });
});

describe("plan modifiers", () => {
  const tracked = schema({
    description: "Tracked.",
    attributes: {
      name: attr.string({ required: true, description: "Name." }),
      mode: attr.string({
        optional: true,
        planModifiers: [
          planModifiers.requiresReplaceIf("Replaces unless renamed too.", ({ object }) => {
            return object.config.name === object.state?.name;
          }),
        ],
        description: "Mode.",
      }),
      seen_name: attr.string({
        computed: true,
        planModifiers: [
          {
            description: "Known at plan time: the configured name.",
            modify: ({ object }, response) => void (response.plan = object.config.name ?? null),
          },
        ],
        description: "Seen name.",
      }),
    },
  });
  const prior = { name: "a", mode: "x", seen_name: "a" };

  it("each have a description", () => {
    expect(planModifiers.useStateForUnknown().description).toMatch(/does not change/);
    expect(planModifiers.requiresReplace().description).toBe("Changing it replaces the resource.");
  });

  it("see the whole object and ask for replacement on a condition", () => {
    const config = { name: "a", mode: "y", seen_name: null };
    const same = planChange(tracked, { prior, proposed: config, config });
    expect(same.requiresReplace).toEqual([[{ attribute: "mode" }]]);
    expect(same.planned).toEqual({ name: "a", mode: "y", seen_name: "a" });
    const renamed = { name: "b", mode: "y", seen_name: null };
    const other = planChange(tracked, { prior, proposed: renamed, config: renamed });
    expect(other.requiresReplace).toEqual([]);
    expect(other.planned).toEqual({ name: "b", mode: "y", seen_name: "b" });
  });

  it("never ask for replacement on create", () => {
    const config = { name: "a", mode: "y", seen_name: null };
    expect(planChange(tracked, { prior: null, proposed: config, config }).requiresReplace).toEqual(
      [],
    );
  });
});
