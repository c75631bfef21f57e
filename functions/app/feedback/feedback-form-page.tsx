import { renderToString } from "preact-render-to-string";
import { FeedbackFormView } from "../../../src/shared/components/FeedbackFormView.tsx";
import { feedbackFormMessages } from "../../../src/shared/feedback-messages.ts";
import {
  type FeedbackValues,
  formProblems,
  foundAnswers,
  ratings,
  reasons,
} from "../../../src/shared/feedback-rules.ts";
import { initialFeedbackState } from "../../../src/shared/feedback-state.ts";
import { referenceCatalogue } from "../../../src/shared/i18n/catalogues.ts";
import type { ApiError } from "../errors.ts";
import { escapeHtml } from "../lib/html.ts";
import { fillMarkupSlot } from "../lib/slots.ts";
import type { TopicCatalog } from "../topic-catalog.ts";

const siteFeedbackPath = "/feedback/";

function pageFor(topics: TopicCatalog, topic: string | undefined): string {
  return (topic && topics.path(topic)) || siteFeedbackPath;
}

/** After a plain form post: back to the page, where `:target` shows the thank-you without JavaScript. */
export function thanksLocation(topics: TopicCatalog, topic: string | undefined): string {
  return `${pageFor(topics, topic)}?feedback=sent#feedback-thanks`;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const oneOf = <T extends string>(options: readonly T[], value: unknown): T | undefined =>
  options.find((option) => option === value);

/** What the reader typed, as far as it can be shown again. */
function typedValues(form: Record<string, unknown>): FeedbackValues {
  return {
    rating: oneOf(ratings, form.rating),
    found: oneOf(foundAnswers, form.found),
    reason: oneOf(reasons, form.reason),
    name: text(form.name),
    comment: text(form.comment),
  };
}

/** The frame when the build's `/feedback/check/` page is not at hand (API tests): heading and slot only. */
export const bareCheckPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Check your feedback</title></head><body><main id="main"><h1>Check your feedback</h1><div data-slot="feedback-check"></div></main></body></html>';

/**
 * The page a reader without JavaScript gets when their feedback needs fixing (or could not be
 * saved just now): the site's own "Check your feedback" page, its slot filled with the same
 * form component the topic page uses, rendered with what they typed and what to do.
 */
export function feedbackFormPage(
  frame: string,
  topics: TopicCatalog,
  form: Record<string, unknown>,
  error: ApiError,
): string {
  const topic = text(form.topic) || undefined;
  const knownTopic = topic && topics.has(topic) ? topic : undefined;
  const { errors, problem } = formProblems(error.fields, error.message);
  const body = renderToString(
    <FeedbackFormView
      topic={knownTopic}
      action="/api/feedback"
      supportHref="/contact-us/"
      messages={feedbackFormMessages(referenceCatalogue.feedback, knownTopic)}
      lang="en"
      state={initialFeedbackState(typedValues(form), errors, problem)}
    />,
  );
  const back = `<p><a href="${escapeHtml(pageFor(topics, knownTopic))}">${escapeHtml(referenceCatalogue.feedback.backToPage)}</a></p>`;
  return fillMarkupSlot(frame, "feedback-check", `<div class="feedback feedback--check">${back}${body}</div>`);
}
