import { describe, expect, it } from "vitest";
import {
  assertRelatedTopicsExist,
  findRelatedTopicProblems,
  type TopicLinkSource,
} from "../../src/lib/related-topics.ts";

const topic = (id: string, related: string[], audience: "public" | "internal" = "public"): TopicLinkSource => ({
  id,
  filePath: `content/topics/${id}.mdx`,
  audience,
  related,
});

describe("related topic links", () => {
  it("accepts links between existing topics", () => {
    expect(findRelatedTopicProblems([topic("a", ["b"]), topic("b", ["a"])])).toEqual([]);
  });

  it("names the file, the field and the missing topic", () => {
    expect(findRelatedTopicProblems([topic("a", ["b", "missing-topic"]), topic("b", [])])).toEqual([
      'content/topics/a.mdx: related[1]: no topic "missing-topic" exists (expected a file content/topics/missing-topic.mdx)',
    ]);
  });

  it("refuses an internal-only topic in a public topic's list, since its title would be public", () => {
    const [problem] = findRelatedTopicProblems([topic("a", ["secret"]), topic("secret", [], "internal")]);
    expect(problem).toMatch(/^content\/topics\/a\.mdx: related\[0\]: "secret" is internal-only/);
  });

  it("lets an internal topic list any topic", () => {
    expect(findRelatedTopicProblems([topic("a", []), topic("secret", ["a"], "internal")])).toEqual([]);
  });

  it("refuses a topic listing itself or the same topic twice", () => {
    expect(findRelatedTopicProblems([topic("a", ["a"]), topic("b", ["a", "a"])])).toEqual([
      "content/topics/a.mdx: related[0]: a topic cannot list itself as related",
      'content/topics/b.mdx: related[1]: "a" is listed twice',
    ]);
  });

  it("fails with every problem in one message", () => {
    expect(() => assertRelatedTopicsExist([topic("a", ["x", "y"])])).toThrow(/related\[0\][\s\S]*related\[1\]/);
  });
});
