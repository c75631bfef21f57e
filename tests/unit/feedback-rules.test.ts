import { describe, expect, it } from "vitest";
import { feedbackInputSchema } from "../../functions/app/feedback/feedback.schema.ts";
import { feedbackMessages } from "../../functions/app/feedback/feedback-words.ts";
import {
  asksWhyNot,
  charactersLeft,
  countCharacters,
  emptyFeedback,
  feedbackLimits,
  validateFeedback as validateIn,
} from "../../src/shared/feedback-rules.ts";
import { referenceCatalogue } from "../../src/shared/i18n/catalogues.ts";

/** The form's own checks in English: the API's messages, word for word. */
const validateFeedback = (values: Parameters<typeof validateIn>[0]) =>
  validateIn(values, referenceCatalogue.feedback, "en");

import { feedbackReducer, initialFeedbackState } from "../../src/shared/feedback-state.ts";

describe("counting characters", () => {
  it("counts an emoji as one character and CRLF as one line break", () => {
    expect(countCharacters("👍")).toBe(1);
    expect(countCharacters("👨‍👩‍👧‍👦")).toBe(1);
    expect(countCharacters("🇸🇪 é")).toBe(3);
    expect(countCharacters("a\r\nb")).toBe(3);
    expect(charactersLeft("abc")).toBe(feedbackLimits.comment - 3);
  });

  it("counts plain ASCII text exactly as segmenting it would, line breaks and control characters included", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const segmented = (text: string) => [...segmenter.segment(text.replace(/\r\n?/g, "\n"))].length;
    const alphabet = ["a", " ", "\r", "\n", "\t", "\0", "\x7f", "~"];
    for (let seed = 1; seed <= 500; seed++) {
      let text = "";
      for (let i = 0, x = seed; i < seed % 23; i++, x = (x * 48271) % 2147483647) text += alphabet[x % alphabet.length];
      expect(countCharacters(text), JSON.stringify(text)).toBe(segmented(text));
    }
    expect(countCharacters("a\r\r\nb\n\rc")).toBe(7);
  });

  it("agrees with the server at the limit", () => {
    const atLimit = "é".repeat(feedbackLimits.comment);
    expect(charactersLeft(atLimit)).toBe(0);
    expect(feedbackInputSchema.safeParse({ comment: atLimit }).success).toBe(true);
    expect(charactersLeft(`${atLimit}x`)).toBe(-1);
    expect(feedbackInputSchema.safeParse({ comment: `${atLimit}x` }).success).toBe(false);
  });
});

describe("checking feedback in the browser", () => {
  it("asks for something to send, with the server's message", () => {
    expect(validateFeedback(emptyFeedback)).toEqual({ rating: feedbackMessages.nothingToSend });
    expect(validateFeedback({ ...emptyFeedback, found: "no" })).toEqual({});
  });

  it("flags a comment over the limit", () => {
    expect(validateFeedback({ ...emptyFeedback, comment: "x".repeat(feedbackLimits.comment + 1) }).comment).toBe(
      feedbackMessages.commentTooLong,
    );
  });
});

describe("the feedback form's state machine", () => {
  const start = initialFeedbackState(emptyFeedback, {});
  const answer = {
    id: "a".repeat(22),
    editToken: "t".repeat(32),
    values: { ...emptyFeedback, rating: "good" as const },
  };

  it("moves focus to the error summary when the form is incomplete", () => {
    const state = feedbackReducer(start, { type: "invalid", errors: { rating: "x" } });
    expect(state).toMatchObject({ status: "editing", focus: "summary", revision: 1 });
  });

  it("clears the 'nothing to send' error as soon as the reader answers a question", () => {
    const invalid = feedbackReducer(start, { type: "invalid", errors: { rating: feedbackMessages.nothingToSend } });
    expect(feedbackReducer(invalid, { type: "edit", field: "found", value: "yes" }).errors).toEqual({});
  });

  it("shows the thank-you after sending and offers the answer back to change it", () => {
    const sent = feedbackReducer(feedbackReducer(start, { type: "send" }), { type: "sent", answer });
    expect(sent).toMatchObject({ status: "sent", justSent: true, focus: "thanks", previous: answer });
    const changing = feedbackReducer(sent, { type: "change" });
    expect(changing).toMatchObject({ status: "editing", values: answer.values, previous: answer, focus: "form" });
  });

  it("keeps what was typed when sending fails", () => {
    const typed = feedbackReducer(start, { type: "edit", field: "comment", value: "Hello" });
    const failed = feedbackReducer(feedbackReducer(typed, { type: "send" }), {
      type: "failed",
      problem: "offline",
      errors: undefined,
    });
    expect(failed).toMatchObject({ status: "editing", problem: "offline", values: { comment: "Hello" } });
  });

  it("shows a remembered answer without stealing focus", () => {
    expect(feedbackReducer(start, { type: "remembered", answer })).toMatchObject({
      status: "sent",
      justSent: false,
      focus: undefined,
    });
  });
});

describe("feedback ids", () => {
  it("sort by creation time and still carry 96 random bits", async () => {
    const { timeOrderedId, randomToken } = await import("../../functions/app/lib/crypto.ts");
    const earlier = timeOrderedId(Date.UTC(2026, 10, 29), randomToken(12));
    const later = timeOrderedId(Date.UTC(2026, 10, 29) + 1, randomToken(12));
    expect(earlier < later).toBe(true);
    expect(later).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
  });

  it("never hand out the same random bytes twice, across many refills of the pool they come from", async () => {
    const { randomTokens, randomToken } = await import("../../functions/app/lib/crypto.ts");
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const [id = "", editToken = ""] = randomTokens(12, 24);
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(editToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      seen.add(id).add(editToken);
    }
    seen.add(randomToken(10_000));
    expect(seen.size).toBe(10_001);
  });
});

describe("why not", () => {
  it("asks why after a No, an Average or a Poor, and not otherwise", () => {
    expect(asksWhyNot({ found: "no" })).toBe(true);
    expect(asksWhyNot({ rating: "average" })).toBe(true);
    expect(asksWhyNot({ rating: "poor", found: "yes" })).toBe(true);
    expect(asksWhyNot({ rating: "good", found: "yes" })).toBe(false);
    expect(asksWhyNot({})).toBe(false);
  });

  it("takes the reason away when the reader changes to an answer that has none", () => {
    let state = initialFeedbackState(emptyFeedback, {});
    state = feedbackReducer(state, { type: "edit", field: "found", value: "no" });
    state = feedbackReducer(state, { type: "edit", field: "reason", value: "out-of-date" });
    expect(state.values.reason).toBe("out-of-date");
    state = feedbackReducer(state, { type: "edit", field: "rating", value: "poor" });
    expect(state.values.reason).toBe("out-of-date");
    state = feedbackReducer(state, { type: "edit", field: "found", value: "yes" });
    expect(state.values.reason).toBe("out-of-date");
    state = feedbackReducer(state, { type: "edit", field: "rating", value: "good" });
    expect(state.values.reason).toBeUndefined();
  });

  it("says before sending when a reason has no No or low rating to go with", () => {
    expect(validateFeedback({ ...emptyFeedback, rating: "good", reason: "out-of-date" })).toEqual({
      reason: feedbackMessages.reasonWithoutNo,
    });
  });
});
