import type { Found, Rating, Reason } from "../../../src/shared/feedback-rules.ts";

/** What the writers are told, before it is shaped for a chat (messages.ts). */

/** A reader rated a topic Poor or said No, and wrote why. */
export interface AnswerEvent {
  type: "answer";
  /** The topic, or null for feedback on the help center as a whole; its address in the answer's language. */
  topic: { title: string; url: string | null } | null;
  /** The language of the page it was given on, by its English name ("German"). */
  language: string;
  rating: Rating | null;
  found: Found | null;
  reason: Reason | null;
  comment: string;
  name: string | null;
  fromEmployee: boolean;
  /** The comments of this topic on the dashboard. */
  dashboardUrl: string;
}

/** The day in the writers' dashboard, once a day. */
export interface DigestEvent {
  type: "digest";
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  /**
   * Answers since the digest before (or the last 24 hours), and how many in each language (by its
   * English name, most first); a digest queued before languages has none.
   */
  answers: { total: number; unhelpful: number; comments: number; byLanguage?: { language: string; answers: number }[] };
  /** Topics on Needs attention that were not on it at the digest before, with why. */
  entering: { title: string; url: string; why: string[] }[];
  /** Searches that found nothing since the digest before, the most frequent first; in which language, where not the default. */
  failedSearches: { query: string; language?: string; searches: number }[];
  dashboardUrl: string;
}

export type WriterEvent = AnswerEvent | DigestEvent;
