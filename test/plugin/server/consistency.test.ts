import { reconcileWithPlan } from "../../../src/plugin/server/consistency.js";
import type { CtyType } from "../../../src/plugin/values/types.js";
import { UNKNOWN } from "../../../src/plugin/values/value.js";

const type: CtyType = ["object", { id: "string", text: "string", tags: ["list", "string"] }];

describe("holding apply results to the plan", () => {
  it("accepts a result that fills the unknowns and keeps the known values", () => {
    const result = reconcileWithPlan(
      type,
      { id: UNKNOWN, text: "a", tags: ["x", UNKNOWN] },
      { id: "1", text: "a", tags: ["x", "y"] },
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({ id: "1", text: "a", tags: ["x", "y"] });
  });

  it("reports a changed known value by path and keeps the planned one", () => {
    const result = reconcileWithPlan(
      type,
      { id: UNKNOWN, text: "a", tags: null },
      { id: "1", text: "B", tags: null },
    );
    expect(result.problems).toEqual([{ path: [{ attribute: "text" }], kind: "changed" }]);
    expect(result.value).toEqual({ id: "1", text: "a", tags: null });
  });

  it("reports a value left unknown and stores null instead", () => {
    const result = reconcileWithPlan(
      type,
      { id: UNKNOWN, text: "a", tags: null },
      { id: UNKNOWN, text: "a", tags: null },
    );
    expect(result.problems).toEqual([{ path: [{ attribute: "id" }], kind: "unknown" }]);
    expect(result.value).toEqual({ id: null, text: "a", tags: null });
  });

  it("reports a list whose length contradicts the plan", () => {
    const result = reconcileWithPlan(
      type,
      { id: "1", text: "a", tags: [UNKNOWN] },
      { id: "1", text: "a", tags: ["p", "q"] },
    );
    expect(result.problems).toEqual([{ path: [{ attribute: "tags" }], kind: "changed" }]);
  });
});
