import { type Analyzer, analyzerFor } from "./analyzers.ts";
import { correctionOf, spelled, withCorrections } from "./corrections.ts";
import { field, type IndexedDoc, type SearchIndex, type SearchUi } from "./search-index.ts";

/**
 * What a reader typed, against a build's index: which topics have every meaningful word (or,
 * failing that, most of them), ranked, with the words that matched and any correction made.
 * Pure: the search page, the header's suggestions, the relevance bench and the unit tests all
 * run this same code.
 */

/** A word the prefix rule may complete: at least this many letters, and only the one being typed. */
const minPrefix = 3;
/** Prefix completions looked at, the most frequent first. */
const maxCompletions = 40;

const weights = { title: 12, keyword: 10, heading: 5, body: 1 } as const;
/** A word found only as the start of a longer one counts for less than the word itself. */
const completionShare = 0.6;
const phraseBonus = 8;
/** Meaningful words of a query looked at, at the most. */
const maxWords = 16;
/** A word in more than this share of the topics is not required of a result (see `rank`). */
const commonShare = 0.4;
const keywordPhraseBonus = 20;

export interface LoadedIndex {
  /** What the search says in the index's language. */
  ui: SearchUi;
  /** Words, stems and stop words as the index's language reads them (analyzers.ts). */
  analyzer: Analyzer;
  docs: readonly IndexedDoc[];
  stems: ReadonlyMap<string, readonly number[]>;
  /** Words, most frequent first (corrections), and sorted (prefixes), with each one's rank. */
  byFrequency: readonly string[];
  sorted: readonly string[];
  rank: ReadonlyMap<string, number>;
  known: ReadonlySet<string>;
  /** A word as the pages write it most often, where that differs from the word as read ("temporären"). */
  spellings: ReadonlyMap<string, string>;
  /** Per doc: its title, keywords, headings and description as " stem stem " strings, for phrases. */
  shortFields: readonly (readonly string[])[];
  /** Per doc: its keywords as "stem stem", stop words left out. */
  keywordPhrases: readonly (readonly string[])[];
}

/** A text's stems without stop words, one space apart. */
const phraseOf = ({ wordsOf, stem, stopWords }: Analyzer, text: string) =>
  wordsOf(text)
    .map(stem)
    .filter((s) => !stopWords.has(s))
    .join(" ");

/** The analyzer an index was built with: its language's, reading the originals it holds as well. */
export const analyzerOf = (index: Pick<SearchIndex, "ui" | "docs">): Analyzer =>
  analyzerFor(
    index.ui.lang,
    [...new Set(index.docs.map((doc) => doc.lang))].filter((lang) => lang !== index.ui.lang),
  );

export function loadIndex(index: SearchIndex): LoadedIndex {
  const analyzer = analyzerOf(index);
  return {
    ui: index.ui,
    analyzer,
    docs: index.docs,
    stems: new Map(Object.entries(index.stems)),
    byFrequency: index.words,
    sorted: [...index.words].sort(),
    rank: new Map(index.words.map((w, i) => [w, i])),
    known: new Set(index.words),
    spellings: new Map(Object.entries(index.spellings)),
    shortFields: index.docs.map((d) =>
      [d.title, d.description, ...d.keywords, ...d.headings].map((text) => ` ${phraseOf(analyzer, text)} `),
    ),
    keywordPhrases: index.docs.map((d) => d.keywords.map((keyword) => phraseOf(analyzer, keyword))),
  };
}

/** One meaningful word of the query and the stems it matches (its own, or completions). */
interface QueryWord {
  word: string;
  exact: string;
  completions: string[];
  /** Counted when found, never required (see planWords). */
  optional: boolean;
}

export interface Hit {
  doc: number;
  score: number;
  /** The stems that matched, for the snippet's marks. */
  matched: string[];
}

