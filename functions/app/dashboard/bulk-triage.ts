import { redirectTarget } from "../lib/redirect-target.ts";
import type { TriageOutcome } from "./dashboard.responses.ts";
import { type CommentStatus, commentStatuses } from "./vocabulary.ts";

export type { TriageOutcome };

/** What the page says after a bulk action, and how to undo it when one status change can. */
export interface TriageMessage {
  text: string;
  /** The status the comments were given, when it was a status. */
  marked: CommentStatus | undefined;
  /** Present when every changed comment had the same status before: one bulk action restores it. */
  undo: { ids: string[]; status: CommentStatus } | undefined;
}

const idList = /^[A-Za-z0-9_-]{16,40}(\.[A-Za-z0-9_-]{16,40}){0,199}$/;
const isStatus = (value: string | null): value is CommentStatus =>
  (commentStatuses as readonly string[]).includes(value ?? "");
const comments = (n: number) => `${n} comment${n === 1 ? "" : "s"}`;
/** The address fields an outcome travels in; the page's own forms leave them out. */
const outcomeFields = ["triaged", "count", "from", "ids"] as const;

/** The page `next` names (this site's only), with these outcome fields, at the message. */
function backTo(next: string | undefined, fields: Partial<Record<(typeof outcomeFields)[number], string>>): string {
  const url = new URL(redirectTarget(next), "http://dashboard.invalid");
  for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}#triage-done`;
}

/**
 * A plain form's bulk action comes back to its page, which says what was done: the outcome
 * travels in the address (`triaged`, `count`, and `from` + `ids` for the undo), nothing is kept.
 */
export const triageOutcome = {
  page(next: string | undefined, outcome: TriageOutcome): string {
    const previous = new Set(outcome.changed.map((c) => c.previous));
    const [from] = previous;
    const undoable =
      outcome.action !== "delete" && previous.size === 1 && from !== outcome.action && isStatus(from ?? null);
    return backTo(next, {
      triaged: outcome.action,
      count: String(outcome.changed.length),
      ...(undoable ? { from, ids: outcome.changed.map((c) => c.id).join(".") } : {}),
    });
  },

  /** A plain form sent with no comment ticked comes back saying so, with nothing changed. */
  nothingTicked(next: string | undefined): string {
    return backTo(next, { triaged: "none" });
  },

  /**
   * The message for a page address that carries an outcome, or undefined. The address is the
   * reader's to change: the route offers the undo only for comments that do have the status
   * the message says they were given (see `withUndoFor`).
   */
  message(search: URLSearchParams): TriageMessage | undefined {
    const action = search.get("triaged");
    if (action === "none") {
      return { text: "Tick at least one comment first: nothing was changed.", marked: undefined, undo: undefined };
    }
    const count = Number(search.get("count"));
    if (!action || !Number.isInteger(count) || count < 0) return undefined;
    if (action !== "delete" && !isStatus(action)) return undefined;
    const text = action === "delete" ? `${comments(count)} deleted for good.` : `${comments(count)} marked ${action}.`;
    const from = search.get("from");
    const ids = search.get("ids") ?? "";
    const undo = isStatus(from) && idList.test(ids) ? { ids: ids.split("."), status: from } : undefined;
    return { text, marked: isStatus(action) ? action : undefined, undo };
  },
};

/** This page's path and filters, without a previous bulk action's outcome (forms come back here). */
export function withoutTriage(address: string): string {
  const url = new URL(address);
  for (const name of outcomeFields) url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

/** The message with its undo kept only for the comments still marked as it says (`current`: their ids). */
export function withUndoFor(message: TriageMessage, current: readonly string[]): TriageMessage {
  if (!message.undo) return message;
  const kept = message.undo.ids.filter((id) => current.includes(id));
  return { ...message, undo: kept.length > 0 ? { ...message.undo, ids: kept } : undefined };
}
