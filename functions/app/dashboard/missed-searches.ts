import { editDistance } from "../../../src/shared/search/edit-distance.ts";
import { stem, stopWords, wordsOf } from "../../../src/shared/search/words.ts";

/**
 * Searches that found nothing, laid at the door of the topic whose words they come closest to:
 * "temporary code expired" found nothing, and shares two of its three words with "Generate a
 * temporary login code", so that topic's writer hears that readers looked for something near it
 * and did not find it.
 */

/** A search that found nothing, with how often on each day ([day number, searches]). */
export interface FailedSearch {
  query: string;
  days: readonly (readonly [number, number])[];
}

export interface MissedSearches {
  /** Searches in all, counted from the topic's last update on. */
  searches: number;
  /** The most frequent, at most three. */
  queries: { query: string; searches: number }[];
}

/** The words a topic is found by: its title, description and keywords. */
export interface TopicWords {
  id: string;
  title: string;
  description?: string | undefined;
  keywords?: readonly string[] | undefined;
}

export const missedSearchRules = {
  /** A query naming more topics than this equally well is too general to be any one topic's. */
  mostTopicsPerQuery: 3,
  /** Words this long or longer still meet with one letter wrong ("authenticater"). */
  fuzzyFrom: 5,
  /** Queries per topic shown. */
  shown: 3,
} as const;

const contentStems = (text: string) =>
  wordsOf(text)
    .filter((word) => !stopWords.has(word))
    .map(stem);

function meets(word: string, topicStems: ReadonlySet<string>): boolean {
  if (topicStems.has(word)) return true;
  if (word.length < missedSearchRules.fuzzyFrom) return false;
  for (const other of topicStems) {
    if (other.length >= missedSearchRules.fuzzyFrom && editDistance(word, other, 1) <= 1) return true;
  }
  return false;
}

/** How many of the query's words the topic has; 0 unless it has at least half of them. */
function closeness(queryStems: readonly string[], topicStems: ReadonlySet<string>): number {
  const met = queryStems.filter((word) => meets(word, topicStems)).length;
  return met * 2 >= queryStems.length ? met : 0;
}

/**
 * Each topic's failed searches since `sinceDay(topic)` (the day it was last updated: searches
 * before it were answered, or not, by an older text). A query goes to the topics it is closest
 * to, when few enough share that closeness.
 */
export function missedSearchesByTopic(
  topics: readonly TopicWords[],
  failed: readonly FailedSearch[],
  sinceDay: (topic: string) => number,
): Map<string, MissedSearches> {
  const stemsOf = topics.map((topic) => ({
    id: topic.id,
    stems: new Set(contentStems([topic.title, topic.description ?? "", ...(topic.keywords ?? [])].join(" "))),
  }));
  const found = new Map<string, { query: string; searches: number }[]>();
  for (const search of failed) {
    const queryStems = [...new Set(contentStems(search.query))];
    if (queryStems.length === 0) continue;
    const scored = stemsOf.map((topic) => ({ id: topic.id, score: closeness(queryStems, topic.stems) }));
    const best = Math.max(0, ...scored.map((s) => s.score));
    if (best === 0) continue;
    const closest = scored.filter((s) => s.score === best);
    if (closest.length > missedSearchRules.mostTopicsPerQuery) continue;
    for (const { id } of closest) {
      const from = sinceDay(id);
      const searches = search.days.reduce((sum, [day, n]) => (day >= from ? sum + n : sum), 0);
      if (searches > 0) found.set(id, [...(found.get(id) ?? []), { query: search.query, searches }]);
    }
  }
  return new Map(
    [...found].map(([id, queries]) => {
      const ordered = queries.sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query));
      return [
        id,
        {
          searches: ordered.reduce((sum, q) => sum + q.searches, 0),
          queries: ordered.slice(0, missedSearchRules.shown),
        },
      ];
    }),
  );
}
