import { describe, expect, it } from "vitest";
import { knownRefusals } from "../../functions/app/lib/known-refusals.ts";

describe("known refusals", () => {
  it("hold until the refused window ends, and not a moment longer", () => {
    const refusals = knownRefusals();
    refusals.remember("feedback:a", 1_000, 60_000);
    expect(refusals.has("feedback:a", 59_999)).toBe(true);
    expect(refusals.has("feedback:b", 59_999)).toBe(false);
    expect(refusals.has("feedback:a", 60_000)).toBe(false);
  });

  it("stay within their capacity, letting ended windows go first", () => {
    const refusals = knownRefusals(3);
    refusals.remember("ended", 0, 10);
    refusals.remember("a", 0, 100);
    refusals.remember("b", 0, 100);
    refusals.remember("c", 50, 100);
    expect(["ended", "a", "b", "c"].map((bucket) => refusals.has(bucket, 60))).toEqual([false, true, true, true]);
    refusals.remember("d", 60, 100);
    expect(["a", "b", "c", "d"].map((bucket) => refusals.has(bucket, 60))).toEqual([false, false, false, true]);
  });
});
