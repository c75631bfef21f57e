import { correctedQuery, queryWords } from "../shared/spelling.ts";

/** One topic found, ready to show. `excerpt` is Pagefind's: escaped text with <mark> around matches. */
export interface Hit {
  url: string;
  title: string;
  excerpt: string;
}

export interface Found {
  hits: Hit[];
  total: number;
  /** The corrected query, when the reader's words were unknown to the index. */
  suggestion?: string;
  /** True when `hits` are the corrected query's. */
  corrected: boolean;
}

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindData> }[];
}
interface Pagefind {
  search(term: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Pagefind and the word list live beside the built site, not in the bundle: out of Vite's reach. */
const pagefindPath = "/pagefind/pagefind.js";
let loaded: Promise<{ pagefind: Pagefind; words: string[]; known: Set<string>; keywords: string[] }> | undefined;

function load() {
  loaded ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ pagefindPath)) as Pagefind;
    const [words, filters] = await Promise.all([
      fetch("/search-words.json").then((r) => (r.ok ? (r.json() as Promise<string[]>) : [])),
      pagefind.filters(),
    ]);
    return { pagefind, words, known: new Set(words), keywords: Object.keys(filters.keyword ?? {}) };
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** Starts loading the index early (the suggestion box does so on focus). */
export const warmUp = () => void load().catch(() => {});

/** Keywords a query names as a whole phrase ("2fa", "lost phone"): their topics match as synonyms. */
export function keywordsIn(query: string, keywords: readonly string[]): string[] {
  const words = ` ${queryWords(query).join(" ")} `;
  return keywords.filter((keyword) => words.includes(` ${queryWords(keyword).join(" ")} `));
}

async function search(term: string, limit: number): Promise<{ hits: Hit[]; total: number }> {
  const { pagefind, keywords } = await load();
  const synonyms = keywordsIn(term, keywords);
  const [byText, byKeyword] = await Promise.all([
    pagefind.search(term),
    synonyms.length > 0 ? pagefind.search(null, { filters: { keyword: { any: synonyms } } }) : undefined,
  ]);
  // A keyword names what a topic is about: those come first, then the text matches. A page found
  // both ways shows its text match, whose snippet marks the words; found by keyword alone, its
  // description says what it is.
  const textMatch = new Map(byText.results.map((r) => [r.id, r]));
  const ids = [...new Set([...(byKeyword?.results ?? []).map((r) => r.id), ...textMatch.keys()])];
  const keywordMatch = new Map(byKeyword?.results.map((r) => [r.id, r]));
  const hits = await Promise.all(
    ids.slice(0, limit).map(async (id) => {
      const fromText = textMatch.get(id);
      const data = await (fromText ?? keywordMatch.get(id))?.data();
      if (!data) throw new Error(`Pagefind lost result ${id}`);
      return {
        url: data.url,
        title: data.meta.title ?? data.url,
        excerpt: !fromText && data.meta.description ? escapeHtml(data.meta.description) : data.excerpt,
      };
    }),
  );
  return { hits, total: ids.length };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Finds topics for what a reader typed, knowing the topics' keywords and forgiving typos: words
 * the index does not know can match nothing, so when their correction finds topics, those are shown.
 */
export async function findTopics(term: string, limit: number): Promise<Found> {
  const { words, known } = await load();
  const suggestion = correctedQuery(term, words, known);
  if (suggestion) {
    const fixed = await search(suggestion, limit);
    if (fixed.total > 0) return { ...fixed, suggestion, corrected: true };
  }
  return { ...(await search(term, limit)), corrected: false };
}
