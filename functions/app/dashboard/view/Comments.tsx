import { formatUtcDateTime } from "../../../../src/shared/dates.ts";
import type { Rating, Reason } from "../../../../src/shared/feedback-rules.ts";
import { ratingLabels, reasonLabels } from "../../feedback/feedback-words.ts";
import type { TriageMessage } from "../bulk-triage.ts";
import type { CommentsPage } from "../comments.queries.ts";
import type { OverviewRow } from "../dashboard.queries.ts";
import type { CommentsQuery } from "../dashboard.schema.ts";
import { commentStatuses, type SortKey, wholeSite } from "../vocabulary.ts";
import { CommentFilters } from "./CommentFilters.tsx";
import { type Filters, type LanguageChoice, link, nameIn } from "./format.ts";

/** A comment's topic, linked to the topic's page in the comment's language, where it has a page. */
function TopicLink(props: {
  topic: string | null;
  lang: string;
  titles: (topic: string) => string;
  path: (topic: string, lang?: string) => string | undefined;
}) {
  const title = props.titles(props.topic ?? wholeSite);
  const path = props.topic ? props.path(props.topic, props.lang) : undefined;
  return path ? <a href={path}>{title}</a> : title;
}

/**
 * One form for every ticked comment (each checkbox names it with `form="bulk-triage"`): a status
 * for all of them, or deletion for good behind its own confirmation. Works without JavaScript.
 */
function BulkActions(props: { back: string }) {
  return (
    <form id="bulk-triage" method="post" action="/api/dashboard/comments/bulk" class="bulk">
      <input type="hidden" name="next" value={props.back} />
      <p class="bulk__actions">
        <span>With the ticked comments:</span>
        {/* Shown and wired by src/scripts/dashboard-triage.ts: ticking each box works without it. */}
        <button type="button" class="button button--quiet" data-select-all hidden>
          Tick all on this page
        </button>
        {commentStatuses.map((status) => (
          <button key={status} type="submit" name="action" value={status} class="button button--quiet">
            Mark {status}
            <span class="visually-hidden"> the ticked comments</span>
          </button>
        ))}
      </p>
      <details class="comment__delete">
        <summary>Delete the ticked comments for good…</summary>
        <p>For readers' privacy requests: they cannot be restored. The topics' counts stay.</p>
        <button type="submit" name="action" value="delete" class="button button--danger">
          Delete the ticked comments for good
        </button>
      </details>
    </form>
  );
}

/** What the last bulk action did, and a way to undo a status change. */
function TriageDone(props: { message: TriageMessage; back: string }) {
  const { undo } = props.message;
  return (
    // The page comes back to this message (#triage-done) after a plain form's bulk action.
    <div class="triage-done" role="status" id="triage-done" tabindex={-1}>
      <p>{props.message.text}</p>
      {undo && (
        <form method="post" action="/api/dashboard/comments/bulk">
          <input type="hidden" name="next" value={props.back} />
          {undo.ids.map((id) => (
            <input key={id} type="hidden" name={`select-${id}`} value="on" />
          ))}
          <button type="submit" name="action" value={undo.status} class="button button--quiet">
            Undo: mark them {undo.status} again
          </button>
        </form>
      )}
    </div>
  );
}

