import { limitMessage } from "../../../src/shared/feedback-rules.ts";
import { referenceCatalogue } from "../../../src/shared/i18n/catalogues.ts";

/**
 * The feedback's words as the API, the dashboard and the writers' messages say them: the default
 * catalogue's (the dashboard stays in English; pages speak each reader's language).
 */
const { ratings, answers, reasons, nothingToSend, commentTooLong, nameTooLong, reasonWithoutNo, unknownTopic } =
  referenceCatalogue.feedback;

export { answers as foundLabels, ratings as ratingLabels, reasons as reasonLabels };

/** What the API answers for what the form also checks: the same words the English form gives. */
export const feedbackMessages = {
  nothingToSend,
  commentTooLong: limitMessage(commentTooLong, "comment", "en"),
  nameTooLong: limitMessage(nameTooLong, "name", "en"),
  reasonWithoutNo,
  unknownTopic,
};
