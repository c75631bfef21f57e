import { z } from "zod";
import {
  asksWhyNot,
  countCharacters,
  feedbackLimits,
  foundAnswers,
  normalizeLineBreaks,
  ratings,
  reasons,
} from "../../../src/shared/feedback-rules.ts";
import { redactPersonalData } from "../../../src/shared/personal-data.ts";
import { topicIdSchema } from "../../../src/shared/topic-id-schema.ts";
import { feedbackMessages } from "./feedback-words.ts";

/** Free text: line breaks normalized, trimmed, counted as the form counts; blank means not given. */
const freeText = (limit: number, tooLong: string) =>
  z
    .string({ error: "Send text here." })
    .transform((text) => normalizeLineBreaks(text).trim())
    .refine((text) => countCharacters(text) <= limit, tooLong)
    .transform((text) => (text === "" ? undefined : text))
    .optional();

/** Messages only the server gives: the form's own controls cannot send these mistakes. */
export const serverMessages = {
  rating: "Choose Excellent, Good, Average or Poor.",
  found: "Choose Yes or No.",
  reason: "Choose one of the reasons offered, or none.",
  unknownTopic: feedbackMessages.unknownTopic,
} as const;

const unknownFields = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `Remove ${issue.keys?.join(", ")}: the feedback form has no such field.`
      : undefined,
};

const feedbackFieldsSchema = z.strictObject(
  {
    /** Topic id from the build's manifest; absent for feedback on the help center as a whole. */
    topic: topicIdSchema.optional(),
    rating: z.enum(ratings, { error: serverMessages.rating }).optional(),
    found: z.enum(foundAnswers, { error: serverMessages.found }).optional(),
    /** Why not; only with a No, or an Average or Poor rating. */
    reason: z.enum(reasons, { error: serverMessages.reason }).optional(),
    name: freeText(feedbackLimits.name, feedbackMessages.nameTooLong),
    /** Stored with e-mail addresses and phone and card numbers replaced (src/shared/personal-data.ts). */
    comment: freeText(feedbackLimits.comment, feedbackMessages.commentTooLong).transform((text) =>
      text === undefined ? undefined : redactPersonalData(text),
    ),
    /** The honeypot. People never see it; anything in it marks the submission as spam. */
    website: z.string().max(2000).optional(),
  },
  unknownFields,
);

const hasSomethingToSay = (f: { rating?: unknown; found?: unknown; comment?: unknown }) =>
  f.rating !== undefined || f.found !== undefined || f.comment !== undefined;
const nothingToSay = { message: feedbackMessages.nothingToSend, path: ["rating"] };
const reasonFitsAnswer = (f: Parameters<typeof asksWhyNot>[0] & { reason?: unknown }) =>
  f.reason === undefined || asksWhyNot(f);
const reasonWithoutNo = { message: feedbackMessages.reasonWithoutNo, path: ["reason"] };

/** One submission of the feedback form; unknown fields are refused rather than dropped. */
export const feedbackInputSchema = feedbackFieldsSchema
  .refine(hasSomethingToSay, nothingToSay)
  .refine(reasonFitsAnswer, reasonWithoutNo);
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

/** Changing an earlier answer: the same fields, plus the token the first answer returned. */
export const feedbackEditSchema = feedbackFieldsSchema
  .extend({ editToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "Send the editToken you were given.") })
  .refine(hasSomethingToSay, nothingToSay)
  .refine(reasonFitsAnswer, reasonWithoutNo);
export type FeedbackEdit = z.infer<typeof feedbackEditSchema>;

export const feedbackIdParamSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, "Unknown feedback id."),
});

/** A new answer: its id and the token that lets the same reader change it later. */
export const feedbackCreatedSchema = z.strictObject({ id: z.string(), editToken: z.string() });
export const feedbackChangedSchema = z.strictObject({ id: z.string() });