/** The comments: filters, export links, each comment with its triage buttons, and pages. */
export function Comments(view: {
  query: CommentsQuery;
  comments: CommentsPage;
  overview: OverviewRow[];
  sort: SortKey;
  filters: Filters;
  titles: (topic: string) => string;
  topicPath: (topic: string, lang?: string) => string | undefined;
  /** The owner the page is filtered by, kept by the comment filters. */
  owner: string | undefined;
  languages: readonly LanguageChoice[];
  self: string;
  /** What the last bulk action did, when the page came back from one. */
  triaged: TriageMessage | undefined;
}) {
  const { comments, filters } = view;
  const back = `${view.self}#comments-heading`;
  const pages = Math.max(1, Math.ceil(comments.total / comments.pageSize));
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments ({comments.totalIsExact ? comments.total : `more than ${comments.total.toLocaleString("en")}`})
      </h2>
      {view.triaged && <TriageDone message={view.triaged} back={back} />}
      <CommentFilters {...view} />
      <p>
        Export these comments: <a href={`/api/dashboard/comments.csv?${exportQuery}`}>CSV</a> ·{" "}
        <a href={`/api/dashboard/comments.json?${exportQuery}`}>JSON</a>
      </p>
      {comments.rows.length > 0 && <BulkActions back={back} />}
      <ol class="comments">
        {comments.rows.map((c) => (
          <li key={c.id} class="comment" id={`comment-${c.id}`}>
            <p class="comment__select">
              <input type="checkbox" form="bulk-triage" name={`select-${c.id}`} id={`select-${c.id}`} />
              <label for={`select-${c.id}`}>
                Select this comment
                <span class="visually-hidden">
                  {" "}
                  from {formatUtcDateTime(c.createdAt)} on {view.titles(c.topic ?? wholeSite)}
                </span>
              </label>
            </p>
            <p class="comment__meta">
              {formatUtcDateTime(c.createdAt)} ·{" "}
              <TopicLink topic={c.topic} lang={c.lang} titles={view.titles} path={view.topicPath} />
              {` · ${nameIn(view.languages, c.lang)}`}
              {c.rating && ` · ${ratingLabels[c.rating as Rating] ?? c.rating}`}
              {c.found && ` · found: ${c.found}`}
              {c.reason && ` · why not: ${reasonLabels[c.reason as Reason] ?? c.reason}`} ·{" "}
              {c.name ? c.name : "anonymous"}
              {c.isEmployee ? " · sent by an employee" : " · customer"}
            </p>
            {/* In the reader's language, and its direction: an Arabic comment reads right to left. */}
            <p class="comment__text" lang={c.lang} dir="auto">
              {c.comment}
            </p>
            <form method="post" action={`/api/dashboard/comments/${c.id}/status`} class="comment__status">
              {/* Without JavaScript the reviewer comes back to this comment; with it, nothing moves. */}
              <input type="hidden" name="next" value={`${view.self}#comment-${c.id}`} />
              <p>
                <span data-status>
                  Status: {c.status}
                  {c.statusBy && ` (by ${c.statusBy}, ${formatUtcDateTime(c.statusAt ?? 0)})`}
                </span>{" "}
                {commentStatuses
                  .filter((s) => s !== "new" && s !== c.status)
                  .map((s) => (
                    <button key={s} type="submit" name="status" value={s} class="button button--quiet">
                      Mark {s}
                    </button>
                  ))}
              </p>
            </form>
            {/* Opening this is the confirmation; the form works without JavaScript. */}
            <details class="comment__delete">
              <summary>Delete for good…</summary>
              <p>
                For a reader's privacy request: the answer and its comment are deleted and cannot be restored. The
                topic's counts stay; the audit log records who deleted it, not what it said.
              </p>
              <form method="post" action={`/api/dashboard/comments/${c.id}/delete`}>
                <input type="hidden" name="next" value={`${view.self}#comments-heading`} />
                <button type="submit" class="button button--danger">
                  Delete this comment for good
                </button>
              </form>
            </details>
          </li>
        ))}
      </ol>
      {comments.rows.length === 0 && <p>No comments match these filters.</p>}
      <nav aria-label="Pages of comments">
        <p>
          Page {comments.page} of {comments.totalIsExact ? pages : `more than ${pages}`}{" "}
          {comments.newer && (
            <a
              href={link({ ...filters, sort: view.sort, page: Math.max(1, comments.page - 1), after: comments.newer })}
            >
              Newer
            </a>
          )}{" "}
          {comments.older && (
            <a
              href={link({
                ...filters,
                sort: view.sort,
                page: Math.min(pages, comments.page + 1),
                before: comments.older,
              })}
            >
              Older
            </a>
          )}
        </p>
      </nav>
    </section>
  );
}
