import { describe, expect, it } from "vitest";
import { contentsOf } from "../../src/lib/contents.ts";

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replace(/\s+/g, "-") });

describe("the On this page list", () => {
  it("lists a topic's sections with their subsections under them", () => {
    expect(contentsOf([h(2, "Before you start"), h(3, "Rights"), h(2, "Steps"), h(4, "Too deep")])).toEqual([
      {
        slug: "before-you-start",
        text: "Before you start",
        children: [{ slug: "rights", text: "Rights", children: [] }],
      },
      { slug: "steps", text: "Steps", children: [] },
    ]);
  });

  it("leaves out a topic with fewer than two sections", () => {
    expect(contentsOf([h(2, "Only one")])).toEqual([]);
    expect(contentsOf([])).toEqual([]);
  });
});
