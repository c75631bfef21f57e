import { describe, expect, it } from "vitest";
import { alertSchema, topicSchema } from "../../src/lib/content-schemas.ts";
import { describeIssues } from "../../src/shared/zod-issues.ts";

const validTopic = {
  title: "Mobile device inaccessible: Generating a temporary login code",
  description: "How an administrator generates a temporary code.",
  category: "Security and sign-in",
  updated: "2026-11-02",
  related: ["multi-factor-authentication-overview"],
};

function problemsWith(override: Record<string, unknown>) {
  const result = topicSchema.safeParse({ ...validTopic, ...override });
  return result.success ? [] : describeIssues(result.error.issues);
}

describe("topic front matter", () => {
  it("accepts a complete topic and fills in the defaults", () => {
    const topic = topicSchema.parse(validTopic);
    expect(topic.audience).toBe("public");
    expect(topic.keywords).toEqual([]);
    expect(topic.draft).toBe(false);
    expect(topic.updated.toISOString()).toBe("2026-11-02T00:00:00.000Z");
  });

  it("names the title when it is missing or blank", () => {
    expect(problemsWith({ title: undefined }).map((p) => p.field)).toEqual(["title"]);
    expect(problemsWith({ title: "   " })).toEqual([{ field: "title", message: "a topic needs a title" }]);
  });

  it("rejects an audience other than public or internal", () => {
    expect(problemsWith({ audience: "staff" }).map((p) => p.field)).toEqual(["audience"]);
  });

  it("names the related entry that is not a topic id", () => {
    expect(problemsWith({ related: ["ok-topic", "Not A Slug"] })).toEqual([
      { field: "related.1", message: "use lower-case words joined by hyphens, like the file name" },
    ]);
  });

  it("rejects a misspelt field instead of ignoring it", () => {
    expect(
      problemsWith({ relatd: ["x"] })
        .map((p) => p.message)
        .join(),
    ).toMatch(/relatd/);
  });

  it("rejects a date that is not a date", () => {
    expect(problemsWith({ updated: "last Tuesday" }).map((p) => p.field)).toEqual(["updated"]);
  });
});

describe("alert front matter", () => {
  it("defaults the severity to a notice", () => {
    expect(alertSchema.parse({ title: "Maintenance", date: "2026-11-20" }).severity).toBe("notice");
  });
});
