import { type Analyzer, analyzerFor } from "../../../src/shared/search/analyzers.ts";
import { editDistance } from "../../../src/shared/search/edit-distance.ts";
import type { MissedSearches } from "./dashboard.responses.ts";

/**
 * Searches that found nothing, laid at the door of the topic whose words they come closest to:
 * "temporary code expired" found nothing, and shares two of its three words with "Generate a
 * temporary login code", so that topic's writer hears that readers looked for something near it
 * and did not find it. A search is matched in the language it was typed in (its page's): against
 * the topics' words in that language, as that language's search reads them ("Anmeldecode
 * abgelaufen" meets the German title of the topic, not the English one).
 */

/** A search that found nothing, the language it was typed in, and how often on each day ([day number, searches]). */
export interface FailedSearch {
  query: string;
  lang: string;
  days: readonly (readonly [number, number])[];
}

export type { MissedSearches };

/** The words a topic is found by: its title, description and keywords. */
interface Words {
  title: string;
  description?: string | undefined;
  keywords?: readonly string[] | undefined;
}

/** A topic's words in the default language, and in each language it is translated into. */
export interface TopicWords extends Words {
  id: string;
  translations?: Readonly<Record<string, Words>> | undefined;
}

export const missedSearchRules = {
  /** A query naming more topics than this equally well is too general to be any one topic's. */
  mostTopicsPerQuery: 3,
  /** Words this long or longer still meet with one letter wrong ("authenticater"). */
  fuzzyFrom: 5,
  /** Queries per topic shown. */
  shown: 3,
  /** Queries whose closest topics are remembered between visits. */
  rememberedQueries: 20_000,
} as const;

const contentStems = (text: string, analyzer: Analyzer) =>
  analyzer
    .wordsOf(text)
    .filter((word) => !analyzer.stopWords.has(word))
    .map(analyzer.stem);

/** A word and each way of dropping one letter from it: two words one edit apart share one of these. */
const withOneLetterDropped = (word: string) => [word, ...[...word].map((_, i) => word.slice(0, i) + word.slice(i + 1))];

/**
 * The topics a query in `lang` comes closest to, from which topics have each word, exactly or with
 * one letter wrong. Words one edit apart share a form with one letter dropped (symmetric
 * deletion), so a query's word is looked up in a few map reads, not compared with every word of
 * every topic. A topic not translated into `lang` is found by its original's words, as that
 * language's search index finds it.
 */
function closenessIndex(topics: readonly TopicWords[], lang: string, defaultLanguage: string) {
  const analyzer = analyzerFor(lang, lang === defaultLanguage ? [] : [defaultLanguage]);
  const byStem = new Map<string, Set<number>>();
  topics.forEach((topic, index) => {
    const words = (lang !== defaultLanguage && topic.translations?.[lang]) || topic;
    const text = [words.title, words.description ?? "", ...(words.keywords ?? [])].join(" ");
    for (const word of contentStems(text, analyzer)) {
      const holders = byStem.get(word) ?? new Set<number>();
      holders.add(index);
      byStem.set(word, holders);
    }
  });
  const byDropped = new Map<string, string[]>();
  for (const word of byStem.keys()) {
    if (word.length < missedSearchRules.fuzzyFrom) continue;
    for (const form of new Set(withOneLetterDropped(word))) {
      const words = byDropped.get(form);
      if (words) words.push(word);
      else byDropped.set(form, [word]);
    }
  }
  const holdersOf = (word: string): ReadonlySet<number> => {
    const holders = new Set(byStem.get(word));
    if (word.length >= missedSearchRules.fuzzyFrom) {
      const near = new Set(withOneLetterDropped(word).flatMap((form) => byDropped.get(form) ?? []));
      for (const other of near) {
        if (editDistance(word, other, 1) <= 1) for (const topic of byStem.get(other) ?? []) holders.add(topic);
      }
    }
    return holders;
  };
  // How many of the query's words each topic has, in one array for every query.
  const met = new Uint16Array(topics.length);
  const closestOf = (query: string): readonly number[] => {
    const queryStems = [...new Set(contentStems(query, analyzer))];
    const touched: number[] = [];
    let best = 0;
    for (const word of queryStems) {
      for (const topic of holdersOf(word)) {
        if (met[topic] === 0) touched.push(topic);
        const count = (met[topic] ?? 0) + 1;
        met[topic] = count;
        if (count > best) best = count;
      }
    }
    const closest = touched.filter((topic) => met[topic] === best);
    for (const topic of touched) met[topic] = 0;
    // A topic needs at least half of the query's words, and few topics may tie for it.
    const fits = best > 0 && best * 2 >= queryStems.length && closest.length <= missedSearchRules.mostTopicsPerQuery;
    return fits ? closest : [];
  };
  // The same queries come back on every visit to the dashboard: their topics are remembered,
  // up to a bound (what readers type is not a reason for the server to grow without end).
  const remembered = new Map<string, readonly number[]>();
  /** The topics a query comes closest to: none, or up to three sharing the closeness. */
  return (query: string): readonly number[] => {
    let closest = remembered.get(query);
    if (!closest) {
      closest = closestOf(query);
      if (remembered.size >= missedSearchRules.rememberedQueries) remembered.clear();
      remembered.set(query, closest);
    }
    return closest;
  };
}

/** A build's catalog is fixed for the app's life: its words are gathered once per language. */
const vocabularies = new WeakMap<readonly TopicWords[], Map<string, ReturnType<typeof closenessIndex>>>();

function vocabularyOf(topics: readonly TopicWords[], lang: string, defaultLanguage: string) {
  const ofCatalog = vocabularies.get(topics) ?? new Map<string, ReturnType<typeof closenessIndex>>();
  vocabularies.set(topics, ofCatalog);
  let closestTo = ofCatalog.get(lang);
  if (!closestTo) {
    closestTo = closenessIndex(topics, lang, defaultLanguage);
    ofCatalog.set(lang, closestTo);
  }
  return closestTo;
}

/**
 * Each topic's failed searches since `sinceDay(topic)` (the day it was last updated: searches
 * before it were answered, or not, by an older text), in every language together. A query goes
 * to the topics it is closest to in its own language, when few enough share that closeness.
 */
export function missedSearchesByTopic(
  topics: readonly TopicWords[],
  failed: readonly FailedSearch[],
  sinceDay: (topic: string) => number,
  defaultLanguage: string,
): Map<string, MissedSearches> {
  const found = new Map<string, MissedSearches["queries"]>();
  for (const search of failed) {
    for (const index of vocabularyOf(topics, search.lang, defaultLanguage)(search.query)) {
      const id = topics[index]?.id ?? "";
      const from = sinceDay(id);
      const searches = search.days.reduce((sum, [day, n]) => (day >= from ? sum + n : sum), 0);
      if (searches === 0) continue;
      const query = { query: search.query, lang: search.lang, searches };
      const queries = found.get(id);
      if (queries) queries.push(query);
      else found.set(id, [query]);
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
