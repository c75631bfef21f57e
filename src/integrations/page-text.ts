import { bodyText, type PageText } from "../shared/search/search-index.ts";
import { afterElementName, type InlineElement, inlineElements, whitespaceBytes } from "./csp-hashes.ts";

const attributePrefix = Buffer.from("data-pagefind-");
const h1Open = Buffer.from("<h1");
/** The headings search finds a page by, besides its title (a page's sections). */
const headingOpens = ["<h2", "<h3", "<h4"].map((tag) => Buffer.from(tag));
const commentOpen = Buffer.from("<!--");
const commentClose = Buffer.from("-->");
const lt = "<".charCodeAt(0);
const gt = ">".charCodeAt(0);
const quote = '"'.charCodeAt(0);
const nameCharacter = /[\w-]/;
/** A tag begins with `<` and a letter: Astro writes element names in lower case. */
const startsTag = (html: Buffer, at: number) =>
  html[at] === lt && (html[at + 1] ?? 0) >= 0x61 && (html[at + 1] ?? 0) <= 0x7a;

interface Range {
  start: number;
  end: number;
}

/** Where `bytes` next stand in `html` at or after `from`, outside every one of `skipped`; -1 if nowhere. */
function indexOutside(html: Buffer, bytes: Buffer, from: number, skipped: readonly Range[]): number {
  for (let at = html.indexOf(bytes, from); at >= 0; ) {
    const inside = skipped.find(({ start, end }) => at >= start && at < end);
    if (!inside) return at;
    at = html.indexOf(bytes, inside.end);
  }
  return -1;
}

/**
 * A page's bytes as search reads its markup, searched without decoding the page: its scripts and
 * styles (whose text no reader reads, and which may write anything) are left out of what it
 * finds and of the text it returns; its comments, which may mention anything, of what it finds.
 */
class PageMarkup {
  readonly html: Buffer;
  /** The code and the comments outside it, in page order. */
  readonly #unsearched: readonly Range[];

  constructor(html: Buffer, code: readonly Range[]) {
    this.html = html;
    const comments: Range[] = [];
    for (let at = indexOutside(html, commentOpen, 0, code); at >= 0; ) {
      const close = html.indexOf(commentClose, at + commentOpen.length);
      const end = close < 0 ? html.length : close + commentClose.length;
      comments.push({ start: at, end });
      at = indexOutside(html, commentOpen, end, code);
    }
    this.#unsearched = [...code, ...comments].sort((a, b) => a.start - b.start);
  }

