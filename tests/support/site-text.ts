import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzerOf } from "../../src/shared/search/find.ts";
import type { SearchIndex } from "../../src/shared/search/search-index.ts";

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Lower-case words only, so markup, punctuation and entities cannot hide a match. Tags go before
 * characters are decoded (an escaped `&lt;word&gt;` is text); a file of data (`markup: false`,
 * JSON) has no tags, and its `<` and `>` are text too.
 */
export function normalize(text: string, { markup = true } = {}): string {
  return (markup ? text.replace(/<[^>]*>/g, " ") : text)
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X"))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface SiteFile {
  path: string;
  /** Everything in the file, normalized: markup, styles and scripts included. */
  text: string;
  /** The words a reader or a search could meet: page text and the search index's data, not code. */
  words: Set<string>;
  /** Whether `word` is among them, as the file would hold it (a German search index folds "ä" to "a"). */
  has(word: string): boolean;
}

/**
 * How a file holds a word: a search index keeps its words as its language's search reads them
 * (folded: "temporären" as "temporaren"), so a secret is looked for in that form too.
 */
export function wordCheck(path: string, raw: string, words: ReadonlySet<string>): (word: string) => boolean {
  if (!path.endsWith("search-index.json")) return (word) => words.has(word);
  const { wordsOf } = analyzerOf(JSON.parse(raw) as SearchIndex);
  return (word) => words.has(word) || wordsOf(word).some((folded) => words.has(folded));
}

/**
 * A site file as the leak checks read it. The search index's stems ("diagnostic" for a page's
 * "diagnostics") are not words of any page, so they would pass for secrets: each must be the stem
 * of a word the same index lists (and those words are checked like any other), then it is set
 * aside. Throws when one is not: that stem came from somewhere else.
 */
export function checkedText(path: string, raw: string): string {
  if (!path.endsWith("search-index.json")) return raw;
  const index = JSON.parse(raw) as SearchIndex;
  // Stems as the index's own language made them (a German index stems German words).
  const fromWords = new Set(index.words.map(analyzerOf(index).stem));
  const strays = Object.keys(index.stems).filter((s) => !fromWords.has(s));
  if (strays.length > 0) throw new Error(`${path}: stems of no listed word: ${strays.slice(0, 10).join(", ")}`);
  return JSON.stringify({ ...index, stems: {} });
}

/** Visible text of an HTML page: styles, scripts and tags removed. */
export function visibleText(html: string): string {
  return html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, " ");
}

/** Whether a site file is data without markup, whose `<` and `>` are text. */
export const isData = (path: string) => /\.json$/.test(path);

function wordsOf(path: string, raw: string): Set<string> {
  if (path.endsWith(".html")) return new Set(normalize(visibleText(raw)).split(" "));
  return /\.(xml|json)$/.test(path) ? new Set(normalize(raw, { markup: !isData(path) }).split(" ")) : new Set();
}

/** Every file of a built site. */
export function readSite(root: string): SiteFile[] {
  const files: SiteFile[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        const path = relative(root, full);
        const raw = checkedText(full, readFileSync(full, "utf8"));
        const words = wordsOf(path, raw);
        files.push({ path, text: normalize(raw, { markup: !isData(path) }), words, has: wordCheck(path, raw, words) });
      }
    }
  };
  visit(root);
  return files;
}

/** The text inside every <Internal>…</Internal> block of an MDX source. */
export function internalBlocks(mdx: string): string[] {
  return [...mdx.matchAll(/<Internal>([\s\S]*?)<\/Internal>/g)].map((m) => m[1] ?? "");
}

export function withoutInternalBlocks(mdx: string): string {
  return mdx.replace(/<Internal>[\s\S]*?<\/Internal>/g, " ");
}

/** Runs of `size` consecutive words: a page that shows a sentence shows its runs. */
export function wordRuns(text: string, size: number): string[] {
  const words = normalize(text).split(" ").filter(Boolean);
  const runs: string[] = [];
  for (let i = 0; i + size <= words.length; i++) runs.push(words.slice(i, i + size).join(" "));
  return runs;
}
