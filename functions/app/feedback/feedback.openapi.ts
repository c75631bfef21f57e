import { bodyRefusals } from "../openapi/body-refusals.ts";
import { answer, describe } from "../openapi/describe.ts";
import { feedbackChangedSchema, feedbackCreatedSchema } from "./feedback.schema.ts";

export const feedbackDocs = {
  submit: describe({
    tag: "feedback",
    summary: "Send feedback on a topic, or on the help center as a whole",
    description:
      "At least one of rating, found and comment. A honeypot hit (`website`) is answered like a success and stored as spam. The topic page's form posts here as JSON, and without JavaScript as a plain form.",
    answers: {
      201: answer.json("Stored. Keep `editToken` to change this answer later.", feedbackCreatedSchema),
      303: answer.seeOther("A plain form's post was stored: back to the topic's thank-you."),
    },
    refusals: [...bodyRefusals, "rate_limited", "unavailable"],
    asPage: ["invalid_input", "payload_too_large", "rate_limited", "unavailable"],
  }),
  change: describe({
    tag: "feedback",
    summary: "Replace an earlier answer, with the token it was given",
    answers: { 200: answer.json("Changed in place.", feedbackChangedSchema) },
    refusals: [...bodyRefusals, "not_found", "rate_limited", "unavailable"],
  }),
};