  /** Where `bytes` next stand in the markup at or after `from`, followed by one of `followedBy` if given; -1 if nowhere. */
  find(bytes: Buffer, from: number, followedBy?: ReadonlySet<number>): number {
    for (let at = indexOutside(this.html, bytes, from, this.#unsearched); at >= 0; ) {
      if (!followedBy || followedBy.has(this.html[at + bytes.length] ?? 0)) return at;
      at = indexOutside(this.html, bytes, at + 1, this.#unsearched);
    }
    return -1;
  }

  /**
   * The markup from `start` to `end` as a reader reads it: without its scripts, styles, comments
   * and `skipped`, its tags gone (a word ends at each but a phrasing element's), each block's
   * text ending a sentence, its characters decoded and its whitespace collapsed.
   */
  readableText(start: number, end: number, skipped: readonly Range[] = []): string {
    const left = [...this.#unsearched, ...skipped]
      .filter((range) => range.end > start && range.start < end)
      .sort((a, b) => a.start - b.start);
    let kept = "";
    let at = start;
    for (const range of left) {
      if (range.start > at) kept += this.html.toString("utf8", at, range.start);
      at = Math.max(at, range.end);
    }
    if (at < end) kept += this.html.toString("utf8", at, end);
    return readable(kept);
  }

  /**
   * Where the tag holding `at` begins, or -1 where `at` is in text. Read backwards: a `<` or `>`
   * between an odd number of quotes is in an attribute's value (Astro writes every value in double
   * quotes and escapes the quotes in it), and text has neither unescaped.
   */
  tagAround(at: number): number {
    let quotes = 0;
    for (let i = at - 1; i >= 0; i--) {
      const byte = this.html[i];
      if (byte === quote) quotes++;
      else if (quotes % 2 === 1) continue;
      else if (byte === gt) return -1;
      else if (startsTag(this.html, i)) return i;
    }
    return -1;
  }

  /** The name of the element whose tag begins at `start`. */
  tagName(start: number): string {
    let end = start + 1;
    while (end < this.html.length && !afterElementName.has(this.html[end] ?? 0)) end++;
    return this.html.toString("latin1", start + 1, end);
  }

  /** Where the element whose tag begins at `start` ends, counting the same elements nested in it; -1 if it does not. */
  elementEnd(start: number): number {
    const tag = this.tagName(start);
    const open = Buffer.from(`<${tag}`);
    const close = Buffer.from(`</${tag}`);
    let depth = 1;
    let nextOpen = this.find(open, start + 1, afterElementName);
    let nextClose = this.find(close, start + 1, afterElementName);
    while (nextClose >= 0) {
      if (nextOpen >= 0 && nextOpen < nextClose) {
        depth++;
        nextOpen = this.find(open, nextOpen + 1, afterElementName);
        continue;
      }
      depth--;
      if (depth === 0) {
        const closeEnd = this.html.indexOf(gt, nextClose);
        return closeEnd < 0 ? -1 : closeEnd + 1;
      }
      nextClose = this.find(close, nextClose + 1, afterElementName);
    }
    return -1;
  }

  /** Every `data-pagefind-*` attribute of the markup's tags: its name after the prefix, and where its tag begins. */
  *pagefindAttributes(): Generator<{ name: string; tagStart: number }> {
    for (let at = this.find(attributePrefix, 0); at >= 0; at = this.find(attributePrefix, at + 1)) {
      // An attribute stands after whitespace, in a tag (a topic may write its name in its text).
      if (!whitespaceBytes.has(this.html[at - 1] ?? 0)) continue;
      const tagStart = this.tagAround(at);
      if (tagStart < 0) continue;
      let nameEnd = at + attributePrefix.length;
      while (nameCharacter.test(String.fromCharCode(this.html[nameEnd] ?? 0))) nameEnd++;
      yield { name: this.html.toString("latin1", at + attributePrefix.length, nameEnd), tagStart };
    }
  }
}

/** What a page gives search: its text and what is said of it, without the file its text is written to. */
export type PageSearchText = Omit<PageText, "lang" | "text">;

/** Elements that run inside a line of text: between any others a word ends. */
const phrasing = new Set(
  "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split(" "),
);
/** A block's text (a heading's, a paragraph's) ends a sentence in the page's text, as in Pagefind's, unless it ends one already. */
const endsSentence = /[.!?:;…؟。！？]$/u;
const tagOrText = /<(\/?)([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|([^<]+)/g;
const attribute = /\s([^\s="'<>/]+)(?:\s*=\s*"([^"]*)")?/g;
const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Text as a reader sees it: Astro escapes `&`, `<`, `>` and quotes, and writes characters as themselves otherwise. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return namedEntities[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Markup as text (see `PageMarkup.readableText`). */
function readable(markup: string): string {
  let text = "";
  /** A block ended since the last words: the next ones begin a sentence of their own. */
  let blockEnded = false;
  for (const [, closing, name = "", words] of markup.matchAll(tagOrText)) {
    if (words !== undefined) {
      const decoded = decodeEntities(words);
      if (blockEnded && /\S/.test(decoded)) {
        const before = text.trimEnd();
        if (before && !endsSentence.test(before)) text = `${before}. `;
        blockEnded = false;
      }
      text += decoded;
      continue;
    }
    if (phrasing.has(name.toLowerCase())) continue;
    text += " ";
    if (closing) blockEnded = true;
  }
  return text.replace(/\s+/g, " ").trim();
}

/** A tag's attributes (`name` → value, "" for one without), read from the markup at `tagStart`. */
function attributesAt(markup: PageMarkup, tagStart: number): Map<string, string> {
  const html = markup.html;
  let end = tagStart + 1;
  for (let quotes = 0; end < html.length; end++) {
    if (html[end] === quote) quotes++;
    else if (html[end] === gt && quotes % 2 === 0) break;
  }
  const tag = html.toString("utf8", tagStart + 1 + markup.tagName(tagStart).length, end);
  return new Map([...tag.matchAll(attribute)].map((m) => [m[1] ?? "", decodeEntities(m[2] ?? "")]));
}

/**
 * A page's text as search reads it, and what it says of itself: from the element marked
 * `data-pagefind-body` (a page without one is not searched: undefined), without its scripts,
 * styles, comments and the elements in it marked `data-pagefind-ignore`; its title (the element
 * marked `data-pagefind-meta="title"`, or the page's first `<h1>`), the metadata and filters the
 * marks name (`description[data-description]`: an attribute's value; `title`: the element's
 * text), and its `<h2>`–`<h4>` headings with an `id`. The same marks Pagefind reads, read the
 * way it reads them, so Pagefind run over the built site (the search bench does) indexes what
 * our search does; a build test compares the two on every page. A page that marks anything
 * outside the body element fails. Searched on the page's bytes, decoding only the text taken;
 * `code` is the page's scripts and styles, where the caller has found them already.
 */
export function pageSearchText(
  html: Buffer,
  url: string,
  code: readonly InlineElement[] = [...inlineElements(html)],
): PageSearchText | undefined {
  const markup = new PageMarkup(html, code);
  const marks = [...markup.pagefindAttributes()];
  const bodyMark = marks.find((mark) => mark.name === "body");
  if (!bodyMark) return undefined;
  const start = bodyMark.tagStart;
  const end = markup.elementEnd(start);
  if (end < 0) throw new Error(`${url}: its data-pagefind-body element has no end`);
  const stray = marks.find((mark) => mark.name !== "ignore" && (mark.tagStart < start || mark.tagStart >= end));
  if (stray) {
    throw new Error(
      `${url}: data-pagefind-${stray.name} stands outside the data-pagefind-body element, where search does not read it`,
    );
  }
  const ignored: (Range & { all: boolean })[] = marks
    .filter((mark) => mark.name === "ignore")
    .map((mark) => ({
      start: mark.tagStart,
      end: markup.elementEnd(mark.tagStart),
      all: attributesAt(markup, mark.tagStart).get("data-pagefind-ignore") === "all",
    }))
    .filter((range) => range.end > 0);
  const ignoredAt = (at: number, all = false) =>
    ignored.some((range) => at >= range.start && at < range.end && (!all || range.all));
  const textOf = (from: number, to: number) => markup.readableText(from, to, ignored);

  const metadata = new Map<string, string>();
  const filters = new Map<string, string[]>();
  for (const mark of marks) {
    if ((mark.name !== "meta" && mark.name !== "filter") || ignoredAt(mark.tagStart, true)) continue;
    const attributes = attributesAt(markup, mark.tagStart);
    for (const entry of (attributes.get(`data-pagefind-${mark.name}`) ?? "").split(",")) {
      const [, key = "", from] = /^\s*([^[:\s]+)\s*(?:\[([^\]]+)\])?/.exec(entry) ?? [];
      if (!key) continue;
      const value = from === undefined ? textOf(mark.tagStart, markup.elementEnd(mark.tagStart)) : attributes.get(from);
      if (value === undefined) continue;
      if (mark.name === "meta") metadata.set(key, value);
      else filters.set(key, [...(filters.get(key) ?? []), value]);
    }
  }
  const h1At = markup.find(h1Open, 0, afterElementName);
  const title = metadata.get("title") ?? (h1At < 0 ? url : textOf(h1At, markup.elementEnd(h1At)));
  const headings: { at: number; text: string }[] = [];
  for (const level of headingOpens) {
    for (let at = markup.find(level, start, afterElementName); at >= 0 && at < end; ) {
      if (!ignoredAt(at) && attributesAt(markup, at).has("id"))
        headings.push({ at, text: textOf(at, markup.elementEnd(at)) });
      at = markup.find(level, at + 1, afterElementName);
    }
  }
  return {
    url,
    title,
    description: metadata.get("description") ?? "",
    keywords: filters.get("keyword") ?? [],
    // In page order, as a reader meets them.
    headings: headings.sort((a, b) => a.at - b.at).map((heading) => heading.text),
    content: bodyText(textOf(start, end), title),
  };
}
