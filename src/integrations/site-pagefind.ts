import { join } from "node:path";
import * as pagefind from "pagefind";
import { afterElementName, type InlineElement, inlineElements, whitespaceBytes } from "./csp-hashes.ts";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

const attributePrefix = Buffer.from("data-pagefind-");
const htmlOpen = Buffer.from("<html");
const h1Open = Buffer.from("<h1");
const h1Close = Buffer.from("</h1>");
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
 * A page's bytes as Pagefind sees its markup, searched without decoding the page: its scripts and
 * styles (whose text Pagefind never reads, and which may write anything) are left out of what it
 * finds and of the text it returns; its comments, which may mention anything, of what it finds.
 */
class PageMarkup {
  readonly html: Buffer;
  readonly #code: readonly Range[];
  /** The code and the comments outside it, in page order. */
  readonly #unsearched: readonly Range[];

  constructor(html: Buffer, code: readonly Range[]) {
    this.html = html;
    this.#code = code;
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

  /** The markup from `start` to `end` as text, the scripts and styles in it left out. */
  text(start: number, end: number): string {
    let text = "";
    let at = start;
    for (const code of this.#code) {
      if (code.end <= at || code.start >= end) continue;
      text += this.html.toString("utf8", at, code.start);
      at = code.end;
    }
    return text + this.html.toString("utf8", at, end);
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

/**
 * What Pagefind reads of a page, as a page of its own: the page's `<html>` tag (its language),
 * the page's first `<h1>` where it stands outside (Pagefind's default title), and the element
 * marked `data-pagefind-body`, whose text is all it indexes, each without scripts and styles.
 * Undefined for a page without that element: in a site where some page has one, Pagefind leaves
 * such a page out. A tenth of the bytes of the whole page, so Pagefind parses a tenth; a build
 * test proves the index the same as of whole pages. A page that marks anything else for
 * Pagefind outside that element fails. Searched on the page's bytes, decoding only the part
 * returned; `code` is the page's scripts and styles, where the caller has found them already.
 */
export function indexedPart(
  html: Buffer,
  page: string,
  code: readonly InlineElement[] = [...inlineElements(html)],
): string | undefined {
  const markup = new PageMarkup(html, code);
  const marks = [...markup.pagefindAttributes()];
  const body = marks.find((mark) => mark.name === "body");
  if (!body) return undefined;
  const start = body.tagStart;
  const end = markup.elementEnd(start);
  if (end < 0) throw new Error(`${page}: its data-pagefind-body element has no end`);
  const stray = marks.find((mark) => mark.name !== "ignore" && (mark.tagStart < start || mark.tagStart >= end));
  if (stray) {
    throw new Error(
      `${page}: data-pagefind-${stray.name} stands outside the data-pagefind-body element, where Pagefind is not shown it`,
    );
  }
  const htmlAt = markup.find(htmlOpen, 0, afterElementName);
  const htmlTagEnd = htmlAt < 0 ? -1 : html.indexOf(gt, htmlAt);
  const htmlTag = htmlTagEnd < 0 ? "<html>" : markup.text(htmlAt, htmlTagEnd + 1);
  const h1At = markup.find(h1Open, 0, afterElementName);
  const h1End = h1At >= 0 && h1At < start ? markup.find(h1Close, h1At) : -1;
  const title = h1End < 0 ? "" : markup.text(h1At, h1End + h1Close.length);
  return `<!DOCTYPE html>${htmlTag}<head></head><body>${title}${markup.text(start, end)}</body></html>`;
}

/**
 * One site's Pagefind index, fed each page as it is written: Pagefind indexes in its own process
 * while the rest render, and only writing its files is left at the end. It is handed only what
 * it reads of each page (`indexedPart`), so handing pages over costs this process little.
 */
export class SitePagefind {
  #index: Promise<PagefindIndex> | undefined;
  readonly #added: Promise<void>[] = [];

  #indexNow(): Promise<PagefindIndex> {
    this.#index ??= pagefind.createIndex({}).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      return index;
    });
    return this.#index;
  }

  /** Takes a written page in, given its scripts and styles (`inlineElements`). */
  addPage(url: string, html: Buffer, code: readonly InlineElement[]): void {
    const content = indexedPart(html, url, code);
    if (content === undefined) return;
    const added = this.#indexNow().then(async (index) => {
      const { errors } = await index.addHTMLFile({ url, content });
      if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    });
    // Awaited in `write`; until then a failure must not end the process unhandled.
    added.catch(() => {});
    this.#added.push(added);
  }

  /** Writes the index into the finished site. */
  async write(siteDir: string): Promise<void> {
    const index = await this.#indexNow();
    await Promise.all(this.#added);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  }
}
