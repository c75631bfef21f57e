import type { ErrorCode } from "../../../src/shared/api-errors.ts";
import { bodyRefusals } from "../openapi/body-refusals.ts";
import { type Answer, answer, describe, type Operation } from "../openapi/describe.ts";
import {
  attentionAnswerSchema,
  commentDeletedSchema,
  commentsExportSchema,
  commentsPageSchema,
  overviewAnswerSchema,
  searchesAnswerSchema,
  searchesExportSchema,
  statusChangedSchema,
  triageOutcomeSchema,
} from "./dashboard.responses.ts";

/** Every dashboard route answers signed-in employees only, and reads the database. */
const dashboard = (operation: Omit<Operation, "tag" | "employeesOnly">) =>
  describe({
    ...operation,
    tag: "dashboard",
    employeesOnly: true,
    refusals: ["signed_out", "invalid_input", "unavailable", ...(operation.refusals ?? [])],
  });
/** A GET answering one thing: data, or a file to download. */
const reading = (summary: string, ok: Answer) => dashboard({ summary, answers: { 200: ok } });
/** A triage POST: JSON for scripts, a redirect back to the dashboard for its plain forms. */
const triage = (summary: string, done: Answer, refusals: readonly ErrorCode[]) =>
  dashboard({
    summary,
    answers: { 200: done, 303: answer.seeOther("A plain form's post: back to the dashboard, which shows the change.") },
    refusals,
  });
const csv = "text/csv; charset=utf-8";

export const dashboardDocs = {
  overview: reading(
    "Every topic's feedback in a period, with its change and the totals",
    answer.json("The overview.", overviewAnswerSchema),
  ),
  attention: reading(
    "The topics that need attention, and why",
    answer.json("Topics with their signals.", attentionAnswerSchema),
  ),
  comments: reading(
    "A page of comments, by filter, newest first",
    answer.json("The page, with cursors to the pages either side.", commentsPageSchema),
  ),
  commentsCsv: reading(
    "Every comment the filter matches, as a CSV file",
    answer.file("Streamed, one comment a line.", csv),
  ),
  commentsJson: reading(
    "Every comment the filter matches, as a JSON file",
    answer.file("Streamed.", "application/json; charset=utf-8", commentsExportSchema),
  ),
  searches: reading(
    "What readers searched for: the most asked, found nothing, opened nothing",
    answer.json("The period's searches.", searchesAnswerSchema),
  ),
  searchesCsv: reading("The period's searches as a CSV file (at most 50,000)", answer.file("One search a line.", csv)),
  searchesJson: reading(
    "The period's searches as a JSON file (at most 50,000)",
    answer.file("The searches.", "application/json", searchesExportSchema),
  ),
  bulk: triage(
    "Give many comments one status, or delete them for good",
    answer.json("What changed, with each comment's earlier status (to undo).", triageOutcomeSchema),
    bodyRefusals,
  ),
  delete: triage("Delete a comment for good (a privacy request)", answer.json("Deleted.", commentDeletedSchema), [
    ...bodyRefusals,
    "not_found",
  ]),
  status: triage("Give a comment a status in triage", answer.json("The status given.", statusChangedSchema), [
    ...bodyRefusals,
    "not_found",
  ]),
};