export type Found =
  | { kind: "empty" }
  /** Only words like "how", "to", "the": nothing to search for. */
  | { kind: "stop-words"; typed: string }
  | {
      kind: "results";
      /** Every meaningful word in each hit ("all"), or the most of them any topic has ("some"). */
      match: "all" | "some" | "none";
      hits: Hit[];
      /** The meaningful words searched for (after any correction). */
      words: string[];
      /** Words no topic has ("some" and "none"). */
      missing: string[];
      /** The words as corrected, when a correction found more than the words as typed. */
      correctedFrom?: string;
      searched: string;
      /**
       * How to show each of `words` (and `missing`): as the reader typed it, or a correction as the
       * pages write it, never as folded for searching ("temporären", not "temporaren").
       */
      shown: ReadonlyMap<string, string>;
    };

/** Words of the index that start with `prefix`, the most frequent first. */
function completionsOf(index: LoadedIndex, prefix: string): string[] {
  let low = 0;
  let high = index.sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((index.sorted[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < index.sorted.length && (index.sorted[i] as string).startsWith(prefix); i++) {
    found.push(index.sorted[i] as string);
  }
  return found.sort((a, b) => (index.rank.get(a) ?? 0) - (index.rank.get(b) ?? 0)).slice(0, maxCompletions);
}

function planWords(index: LoadedIndex, words: readonly string[], typing: boolean): QueryWord[] {
  const { stem, stopWords } = index.analyzer;
  return words.map((word, i) => {
    const last = i === words.length - 1;
    // Never completed to a stop word ("whic" is not "which"), nor from "not" (what "don't" became).
    const completions =
      typing && last && word.length >= minPrefix && word !== "not"
        ? [
            ...new Set(
              completionsOf(index, word)
                .filter((w) => !stopWords.has(w))
                .map(stem),
            ),
          ].filter((s) => s !== stem(word))
        : [];
    // One letter or digit ("e" of "e-mail", "2" of "2-factor"), or the last word while it is only
    // begun, narrows nothing: counted, never required.
    const optional = word.length === 1 || (typing && last && word.length < minPrefix);
    return { word, exact: stem(word), completions, optional };
  });
}

/** Each doc a word matches, with how well (its best field, its times in the body). */
function docsOf(index: LoadedIndex, word: QueryWord): Map<number, number> {
  const scores = new Map<number, number>();
  const add = (s: string, share: number) => {
    const postings = index.stems.get(s);
    if (!postings) return;
    const idf = Math.log(1 + index.docs.length / (postings.length / 3));
    for (let i = 0; i < postings.length; i += 3) {
      const doc = postings[i] as number;
      const fields = postings[i + 1] as number;
      const times = postings[i + 2] as number;
      const best =
        fields & field.title
          ? weights.title
          : fields & field.keyword
            ? weights.keyword
            : fields & field.heading
              ? weights.heading
              : weights.body;
      const score = share * idf * (best + Math.log(1 + times));
      scores.set(doc, Math.max(scores.get(doc) ?? 0, score));
    }
  };
  add(word.exact, 1);
  for (const completion of word.completions) add(completion, completionShare);
  return scores;
}

/** Whether the words are exactly one of the doc's keywords ("lost phone"): what it is about. */
function isKeyword(keywordPhrases: readonly string[], stems: readonly string[]): boolean {
  // One word is weighed by the keyword field already; a phrase is what a keyword adds.
  return stems.length >= 2 && keywordPhrases.includes(stems.join(" "));
}

/** Whether the words' stems stand next to each other, in order, in one of the doc's short fields. */
function hasPhrase(fields: readonly string[], stems: readonly string[]): boolean {
  if (stems.length < 2) return false;
  const wanted = ` ${stems.join(" ")} `;
  return fields.some((f) => f.includes(wanted));
}

function rank(index: LoadedIndex, words: readonly QueryWord[]) {
  const perWord = words.map((w) => docsOf(index, w));
  // A word most topics have ("account", "data") says little about which topic is meant: it adds
  // to a topic's score but is not required of it, unless every word is that common.
  const present = perWord.map((docs) => docs.size > 0);
  const common = perWord.map((docs) => docs.size > index.docs.length * commonShare);
  const optional = words.map((w) => w.optional);
  const anySelective = perWord.some((_, i) => present[i] && !common[i] && !optional[i]);
  const required = perWord.map((_, i) => (present[i] ?? false) && !optional[i] && (!anySelective || !common[i]));
  const counts = new Map<number, number>();
  perWord.forEach((docs, i) => {
    if (!required[i]) return;
    for (const doc of docs.keys()) counts.set(doc, (counts.get(doc) ?? 0) + 1);
  });
  const most = Math.max(0, ...counts.values());
  const requiredCount = required.filter(Boolean).length;
  const stemsWanted = words.map((w) => w.exact);
  const hits: Hit[] = [...counts]
    .filter(([, n]) => n === most && most > 0)
    .map(([doc]) => {
      let score = 0;
      const matched: string[] = [];
      words.forEach((w, i) => {
        const s = perWord[i]?.get(doc);
        if (s === undefined) return;
        score += s;
        matched.push(w.exact, ...w.completions);
      });
      if (isKeyword(index.keywordPhrases[doc] ?? [], stemsWanted)) score += keywordPhraseBonus;
      else if (hasPhrase(index.shortFields[doc] ?? [], stemsWanted)) score += phraseBonus;
      return { doc, score, matched };
    })
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const missing = words.filter((w, i) => perWord[i]?.size === 0 && !w.optional).map((w) => w.word);
  const match: "all" | "some" | "none" =
    most === 0 ? "none" : most === requiredCount && missing.length === 0 ? "all" : "some";
  return { hits, missing, match };
}

/**
 * Searches `typed`. `typing` is true while the reader is still typing the last word (the header's
 * suggestions): that word then also matches words it begins, from three letters on. `asTyped`
 * makes no correction ("Search instead for …").
 */
export function findTopics(
  index: LoadedIndex,
  typed: string,
  options: { typing?: boolean; asTyped?: boolean } = {},
): Found {
  const { wordsOf, stem, stopWords } = index.analyzer;
  const all = wordsOf(typed);
  if (all.length === 0) return { kind: "empty" };
  // Each meaningful word once (by stem), and no more than a reader could mean: a query of
  // thousands of words (a link can carry one) costs no more than a long question.
  const seen = new Set<string>();
  const meaningful = all.filter((w) => !stopWords.has(w) && !seen.has(stem(w)) && seen.add(stem(w))).slice(0, maxWords);
  if (meaningful.length === 0) return { kind: "stop-words", typed: typed.trim() };
  const typing = options.typing === true && !/\s$/.test(typed);
  // Each word as the reader typed it, lower case: what the status line shows of it.
  const written = index.analyzer.writtenWordsOf(typed);
  // A Map, not an object: a reader's "constructor" is not the one every object inherits.
  const shown = new Map<string, string>();
  all.forEach((word, i) => {
    if (!shown.has(word)) shown.set(word, written[i] ?? word);
  });

  const asTyped = planWords(index, meaningful, typing);
  const found = rank(index, asTyped);
  const result = { kind: "results" as const, ...found, words: meaningful, searched: meaningful.join(" "), shown };

  // A word no topic has may be a typo: the closest known word, when that finds more.
  const corrected = meaningful.map((w, i) =>
    found.missing.includes(w) && asTyped[i]?.completions.length === 0 ? (correctionOf(index, w) ?? w) : w,
  );
  // Two or more words no topic has are more likely a subject the help center does not cover
  // than typos in each: no correction then.
  const changed = corrected.filter((w, i) => w !== meaningful[i]).length;
  if (!options.asTyped && (changed === 1 || (changed > 1 && changed < meaningful.length))) {
    const better = rank(index, planWords(index, corrected, false));
    const allBefore = found.match === "all" ? found.hits.length : 0;
    const allAfter = better.match === "all" ? better.hits.length : 0;
    // Only a correction that finds topics with every word is worth showing instead.
    if (allAfter > allBefore) {
      const correctedShown = new Map(shown);
      corrected.forEach((word, i) => {
        if (word !== meaningful[i]) correctedShown.set(word, spelled(index, word));
      });
      return {
        ...result,
        ...better,
        words: corrected,
        searched: withCorrections(index, typed, meaningful, corrected),
        correctedFrom: typed.trim(),
        shown: correctedShown,
      };
    }
  }
  return result;
}
