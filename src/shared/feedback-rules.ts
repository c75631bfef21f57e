import { formatMessage } from "./i18n/format.ts";

/**
 * The feedback contract, shared by the form (island and plain HTML) and the API, so the
 * counter a reader sees and the limit the server enforces are the same number, counted the same way.
 * The words (labels, messages) are the catalogue's, in each page's language (src/shared/i18n/).
 */

export const ratings = ["excellent", "good", "average", "poor"] as const;
export type Rating = (typeof ratings)[number];

export const foundAnswers = ["yes", "no"] as const;
export type Found = (typeof foundAnswers)[number];

/** Why not: offered after a No, or an Average or Poor rating. */
export const reasons = [
  "missing-information",
  "steps-did-not-work",
  "hard-to-understand",
  "out-of-date",
  "something-else",
] as const;
export type Reason = (typeof reasons)[number];

/** A reason belongs to an answer that says something was wrong. */
export const asksWhyNot = (answer: { rating?: Rating | undefined; found?: Found | undefined }): boolean =>
  answer.found === "no" || answer.rating === "average" || answer.rating === "poor";

export const feedbackLimits = {
  /** Characters in a comment: room for a few concrete sentences, short enough to read in a triage queue. */
  comment: 1000,
  name: 80,
} as const;

/** Browsers send a textarea's line breaks as CRLF in forms and LF in `.value`; count both as one. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Characters as a reader counts them: user-perceived characters (grapheme clusters), so an
 * emoji is one — a family of four or a flag included — and so is a line break.
 */
export function countCharacters(text: string): number {
  const normalized = normalizeLineBreaks(text);
  // In ASCII, CR LF is the only cluster of two, and it is already one LF: the length is the count
  // (the server counts every comment; segmenting one is the costliest step of taking feedback).
  if (/^[\0-\x7f]*$/.test(normalized)) return normalized.length;
  let count = 0;
  for (const _ of graphemes.segment(normalized)) count++;
  return count;
}

export function charactersLeft(comment: string): number {
  return feedbackLimits.comment - countCharacters(comment);
}

/** The names of the form's fields, as both the HTML form and the API use them. */
export const feedbackFields = {
  topic: "topic",
  rating: "rating",
  found: "found",
  reason: "reason",
  name: "name",
  comment: "comment",
  /** The honeypot: labelled "Leave this blank", hidden from people, tempting to bots. */
  honeypot: "website",
} as const;

/** The catalogue's messages for what the form checks before sending (the server checks the same). */
export interface FeedbackRuleMessages {
  nothingToSend: string;
  commentTooLong: string;
  nameTooLong: string;
  reasonWithoutNo: string;
}

/** A message about a limit, the limit filled in as `lang` writes numbers. */
export const limitMessage = (message: string, field: keyof typeof feedbackLimits, lang: string) =>
  formatMessage(message, lang, { count: feedbackLimits[field] });

/** What the form holds; radio groups are undefined until chosen. */
export interface FeedbackValues {
  rating: Rating | undefined;
  found: Found | undefined;
  reason: Reason | undefined;
  name: string;
  comment: string;
}

export type FeedbackField = "rating" | "found" | "reason" | "name" | "comment";
export type FieldErrors = Partial<Record<FeedbackField, string>>;

export const emptyFeedback: FeedbackValues = {
  rating: undefined,
  found: undefined,
  reason: undefined,
  name: "",
  comment: "",
};

/**
 * The checks the browser can make before sending, in the page's language (the server gives the
 * same messages in the default language). The server checks again with its schema; this only
 * saves a round trip.
 */
export function validateFeedback(values: FeedbackValues, catalogue: FeedbackRuleMessages, lang: string): FieldErrors {
  const errors: FieldErrors = {};
  const { comment, name } = feedbackLimits;
  if (!values.rating && !values.found && values.comment.trim() === "") errors.rating = catalogue.nothingToSend;
  if (countCharacters(values.comment.trim()) > comment)
    errors.comment = limitMessage(catalogue.commentTooLong, "comment", lang);
  if (countCharacters(values.name.trim()) > name) errors.name = limitMessage(catalogue.nameTooLong, "name", lang);
  if (values.reason && !asksWhyNot(values)) errors.reason = catalogue.reasonWithoutNo;
  return errors;
}

export const feedbackOrder: readonly FeedbackField[] = ["rating", "found", "reason", "name", "comment"];
