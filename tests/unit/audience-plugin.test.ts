import { pathToFileURL } from "node:url";
import { mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { audiencePlugin, declaresInternalAudience } from "../../src/lib/audience-plugin.ts";

const topic = `---
title: Codes
---

Everyone reads this.

<Internal>
Only staff read the fax number.

- a staff-only step
</Internal>

A sentence with <Internal>a staff aside</Internal> inside.
`;

const variantsRoot = "/site/content/topics~public";
const fileOf: Record<"public" | "internal", string> = {
  public: `${variantsRoot}/codes.mdx`,
  internal: "/site/content/topics/codes.mdx",
};

/** Compiles a topic as its public variant or as its own module (what the internal site renders). */
const compile = async (source: string, audience: "public" | "internal") =>
  (await mdxToJs(source, { mdastPlugins: [audiencePlugin(variantsRoot)], fileURL: pathToFileURL(fileOf[audience]) }))
    .code;

describe("the audience plugin", () => {
  it("drops every Internal block, block or inline, from a topic's public variant", async () => {
    const code = await compile(topic, "public");
    expect(code).toContain("Everyone reads this.");
    expect(code).toContain("A sentence with ");
    expect(code).not.toMatch(/fax number|staff-only step|staff aside|Internal/);
  });

  it("keeps Internal blocks in the topic's own module, which the internal site renders", async () => {
    const code = await compile(topic, "internal");
    expect(code).toContain("fax number");
    expect(code).toContain("staff aside");
  });

  it("compiles an internal-only topic's public variant to nothing", async () => {
    const internalTopic = "---\ntitle: Staff only\naudience: internal\n---\n\nEscalation steps for staff.\n";
    expect(await compile(internalTopic, "public")).not.toContain("Escalation");
    expect(await compile(internalTopic, "internal")).toContain("Escalation");
  });

  it("reads the audience only from the front matter", () => {
    expect(declaresInternalAudience("---\naudience: internal\n---\n")).toBe(true);
    expect(declaresInternalAudience("---\naudience: 'internal'\n---\n")).toBe(true);
    expect(declaresInternalAudience("---\naudience: public\n---\naudience: internal\n")).toBe(false);
    // A public topic that shows such a line in a sample, with a rule after it, is still public.
    expect(declaresInternalAudience("---\ntitle: A\n---\n\n```yaml\naudience: internal\n```\n\n---\n\nMore.\n")).toBe(
      false,
    );
  });
});
