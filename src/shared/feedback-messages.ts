import type { Catalogue } from "./i18n/catalogues.ts";

/**
 * What the feedback form says, in the page's language: its part of the catalogue, worded for
 * what is rated (one topic, or the help center as a whole on the Leave feedback page).
 */
type FeedbackCatalogue = Catalogue["feedback"];

export type FeedbackFormMessages = FeedbackCatalogue & {
  /** The rating group's legend. */
  rate: string;
  /** The comment box's label. */
  comment: string;
};

export function feedbackFormMessages(catalogue: FeedbackCatalogue, topic: string | undefined): FeedbackFormMessages {
  return topic
    ? { ...catalogue, rate: catalogue.rateTopic, comment: catalogue.commentTopic }
    : { ...catalogue, rate: catalogue.rateSite, comment: catalogue.commentSite };
}
