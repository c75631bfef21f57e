import { describe, expect, it } from "vitest";
import { ApiError } from "../../functions/app/errors.ts";
import {
  hasControlCharacter,
  maxJsonDepth,
  nestsDeeperThan,
  refuseControlCharacters,
} from "../../functions/app/lib/body.ts";
import { countCharacters } from "../../src/shared/feedback-rules.ts";

/** `[[[…"leaf"…]]]`, built without recursion. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function refusal(value: unknown): ApiError | undefined {
  try {
    refuseControlCharacters(value);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe("how deep a JSON body nests", () => {
  it("counts arrays and objects alike, up to the limit and one past it", () => {
    const arrays = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const objects = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    expect(nestsDeeperThan(arrays(maxJsonDepth), maxJsonDepth)).toBe(false);
    expect(nestsDeeperThan(arrays(maxJsonDepth + 1), maxJsonDepth)).toBe(true);
    expect(nestsDeeperThan(objects(maxJsonDepth), maxJsonDepth)).toBe(false);
    expect(nestsDeeperThan(objects(maxJsonDepth + 1), maxJsonDepth)).toBe(true);
    expect(nestsDeeperThan('{"a":[{"b":[]}],"c":{"d":[1,[2]]}}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[]}],"c":{"d":[1,[2]]}}', 3)).toBe(true);
  });

  it("does not count brackets inside text, escaped quotes and backslashes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ comment: "[[[[{{{{" }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ comment: 'say "[[[[" and \\ then [{' }), 1)).toBe(false);
    // The string ends at the quote after an escaped backslash: the brackets after it count.
    expect(nestsDeeperThan(`${JSON.stringify({ comment: "ends in a backslash \\" })}[[`, 1)).toBe(true);
    expect(nestsDeeperThan('["\\u005b\\u005b\\u005b"]', 1)).toBe(false);
  });

  it("needs no more than the schemas do: a batch of searches is 3 deep", () => {
    const batch = JSON.stringify({ searches: [{ query: "reset code", results: 2, opened: "/topics/a/" }] });
    expect(nestsDeeperThan(batch, 2)).toBe(true);
    expect(nestsDeeperThan(batch, 3)).toBe(false);
    expect(maxJsonDepth).toBeGreaterThanOrEqual(3 * 4);
  });

  it("scans 14 KB of brackets quickly and without recursion", () => {
    const text = "[".repeat(7000) + "]".repeat(7000);
    expect(nestsDeeperThan(text, maxJsonDepth)).toBe(true);
    expect(nestsDeeperThan("[".repeat(1_000_000), 2_000_000)).toBe(false);
  });
});

describe("control characters in any field, at any depth", () => {
  it("walks a value nested 100,000 deep without exhausting the stack, naming the field", () => {
    expect(refusal(nested(100_000, "fine text"))).toBeUndefined();
    const error = refusal({ searches: nested(100_000, "nul \u0000 here") });
    expect(error?.status).toBe(400);
    expect(error?.fields?.[0]?.field).toMatch(/^searches(\.0){100000}$/);
  });

  it("names the first field in the body that holds one", () => {
    const error = refusal({ name: "Kim", comment: ["ok", { deep: "bell \u0007" }], other: "\u0000" });
    expect(error?.fields?.map((f) => f.field)).toEqual(["comment.1.deep"]);
    expect(refusal("\u0085")?.fields?.[0]?.field).toBe("body");
  });

  it("refuses C0, DEL and C1 controls (U+0085 among them), and keeps tab and line breaks unless strict", () => {
    for (const code of [0x00, 0x07, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f]) {
      expect(hasControlCharacter(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe(true);
    }
    expect(hasControlCharacter("tab\there\r\nline\n")).toBe(false);
    expect(hasControlCharacter("tab\there", true)).toBe(true);
    expect(hasControlCharacter("/topics/a/\u0085", true)).toBe(true);
  });

  it("refuses a lone surrogate wherever it stands, and keeps pairs (emoji) whole", () => {
    for (const text of ["\ud800", "a\ud83d", "\ud83dz", "\ude00b", "a\ude00\ud83d", "\ud83d\ud83d\ude00"]) {
      expect(hasControlCharacter(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ["😀", "👨‍👩‍👧‍👦", "🇸🇪 and 👍", "a😀b😀"]) {
      expect(hasControlCharacter(text), text).toBe(false);
    }
  });

  it("keeps the characters just beside the refused ranges, counted as the form counts them", () => {
    const kept = "\u007e\u00a0\u00e9\ud7ff\ue000\ufffd";
    expect(hasControlCharacter(kept)).toBe(false);
    expect(countCharacters(kept)).toBe(6);
  });
});
