import type { Found, Rating, Reason } from "../../../src/shared/feedback-rules.ts";

/** What the writers are told, before it is shaped for a chat (messages.ts). */

/** A reader rated a topic Poor or said No, and wrote why. */
export interface AnswerEvent {
  type: "answer";
  /** The topic, or null for feedback on the help center as a whole. */
  topic: { title: string; url: string | null } | null;
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
  /** Answers since the digest before (or the last 24 hours). */
  answers: { total: number; unhelpful: number; comments: number };
  /** Topics on Needs attention that were not on it at the digest before, with why. */
  entering: { title: string; url: string; why: string[] }[];
  /** Searches that found nothing since the digest before, the most frequent first. */
  failedSearches: { query: string; searches: number }[];
  dashboardUrl: string;
}

export type WriterEvent = AnswerEvent | DigestEvent;
