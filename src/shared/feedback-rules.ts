/**
 * The feedback contract, shared by the form (island and plain HTML) and the API, so the
 * counter a reader sees and the limit the server enforces are the same number, counted the same way.
 */

export const ratings = ["excellent", "good", "average", "poor"] as const;
export type Rating = (typeof ratings)[number];
export const ratingLabels: Record<Rating, string> = {
  excellent: "Excellent",
  good: "Good",
  average: "Average",
  poor: "Poor",
};

export const foundAnswers = ["yes", "no"] as const;
export type Found = (typeof foundAnswers)[number];
export const foundLabels: Record<Found, string> = { yes: "Yes", no: "No" };

/** Why not: offered after a No, or an Average or Poor rating. */
export const reasons = [
  "missing-information",
  "steps-did-not-work",
  "hard-to-understand",
  "out-of-date",
  "something-else",
] as const;
export type Reason = (typeof reasons)[number];
export const reasonLabels: Record<Reason, string> = {
  "missing-information": "Missing information",
  "steps-did-not-work": "Steps did not work",
  "hard-to-understand": "Hard to understand",
  "out-of-date": "Out of date",
  "something-else": "Something else",
};

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

/** The messages the form can give before sending; the server gives the same ones. */
export const feedbackMessages = {
  nothingToSend: "Rate the topic, say whether you found what you needed, or write a comment.",
  commentTooLong: `Shorten your comment to ${feedbackLimits.comment} characters or fewer.`,
  nameTooLong: `Shorten your name to ${feedbackLimits.name} characters or fewer.`,
  reasonWithoutNo: "A reason goes with a No, or an Average or Poor rating: choose one of those, or no reason.",
} as const;

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
 * The checks the browser can make before sending, with the server's own messages.
 * The server checks again with its schema; this only saves a round trip.
 */
export function validateFeedback(values: FeedbackValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.rating && !values.found && values.comment.trim() === "") errors.rating = feedbackMessages.nothingToSend;
  if (countCharacters(values.comment.trim()) > feedbackLimits.comment) errors.comment = feedbackMessages.commentTooLong;
  if (countCharacters(values.name.trim()) > feedbackLimits.name) errors.name = feedbackMessages.nameTooLong;
  if (values.reason && !asksWhyNot(values)) errors.reason = feedbackMessages.reasonWithoutNo;
  return errors;
}

export const feedbackOrder: readonly FeedbackField[] = ["rating", "found", "reason", "name", "comment"];

/**
 * An API error, sorted for the form: messages for its own fields go beside them; anything else
 * (the topic, the rate limit, the server) becomes one problem for the summary.
 */
export function formProblems(
  fields: readonly { field: string; message: string }[] | undefined,
  message: string,
): { errors: FieldErrors; problem: string | undefined } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const problem of fields ?? []) {
    const field = feedbackOrder.find((f) => f === problem.field);
    if (field) errors[field] = problem.message;
    else other.push(problem.message);
  }
  return { errors, problem: other.join(" ") || (Object.keys(errors).length > 0 ? undefined : message) };
}
