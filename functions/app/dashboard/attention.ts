import { type Reason, reasons } from "../../../src/shared/feedback-rules.ts";
import type { CatalogTopic } from "../topic-catalog.ts";
import { sumCounts, summarize, type TopicCounts, type TopicSummary } from "./aggregate.ts";
import type { AttentionItem, AttentionSignal } from "./dashboard.responses.ts";
import type { MissedSearches } from "./missed-searches.ts";

export type { AttentionItem, AttentionSignal };

/**
 * What makes a topic need its writer, in the order a writer should look at them. Feedback counts
 * only from the topic's `updated` day on: a topic updated after its complaints leaves the list
 * until new ones come.
 */
export const attentionRules = {
  /**
   * The low end of the Poor-or-No range from which a topic is surely failing its readers, once at
   * least this many readers answered (one reader's Poor and No are two answers, not a verdict).
   */
  failingFrom: 0.25,
  failingReadersFrom: 3,
  /** "No" is rising from this many, when at least twice the period before. */
  risingNoFrom: 3,
  /** A reason is worth naming from this many readers. */
  topReasonFrom: 2,
  /** Searches that found nothing close to a topic's words are worth its writer's time from this many. */
  missedSearchesFrom: 3,
} as const;

export interface TopicSignals {
  counts: TopicCounts;
  reasons: Record<Reason, number>;
}

const noFeedback: TopicSignals = {
  counts: sumCounts([]),
  reasons: Object.fromEntries(reasons.map((r) => [r, 0])) as Record<Reason, number>,
};

const foundNo = (counts: TopicCounts) => counts.foundAnswered - counts.foundYes;

function signalsOf(
  summary: TopicSummary,
  now: TopicSignals,
  before: TopicCounts | undefined,
  missed: MissedSearches | undefined,
  reviewBy: string | undefined,
  today: string,
): AttentionSignal[] {
  const signals: AttentionSignal[] = [];
  if (summary.responses >= attentionRules.failingReadersFrom && summary.unhelpful.low >= attentionRules.failingFrom) {
    signals.push({ kind: "failing", unhelpful: summary.unhelpful });
  }
  const no = foundNo(now.counts);
  const noBefore = before ? foundNo(before) : 0;
  if (before && no >= attentionRules.risingNoFrom && no >= 2 * noBefore) {
    signals.push({ kind: "no-rising", now: no, before: noBefore });
  }
  if (now.reasons["out-of-date"] > 0) signals.push({ kind: "out-of-date", readers: now.reasons["out-of-date"] });
  if (missed && missed.searches >= attentionRules.missedSearchesFrom) signals.push({ kind: "searches-missed", missed });
  if (reviewBy && reviewBy <= today) signals.push({ kind: "review-due", since: reviewBy });
  return signals;
}

function topReasonOf(counts: Record<Reason, number>): AttentionItem["topReason"] {
  const [reason, readers] = reasons
    .map((r) => [r, counts[r]] as const)
    .reduce((best, next) => (next[1] > best[1] ? next : best));
  return readers >= attentionRules.topReasonFrom ? { reason, readers } : undefined;
}

/**
 * The topics that need their writers, most surely failing first, then those whose only signal is
 * a passed review date. `current` holds each topic's feedback since it was updated (within the
 * period); `previous`, the period before (absent for all time); `missed`, the searches that found
 * nothing close to each topic's words since it was updated; `today` is "YYYY-MM-DD".
 */
export function needsAttention(input: {
  topics: readonly CatalogTopic[];
  current: ReadonlyMap<string, TopicSignals>;
  previous: ReadonlyMap<string, TopicCounts> | undefined;
  missed: ReadonlyMap<string, MissedSearches>;
  today: string;
}): AttentionItem[] {
  const items = input.topics.flatMap((topic): AttentionItem[] => {
    const now = input.current.get(topic.id) ?? noFeedback;
    const summary = summarize(now.counts);
    const before = input.previous ? (input.previous.get(topic.id) ?? noFeedback.counts) : undefined;
    const signals = signalsOf(summary, now, before, input.missed.get(topic.id), topic.reviewBy, input.today);
    if (signals.length === 0) return [];
    return [
      {
        topic: topic.id,
        title: topic.title,
        owner: topic.owner,
        summary,
        signals,
        topReason: topReasonOf(now.reasons),
      },
    ];
  });
  const fromReaders = (item: AttentionItem) => item.signals.some((s) => s.kind !== "review-due");
  return items.sort(
    (a, b) =>
      Number(fromReaders(b)) - Number(fromReaders(a)) ||
      b.summary.unhelpful.low - a.summary.unhelpful.low ||
      b.signals.length - a.signals.length ||
      a.title.localeCompare(b.title),
  );
}
