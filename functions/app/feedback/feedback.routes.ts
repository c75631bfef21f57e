import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, invalidInput, Status } from "../errors.ts";
import { inBackground } from "../lib/background.ts";
import { clientAddress } from "../lib/client.ts";
import { recordedLanguageQuery } from "../lib/page-language.ts";
import { formLanguage } from "../lib/reader-language.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { answerFormsWithPage, isFormPost, jsonOrForm, valid } from "../lib/validate.ts";
import type { TopicCatalog } from "../topic-catalog.ts";
import { feedbackDocs } from "./feedback.openapi.ts";
import {
  type FeedbackInput,
  feedbackEditSchema,
  feedbackIdParamSchema,
  feedbackInputSchema,
  serverMessages,
} from "./feedback.schema.ts";
import { changeFeedback, type Sender, submitFeedback } from "./feedback.service.ts";
import { bareCheckPage, feedbackFormPage, thanksLocation } from "./feedback-form-page.tsx";

/** A comment of 1,000 characters, all of them four-byte emoji, plus the other fields, fits well inside. */
const maxBodyBytes = 16 * 1024;

function tooMany(retryAfterSeconds: number): ApiError {
  return new ApiError("rate_limited", `You have sent a lot of feedback. Try again in ${retryAfterSeconds} seconds.`, {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/** Employees may also comment on internal-only topics; to anyone else those do not exist. */
const catalogFor = (deps: AppDeps, c: Context<AppEnv>) => (c.get("employee") ? deps.internalTopics : deps.topics);

function requireKnownTopic(catalog: TopicCatalog, input: { topic?: string | undefined }): void {
  if (input.topic !== undefined && !catalog.has(input.topic)) {
    throw invalidInput([{ field: "topic", message: serverMessages.unknownTopic }]);
  }
}

export function feedbackRoutes(deps: AppDeps) {
  /** The language of the page the answer was given on, recorded with it (`?lang=`, as the form's address names it). */
  const pageLanguage = valid("query", recordedLanguageQuery(deps.topics.languages));
  const sender = (c: Context<AppEnv>): Sender => ({
    address: clientAddress(c),
    isEmployee: c.get("employee") !== undefined,
  });

  /** An answer the writers should hear of is sent now, after the reader has their answer. */
  const tellWriters = (c: Context<AppEnv>, outcome: { writersToldOf: boolean }) => {
    if (outcome.writersToldOf && deps.notifier) inBackground(c, deps.notifier.deliverDue());
  };

  /**
   * A reader without JavaScript whose feedback needs fixing (or could not be saved, or was too
   * long to read) gets the form back on a page, in the language of the page they wrote on.
   */
  const checkPage = answerFormsWithPage(async (c, error) => {
    const language = formLanguage(c, deps.topics.languages);
    const frame = (await deps.pages.feedbackCheck(language.code)) ?? bareCheckPage(language);
    return feedbackFormPage(frame, catalogFor(deps, c), c.get("formFields") ?? {}, error, language);
  });

  return (
    new Hono<AppEnv>()
      // "/feedback/*" covers "/feedback" itself as well.
      .use("/feedback/*", sameOriginOnly(deps.allowedOrigins))
      // Before the body's limit, so that a form too long to read gets its page too.
      .use("/feedback", checkPage)
      .use("/feedback/*", limitBody(maxBodyBytes))
      .post(
        "/feedback",
        feedbackDocs.submit,
        requireBody("json", "form"),
        jsonOrForm(feedbackInputSchema),
        // After the body: a plain form naming a language the site does not speak gets the check page.
        pageLanguage,
        async (c) => {
          const input: FeedbackInput = c.req.valid("json");
          requireKnownTopic(catalogFor(deps, c), input);
          const { lang } = c.req.valid("query");
          const outcome = await submitFeedback(deps.feedback, { ...input, lang }, sender(c));
          if (outcome.kind === "limited") throw tooMany(outcome.retryAfterSeconds);
          tellWriters(c, outcome);
          deps.metrics?.collect.recorded("feedback");
          if (isFormPost(c)) {
            const language = formLanguage(c, deps.topics.languages);
            return c.redirect(thanksLocation(catalogFor(deps, c), input.topic, language), Status.seeOther);
          }
          return c.json({ id: outcome.id, editToken: outcome.editToken }, Status.created);
        },
      )
      .put(
        "/feedback/:id",
        feedbackDocs.change,
        requireBody("json"),
        valid("param", feedbackIdParamSchema),
        valid("json", feedbackEditSchema),
        pageLanguage,
        async (c) => {
          const edit = c.req.valid("json");
          requireKnownTopic(catalogFor(deps, c), edit);
          const { lang } = c.req.valid("query");
          const outcome = await changeFeedback(deps.feedback, c.req.valid("param").id, { ...edit, lang }, sender(c));
          if (outcome.kind === "limited") throw tooMany(outcome.retryAfterSeconds);
          if (outcome.kind === "not_found") {
            throw new ApiError("not_found", "That answer cannot be changed any more. Send it as new feedback.");
          }
          tellWriters(c, outcome);
          return c.json({ id: c.req.valid("param").id }, Status.ok);
        },
      )
  );
}
