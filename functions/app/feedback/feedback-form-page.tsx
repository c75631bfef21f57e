import { renderToString } from "preact-render-to-string";
import { FeedbackFormView } from "../../../src/shared/components/FeedbackFormView.tsx";
import { feedbackFormMessages } from "../../../src/shared/feedback-messages.ts";
import { feedbackRefusal } from "../../../src/shared/feedback-refusals.ts";
import { type FeedbackValues, foundAnswers, ratings, reasons } from "../../../src/shared/feedback-rules.ts";
import { initialFeedbackState } from "../../../src/shared/feedback-state.ts";
import type { ApiError } from "../errors.ts";
import { escapeHtml } from "../lib/html.ts";
import type { ReaderLanguage } from "../lib/reader-language.ts";
import { fillMarkupSlot } from "../lib/slots.ts";
import type { TopicCatalog } from "../topic-catalog.ts";

/** The page the form was on, in the reader's language where the topic is written in it. */
function pageFor(topics: TopicCatalog, topic: string | undefined, language: ReaderLanguage): string {
  return (topic && topics.path(topic, language.code)) || language.path("/feedback/");
}

/** After a plain form post: back to the page, where `:target` shows the thank-you without JavaScript. */
export function thanksLocation(topics: TopicCatalog, topic: string | undefined, language: ReaderLanguage): string {
  return `${pageFor(topics, topic, language)}?feedback=sent#feedback-thanks`;
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
export const bareCheckPage = (language: ReaderLanguage) =>
  `<!doctype html><html lang="${escapeHtml(language.code)}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(language.m.feedback.checkTitle)}</title></head><body><main id="main"><h1>${escapeHtml(language.m.feedback.checkTitle)}</h1><div data-slot="feedback-check"></div></main></body></html>`;

/**
 * The page a reader without JavaScript gets when their feedback needs fixing (or could not be
 * saved just now): the site's own "Check your feedback" page in the language of the page they
 * wrote on, its slot filled with the same form component the topic page uses, rendered with what
 * they typed and what to do, in that language (worded from the API's error, feedback-refusals.ts).
 */
export function feedbackFormPage(
  frame: string,
  topics: TopicCatalog,
  form: Record<string, unknown>,
  error: ApiError,
  language: ReaderLanguage,
): string {
  const topic = text(form.topic) || undefined;
  const knownTopic = topic && topics.has(topic) ? topic : undefined;
  const words = language.m.feedback;
  const values = typedValues(form);
  const { errors, problem } = feedbackRefusal(error.toBody().error, values, words, language.code);
  const body = renderToString(
    <FeedbackFormView
      topic={knownTopic}
      action={language.action("/api/feedback")}
      supportHref={language.path("/contact-us/")}
      messages={feedbackFormMessages(words, knownTopic)}
      lang={language.code}
      state={initialFeedbackState(values, errors, problem)}
    />,
  );
  const back = `<p><a href="${escapeHtml(pageFor(topics, knownTopic, language))}">${escapeHtml(words.backToPage)}</a></p>`;
  return fillMarkupSlot(frame, "feedback-check", `<div class="feedback feedback--check">${back}${body}</div>`);
}
