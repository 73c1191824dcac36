// The one privacy threshold every aggregate goes through: small groups are hidden, and so is the next-smallest
// group whenever subtracting the visible groups from the total would reveal what is hidden.
import { describe, expect, it } from "vitest";
import { commentMinGroupSizeOf, minGroupSizeOf, suppressSmallGroups } from "../../../src/domain/insights/min-group.ts";

const visibility = (counts: Record<string, number>, min: number) =>
  Object.fromEntries(
    suppressSmallGroups(
      Object.entries(counts).map(([key, count]) => ({ key, count })),
      min,
    ).groups.map((group) => [group.key, group.hidden ?? "shown"]),
  );

describe("minimum group size", () => {
  it("defaults to 5, never goes below 3, and comments need at least 5 whatever the setting", () => {
    expect(minGroupSizeOf({})).toBe(5);
    expect(minGroupSizeOf({ minGroupSize: 1 })).toBe(3);
    expect(minGroupSizeOf({ minGroupSize: 8 })).toBe(8);
    expect(commentMinGroupSizeOf({ minGroupSize: 3 })).toBe(5);
    expect(commentMinGroupSizeOf({ minGroupSize: 7 })).toBe(7);
  });

  it("when every group is big enough, all are shown", () => {
    expect(visibility({ a: 5, b: 9 }, 5)).toEqual({ a: "shown", b: "shown" });
  });

  it("when one team of 4 sits next to a team of 6 under a shown total, both are hidden (total − 6 would reveal the 4)", () => {
    expect(visibility({ four: 4, six: 6 }, 5)).toEqual({ four: "small", six: "complementary" });
  });

  it("when one small group is hidden, the next-smallest is hidden too and the larger ones stay", () => {
    expect(visibility({ small: 4, five: 5, big: 20, mid: 7 }, 5)).toEqual({
      small: "small",
      five: "complementary",
      big: "shown",
      mid: "shown",
    });
  });

  it("when two small groups already add up to the threshold, nothing more is hidden", () => {
    expect(visibility({ a: 2, b: 3, c: 10 }, 5)).toEqual({ a: "small", b: "small", c: "shown" });
  });

  it("when two small groups add up to less than the threshold, the next-smallest joins them", () => {
    expect(visibility({ a: 1, b: 2, c: 6, d: 10 }, 5)).toEqual({
      a: "small",
      b: "small",
      c: "complementary",
      d: "shown",
    });
  });

  it("the total is shown only when enough people are behind it, and empty groups reveal nothing", () => {
    const result = suppressSmallGroups(
      [
        { key: "a", count: 2 },
        { key: "b", count: 0 },
        { key: "c", count: 2 },
      ],
      5,
    );
    expect(result.totalVisible).toBe(false);
    expect(result.groups.map((group) => group.visible)).toEqual([false, true, false]);
  });
});
