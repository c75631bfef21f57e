import { dayMs } from "../../../src/shared/dates.ts";
import { type Rating, ratings } from "../../../src/shared/feedback-rules.ts";
import type { PeriodChange, TopicSummary, Unhelpful } from "./dashboard.responses.ts";
import { type Period, periodDays, type SortKey } from "./vocabulary.ts";

export type { PeriodChange, TopicSummary, Unhelpful };

/** The UTC day a moment falls on, counted from 1970-01-01 (what the daily rollups are keyed by). */
export const dayOf = (time: number) => Math.floor(time / dayMs);

/**
 * A period as whole UTC days ending today ("7 days" = today and the 6 before), and the as many
 * days just before it, for the change: what daily rollups answer exactly.
 */
export function dayWindow(period: Period, now: number): { startDay: number; previousStartDay: number | null } {
  const days = periodDays[period];
  if (days === null) return { startDay: 0, previousStartDay: null };
  const today = dayOf(now);
  return { startDay: today - days + 1, previousStartDay: today - 2 * days + 1 };
}

/** Counts for one topic and one period, as the database groups them. */
export interface TopicCounts {
  responses: number;
  ratings: Record<Rating, number>;
  foundYes: number;
  foundAnswered: number;
}

/** Excellent 4 … Poor 1: a score to sort by and to compare periods with. */
const ratingScore: Record<Rating, number> = { excellent: 4, good: 3, average: 2, poor: 1 };

/** 95 % two-sided. */
const z95 = 1.96;

/** The Wilson score interval of `bad` failures in `answers` trials; [0, 1] when there are none. */
export function wilsonInterval(bad: number, answers: number): { low: number; high: number } {
  if (answers === 0) return { low: 0, high: 1 };
  const share = bad / answers;
  const z2 = z95 * z95;
  const centre = share + z2 / (2 * answers);
  const spread = z95 * Math.sqrt((share * (1 - share) + z2 / (4 * answers)) / answers);
  const denominator = 1 + z2 / answers;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}

/** Counts of several topics (or periods) together. */
export function sumCounts(all: readonly TopicCounts[]): TopicCounts {
  const total: TopicCounts = {
    responses: 0,
    ratings: { excellent: 0, good: 0, average: 0, poor: 0 },
    foundYes: 0,
    foundAnswered: 0,
  };
  for (const counts of all) {
    total.responses += counts.responses;
    for (const r of ratings) total.ratings[r] += counts.ratings[r];
    total.foundYes += counts.foundYes;
    total.foundAnswered += counts.foundAnswered;
  }
  return total;
}

export function summarize(counts: TopicCounts): TopicSummary {
  const rated = ratings.reduce((sum, r) => sum + counts.ratings[r], 0);
  const distribution = Object.fromEntries(
    ratings.map((r) => [r, rated === 0 ? 0 : counts.ratings[r] / rated]),
  ) as Record<Rating, number>;
  const score = rated === 0 ? null : ratings.reduce((sum, r) => sum + counts.ratings[r] * ratingScore[r], 0) / rated;
  return {
    responses: counts.responses,
    distribution,
    rated,
    score,
    foundShare: counts.foundAnswered === 0 ? null : counts.foundYes / counts.foundAnswered,
    unhelpful: unhelpfulOf(counts, rated),
  };
}

function unhelpfulOf(counts: TopicCounts, rated: number): Unhelpful {
  // Counted per reader as far as daily counts allow: one reader may both rate and answer, so at
  // least max(rated, answered) readers answered and at least max(Poor, No) were let down. Counting
  // a reader's Poor and No as two answers would make two readers look surer than fifty.
  const answers = Math.max(rated, counts.foundAnswered);
  const bad = Math.max(counts.ratings.poor, counts.foundAnswered - counts.foundYes);
  return { answers, bad, ...wilsonInterval(bad, answers) };
}

export function change(current: TopicSummary, previous: TopicSummary): PeriodChange {
  return {
    responses: current.responses - previous.responses,
    score: current.score === null || previous.score === null ? null : round(current.score - previous.score, 2),
    foundShare:
      current.foundShare === null || previous.foundShare === null
        ? null
        : round((current.foundShare - previous.foundShare) * 100, 1),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Worst first by default: the topics most surely failing readers (the low end of their Poor-or-No
 * interval), then those that may be (its high end: one answer proves nothing either way), then
 * the lowest score; topics nobody answered last. Other keys sort by one figure.
 */
export function sortTopics<T extends { summary: TopicSummary; change: PeriodChange | null }>(
  rows: T[],
  key: SortKey,
): T[] {
  const last = Number.POSITIVE_INFINITY;
  const by: Record<SortKey, (row: T) => number[]> = {
    worst: ({ summary: s }) =>
      s.unhelpful.answers === 0 ? [last] : [-s.unhelpful.low, -s.unhelpful.high, s.score ?? last],
    responses: (r) => [-r.summary.responses],
    found: (r) => [r.summary.foundShare ?? last],
    change: (r) => [r.change?.score ?? last],
  };
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const difference = (a[i] ?? last) - (b[i] ?? last);
      if (difference !== 0 && !Number.isNaN(difference)) return difference;
    }
    return 0;
  };
  return [...rows].sort((a, b) => compare(by[key](a), by[key](b)));
}

/** Week-by-week responses and share of "Yes", oldest first, for the topic chart. */
export interface WeekPoint {
  weekStart: number;
  responses: number;
  foundShare: number | null;
}

/**
 * Weeks start on Monday, 00:00 UTC. 1970-01-01 was a Thursday, so week n (counted as
 * floor((day + 3) / 7), which the database computes too) starts on day 7n - 3.
 */
export function weekIndexOf(time: number): number {
  return Math.floor((Math.floor(time / dayMs) + 3) / 7);
}

export function weekStartFromIndex(index: number): number {
  return (index * 7 - 3) * dayMs;
}
