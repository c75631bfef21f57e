/**
 * The dashboard's words, declared once: the schemas, the queries and the view's option lists
 * are all derived from these.
 */

/** Periods and their length in days (`null`: all time). */
export const periodDays = { "7d": 7, "30d": 30, "90d": 90, all: null } as const;
export type Period = keyof typeof periodDays;
export const periods = Object.keys(periodDays) as Period[];
export const periodNames: Record<Period, string> = {
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
  all: "All time",
};
export const defaultPeriod: Period = "30d";

/** Orders of the overview; `worst` is the default, lowest score first. */
export const sortKeys = ["worst", "responses", "found", "change"] as const;
export type SortKey = (typeof sortKeys)[number];
export const defaultSort: SortKey = "worst";

/** Where a comment is in triage. */
export const commentStatuses = ["new", "reviewed", "archived", "spam"] as const;
export type CommentStatus = (typeof commentStatuses)[number];
/** The comment list's status filter: one status, or all of them. */
export const statusFilters = [...commentStatuses, "any"] as const;
export const statusNames: Record<(typeof statusFilters)[number], string> = {
  new: "New",
  reviewed: "Reviewed",
  archived: "Archived",
  spam: "Spam",
  any: "Any status",
};

export { wholeSite } from "../../../src/shared/topic-id.ts";
/** How feedback on the help center as a whole is titled. */
export const wholeSiteTitle = "Help center (general)";
