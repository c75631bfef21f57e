import type { ErrorBody } from "./api-errors.ts";
import {
  type FeedbackRuleMessages,
  type FeedbackValues,
  type FieldErrors,
  feedbackOrder,
  validateFeedback,
} from "./feedback-rules.ts";

/** The catalogue's words for what the API may refuse (src/shared/i18n/messages/, `feedback`). */
export interface RefusalWords extends FeedbackRuleMessages {
  unknownTopic: string;
  chooseOffered: string;
  unreadable: string;
  tooMany: string;
  tooLarge: string;
  unavailable: string;
  failed: string;
}

export interface Refusal {
  /** Messages beside the fields the API named. */
  errors: FieldErrors;
  /** What belongs to no field of the form: the topic, a limit, the server. */
  problem: string | undefined;
}

/** What a refusal other than the fields' says, by the API's code; any code not here is `failed`. */
const problemOf: Partial<Record<string, keyof RefusalWords>> = {
  rate_limited: "tooMany",
  payload_too_large: "tooLarge",
  unavailable: "unavailable",
  shutting_down: "unavailable",
};

/**
 * A refusal of the feedback API as a reader sees it, in the page's language, on the island and on
 * the server's page for a form sent without JavaScript alike. The API's `message` is written for
 * programs, in the default language; the words come from its stable `code` and the fields it
 * names. A field the form's own checks explain gets their message (the same rule, the same words);
 * any other mistake in a field is one its controls cannot make (a value not offered, control
 * characters pasted in), said plainly.
 */
export function feedbackRefusal(
  error: Partial<ErrorBody["error"]>,
  values: FeedbackValues,
  words: RefusalWords,
  lang: string,
): Refusal {
  if (error.code !== "invalid_input") return { errors: {}, problem: words[problemOf[error.code ?? ""] ?? "failed"] };
  const checked = validateFeedback(values, words, lang);
  const errors: FieldErrors = {};
  const fields = error.fields ?? [];
  // Named fields are each worded below; none named is a refusal the form cannot explain.
  const problems = new Set<string>(fields.length > 0 ? [] : [words.failed]);
  for (const { field } of fields) {
    const own = feedbackOrder.find((f) => f === field);
    if (own)
      errors[own] = checked[own] ?? (own === "name" || own === "comment" ? words.unreadable : words.chooseOffered);
    else problems.add(field === "topic" ? words.unknownTopic : words.failed);
  }
  return { errors, problem: [...problems].join(" ") || undefined };
}
