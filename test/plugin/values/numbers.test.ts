import {
  canonicalDecimal,
  exactDecimalOfNumber,
  isShortestExact,
  numberFromDecimal,
  BigNumber,
} from "../../../src/plugin/values/numbers.js";

describe("decimal numbers", () => {
  it.each([
    ["1.50", "1.5"],
    ["-0.0", "0"],
    ["1e3", "1000"],
    ["1.5e-7", "0.00000015"],
    ["007", "7"],
    [".5", "0.5"],
  ])("writes %s canonically as %s", (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
  });

  it("rejects text that is not a number", () => {
    expect(() => canonicalDecimal("1.2.3")).toThrow(RangeError);
  });

  it("expands a float64 exactly", () => {
    expect(exactDecimalOfNumber(0.5)).toBe("0.5");
    expect(exactDecimalOfNumber(2 ** 60)).toBe("1152921504606846976");
    expect(exactDecimalOfNumber(-0.25)).toBe("-0.25");
  });

  it("knows which floats print exactly", () => {
    expect(isShortestExact(0.375)).toBe(true);
    expect(isShortestExact(0.1)).toBe(false);
  });

  it("reads decimal text as a number only when nothing is lost", () => {
    expect(numberFromDecimal("12.25")).toBe(12.25);
    expect(numberFromDecimal("0.1")).toBe(0.1);
    expect(numberFromDecimal("9007199254740993")).toEqual(new BigNumber("9007199254740993"));
    expect(numberFromDecimal("0.12345678901234567890")).toBeInstanceOf(BigNumber);
  });
});
