import { type Context, Hono, type MiddlewareHandler } from "hono";
import { feedbackMessages } from "../../../src/shared/feedback-rules.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, Status } from "../errors.ts";
import { bodyKind, readForm } from "../lib/body.ts";
import { clientAddress } from "../lib/client.ts";
import { limitBody, requireBody, sameOriginOnly } from "../lib/request-guards.ts";
import { asUnavailable } from "../lib/unavailable.ts";
import { invalidInput, valid } from "../lib/validate.ts";
import type { TopicCatalog } from "../topic-catalog.ts";
import {
  type FeedbackInput,
  feedbackEditSchema,
  feedbackIdParamSchema,
  feedbackInputSchema,
  withoutBlankFields,
} from "./feedback.schema.ts";
import { changeFeedback, type Sender, submitFeedback } from "./feedback.service.ts";
import { bareCheckPage, feedbackFormPage, thanksLocation } from "./feedback-form-page.tsx";

/** A comment of 1,000 characters, all of them four-byte emoji, plus the other fields, fits well inside. */
const maxBodyBytes = 16 * 1024;

function tooMany(retryAfterSeconds: number): ApiError {
  return new ApiError(
    Status.tooManyRequests,
    "rate_limited",
    `You have sent a lot of feedback. Try again in ${retryAfterSeconds} seconds.`,
    {
      headers: { "Retry-After": String(retryAfterSeconds) },
    },
  );
}

/** Employees may also comment on internal-only topics; to anyone else those do not exist. */
const catalogFor = (deps: AppDeps, c: Context<AppEnv>) => (c.get("employee") ? deps.internalTopics : deps.topics);

function requireKnownTopic(catalog: TopicCatalog, input: { topic?: string | undefined }): void {
  if (input.topic !== undefined && !catalog.has(input.topic)) {
    throw new ApiError(Status.badRequest, "invalid_input", "Some fields need attention.", {
      fields: [{ field: "topic", message: feedbackMessages.unknownTopic }],
    });
  }
}

export function feedbackRoutes(deps: AppDeps) {
  const sender = (c: Context<AppEnv>): Sender => ({
    address: clientAddress(c),
    isEmployee: c.get("employee") !== undefined,
  });

  /**
   * The topic page's form without JavaScript: answered with a redirect, or a page showing what
   * to fix — or that the database is away — with what the reader typed still in the form.
   */
  const plainFormPost: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (bodyKind(c) !== "form") return next();
    try {
      const form = await readForm(c);
      const parsed = feedbackInputSchema.safeParse(withoutBlankFields(form));
      if (!parsed.success) throw invalidInput(parsed.error.issues);
      requireKnownTopic(catalogFor(deps, c), parsed.data);
      const outcome = await submitFeedback(deps.feedback, parsed.data, sender(c));
      if (outcome.kind === "limited") throw tooMany(outcome.retryAfterSeconds);
      return c.redirect(thanksLocation(catalogFor(deps, c), parsed.data.topic), Status.seeOther);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : asUnavailable(caught);
      if (!error) throw caught;
      // Parsed once already (Hono keeps it): the fields as sent, to show them again.
      const typed = await c.req.parseBody({ all: true });
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      const frame = deps.pages.feedbackCheck ?? bareCheckPage;
      c.header("Cache-Control", "no-store");
      return c.html(feedbackFormPage(frame, catalogFor(deps, c), typed, error), error.status);
    }
  };

  return (
    new Hono<AppEnv>()
      // "/feedback/*" covers "/feedback" itself as well.
      .use("/feedback/*", sameOriginOnly(deps.allowedOrigins), limitBody(maxBodyBytes))
      .post("/feedback", plainFormPost, requireBody("json", "form"), valid("json", feedbackInputSchema), async (c) => {
        const input: FeedbackInput = c.req.valid("json");
        requireKnownTopic(catalogFor(deps, c), input);
        const outcome = await submitFeedback(deps.feedback, input, sender(c));
        if (outcome.kind === "limited") throw tooMany(outcome.retryAfterSeconds);
        return c.json({ id: outcome.id, editToken: outcome.editToken }, Status.created);
      })
      .put(
        "/feedback/:id",
        requireBody("json"),
        valid("param", feedbackIdParamSchema),
        valid("json", feedbackEditSchema),
        async (c) => {
          const edit = c.req.valid("json");
          requireKnownTopic(catalogFor(deps, c), edit);
          const outcome = await changeFeedback(deps.feedback, c.req.valid("param").id, edit, sender(c));
          if (outcome.kind === "limited") throw tooMany(outcome.retryAfterSeconds);
          if (outcome.kind === "not_found") {
            throw new ApiError(
              Status.notFound,
              "not_found",
              "That answer cannot be changed any more. Send it as new feedback.",
            );
          }
          return c.json({ id: c.req.valid("param").id }, Status.ok);
        },
      )
  );
}
