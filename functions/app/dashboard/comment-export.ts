import type { Client } from "@libsql/client";
import { allComments, toCommentRow } from "./comments.queries.ts";
import { csvLine, csvStart } from "./csv.ts";
import type { CommentsQuery } from "./dashboard.schema.ts";
import { wholeSite } from "./vocabulary.ts";

const header = [
  "id",
  "created_at",
  "topic",
  "topic_title",
  "language",
  "rating",
  "found",
  "reason",
  "name",
  "comment",
  "from_employee",
  "status",
  "status_by",
  "status_at",
];

const iso = (time: unknown) => (time === null || time === undefined ? null : new Date(Number(time)).toISOString());
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function csvRecord(r: Record<string, unknown>, titles: (topic: string) => string) {
  const topic = text(r.topic);
  return csvLine([
    text(r.id),
    iso(r.created_at),
    topic ?? "",
    titles(topic ?? wholeSite),
    text(r.lang),
    text(r.rating),
    text(r.found),
    text(r.reason),
    text(r.name),
    text(r.comment),
    Number(r.is_employee) === 1 ? "yes" : "no",
    text(r.status),
    text(r.status_by),
    iso(r.status_at),
  ]);
}

export type ExportFormat = "csv" | "json";

/**
 * The filtered comments as a CSV or JSON file, streamed a page of rows at a time as the client
 * reads (pull): the server holds one page, however many comments there are. The first page is
 * read before the answer starts, so a database that is away still gets its 503.
 */
export async function commentExport(
  db: Client,
  query: CommentsQuery,
  now: number,
  format: ExportFormat,
  titles: (topic: string) => string,
): Promise<ReadableStream<Uint8Array>> {
  const pages = allComments(db, query, now);
  const first = await pages.next();
  const encoder = new TextEncoder();
  let started = false;
  let written = 0;
  const render = (rows: readonly Record<string, unknown>[]) =>
    format === "csv"
      ? rows.map((r) => csvRecord(r, titles)).join("")
      : rows.map((r) => `${written++ === 0 ? "" : ","}\n${JSON.stringify(toCommentRow(r))}`).join("");
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const opening = format === "csv" ? csvStart + csvLine(header) : '{"comments":[';
        controller.enqueue(encoder.encode(opening + render(first.done ? [] : first.value)));
        if (first.done) return finish(controller);
        return;
      }
      const next = await pages.next();
      if (next.done) return finish(controller);
      controller.enqueue(encoder.encode(render(next.value)));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });

  function finish(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (format === "json") controller.enqueue(encoder.encode("\n]}\n"));
    controller.close();
  }
}
