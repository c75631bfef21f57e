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
  switch (error.code) {
    case "invalid_input":
      return fieldProblems(error.fields ?? [], validateFeedback(values, words, lang), words);
    case "rate_limited":
      return { errors: {}, problem: words.tooMany };
    case "payload_too_large":
      return { errors: {}, problem: words.tooLarge };
    case "unavailable":
    case "shutting_down":
      return { errors: {}, problem: words.unavailable };
    default:
      return { errors: {}, problem: words.failed };
  }
}

function fieldProblems(fields: readonly { field: string }[], checked: FieldErrors, words: RefusalWords): Refusal {
  const errors: FieldErrors = {};
  const problems = new Set<string>();
  for (const { field } of fields) {
    const own = feedbackOrder.find((f) => f === field);
    if (own)
      errors[own] = checked[own] ?? (own === "name" || own === "comment" ? words.unreadable : words.chooseOffered);
    else problems.add(field === "topic" ? words.unknownTopic : words.failed);
  }
  if (Object.keys(errors).length === 0 && problems.size === 0) problems.add(words.failed);
  return { errors, problem: problems.size > 0 ? [...problems].join(" ") : undefined };
}
