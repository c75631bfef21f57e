import type { Catalogue } from "./i18n/catalogues.ts";

/**
 * What the feedback form says, in the page's language: its part of the catalogue, worded for
 * what is rated (one topic, or the help center as a whole on the Leave feedback page). The page
 * hands it to the island as props, so the words travel in the HTML, never in the page's
 * JavaScript, and only the form's own (the page's headings and notes stay out).
 */
type FeedbackCatalogue = Catalogue["feedback"];
type PageOnly =
  | "pageTitle"
  | "pageDescription"
  | "pageIntro"
  | "yourFeedback"
  | "checkTitle"
  | "checkDescription"
  | "nothingToCheck"
  | "backToPage"
  | "posted"
  | "sendMore"
  | "rateTopic"
  | "rateSite"
  | "commentTopic"
  | "commentSite";

export type FeedbackFormMessages = Omit<FeedbackCatalogue, PageOnly> & {
  /** The rating group's legend. */
  rate: string;
  /** The comment box's label. */
  comment: string;
};

export function feedbackFormMessages(catalogue: FeedbackCatalogue, topic: string | undefined): FeedbackFormMessages {
  const {
    pageTitle,
    pageDescription,
    pageIntro,
    yourFeedback,
    checkTitle,
    checkDescription,
    nothingToCheck,
    backToPage,
    posted,
    sendMore,
    rateTopic,
    rateSite,
    commentTopic,
    commentSite,
    ...form
  } = catalogue;
  return topic
    ? { ...form, rate: rateTopic, comment: commentTopic }
    : { ...form, rate: rateSite, comment: commentSite };
}
