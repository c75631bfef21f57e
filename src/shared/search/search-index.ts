import type { Catalogue } from "../i18n/catalogues.ts";
import { analyzerFor, oncePerWord } from "./analyzers.ts";

/**
 * The search index each build writes beside its pages (`search-index.json`), made from the text of
 * the pages that build wrote (src/integrations/page-text.ts), so the public index holds only
 * public text. Small: stems and where they occur; each page's text for snippets is a file of its
 * own (`searchTextFolder`), loaded only for the results shown.
 */

/** Where in a topic a word occurs: a bit each, title above keywords above headings above body. */
export const field = { title: 1, keyword: 2, heading: 4, body: 8 } as const;

export interface IndexedDoc {
  url: string;
  /** The language of its words: the index's, or the default for a topic not yet translated. */
  lang: string;
  title: string;
  /** One sentence for results whose words are not in the body (a keyword match). */
  description: string;
  keywords: string[];
  headings: string[];
  /** The file with the page's text, in `searchTextFolder`. */
  textFile: string;
}

/** The catalogue's search words (src/shared/i18n/messages/). */
export type SearchWords = Catalogue["search"];

/**
 * What the search says, in the index's language: one file carries the words and what is said about
 * them, so the search code, the same for every language, loads nothing else.
 */
export interface SearchUi {
  lang: string;
  /** The search page in this language, for the status line's links. */
  searchPath: string;
  words: SearchWords;
  /** Beside a topic not yet in this language: "in English", in this language. */
  inOriginal: string;
}

export interface SearchIndex {
  version: 1;
  ui: SearchUi;
  docs: IndexedDoc[];
  /** stem → [doc, fields, times in the body, doc, fields, times, …], docs in order. */
  stems: Record<string, number[]>;
  /** Every word of the indexed text, most frequent first: prefixes and corrections come from these. */
  words: string[];
  /**
   * A word as the pages write it most often, where that is not the word as the index reads it
   * (`"temporaren": "temporären"`): a correction is shown as the reader would write it.
   */
  spellings: Record<string, string>;
}

/** The folder at each site's root the files with its pages' texts (every language's) are written to: `/search-text/<file>`. */
export const searchTextFolder = "search-text";

/** A page's text file: its text without its title, which the index holds. */
export interface SearchTextFile {
  content: string;
}

/** A page as search reads it (src/integrations/page-text.ts), with its text file's name. */
export interface PageText {
  url: string;
  lang: string;
  content: string;
  title: string;
  description: string;
  keywords: string[];
  headings: string[];
  textFile: string;
}

/** A page's text without its title: the text begins with the h1, which is indexed as the title (a whole sentence, not a word's first letters). */
export const bodyText = (content: string, title: string) =>
  content.startsWith(title) && /^(?:[.\s]|$)/.test(content.slice(title.length))
    ? content.slice(title.length).replace(/^[.\s]+/, "")
    : content;

/** Builds the index of a build's pages. */
export function buildSearchIndex(pages: readonly PageText[], ui: SearchUi): SearchIndex {
  // The index's language reads every page it holds, the originals among them (find.ts reads queries the same way).
  const analyzer = analyzerFor(
    ui.lang,
    [...new Set(pages.map((page) => page.lang))].filter((l) => l !== ui.lang),
  );
  const { wordsOf, writtenWordsOf } = analyzer;
  // Pages share most of their words: each is stemmed once.
  const stem = oncePerWord(analyzer.stem);
  const stemsOf = (text: string) => wordsOf(text).map(stem);
  const postings = new Map<string, Map<number, { fields: number; times: number }>>();
  const wordCounts = new Map<string, number>();
  const spellings = new Spellings();
  const note = (doc: number, stems: readonly string[], bit: number) => {
    for (const s of stems) {
      const docs = postings.get(s) ?? new Map<number, { fields: number; times: number }>();
      postings.set(s, docs);
      const seen = docs.get(doc) ?? { fields: 0, times: 0 };
      seen.fields |= bit;
      if (bit === field.body) seen.times += 1;
      docs.set(doc, seen);
    }
  };
  pages.forEach((page, doc) => {
    const body = wordsOf(page.content);
    // Every word a topic can be found by is a word to complete and to correct to, and to spell as written.
    for (const text of [page.content, page.title, page.description, ...page.headings, ...page.keywords]) {
      const read = text === page.content ? body : wordsOf(text);
      for (const word of read) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      // English reads words as written (one function for both): a text is read once, not twice.
      spellings.note(read, writtenWordsOf === wordsOf ? read : writtenWordsOf(text));
    }
    note(doc, body.map(stem), field.body);
    note(doc, stemsOf(page.title), field.title);
    note(doc, page.keywords.flatMap(stemsOf), field.keyword);
    note(doc, [...page.headings, page.description].flatMap(stemsOf), field.heading);
  });
  const index: Record<string, number[]> = {};
  for (const [s, docs] of [...postings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    index[s] = [...docs].sort(([a], [b]) => a - b).flatMap(([doc, { fields, times }]) => [doc, fields, times]);
  }
  return {
    version: 1,
    ui,
    docs: pages.map(({ url, lang, title, description, keywords, headings, textFile }) => ({
      url,
      lang,
      title,
      description,
      keywords,
      headings,
      textFile,
    })),
    stems: index,
    words: [...wordCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word),
    spellings: spellings.differing(),
  };
}

/** How often each word is written each way: the index keeps the most frequent way, where it differs. */
class Spellings {
  /** Times each word is written as it is read: most words, and every word of a language that folds nothing. */
  private readonly plain = new Map<string, number>();
  private readonly other = new Map<string, Map<string, number>>();

  /** A text's words as read and as written, place by place (an analyzer gives both in the same order). */
  note(read: readonly string[], written: readonly string[]): void {
    read.forEach((word, i) => {
      const as = written[i] ?? word;
      if (as === word) {
        this.plain.set(word, (this.plain.get(word) ?? 0) + 1);
        return;
      }
      const ways = this.other.get(word) ?? new Map<string, number>();
      this.other.set(word, ways);
      ways.set(as, (ways.get(as) ?? 0) + 1);
    });
  }

  differing(): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [word, ways] of [...this.other].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [as, times] = [...ways].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [word, 0];
      if (times > (this.plain.get(word) ?? 0)) kept[word] = as;
    }
    return kept;
  }
}
