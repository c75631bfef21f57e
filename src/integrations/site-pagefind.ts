import { join } from "node:path";
import * as pagefind from "pagefind";
import { type InlineElement, inlineElements } from "./csp-hashes.ts";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

const attributePrefix = Buffer.from("data-pagefind-");
const lt = "<".charCodeAt(0);
const gt = ">".charCodeAt(0);
const whitespace = new Set([" ", "\t", "\n", "\r", "\f"].map((c) => c.charCodeAt(0)));
/** What may follow an element's name in a tag: `<main>` or `<main …`, not `<mainx`. */
const afterName = new Set([...whitespace, gt, "/".charCodeAt(0)]);
const nameCharacter = /[\w-]/;

/**
 * A page's bytes as Pagefind sees its markup: outside its scripts and styles (whose text it never
 * reads and which may write anything), found by searching the bytes, not decoding the page.
 */
class PageMarkup {
  readonly html: Buffer;
  readonly #code: readonly InlineElement[];

  constructor(html: Buffer, code: readonly InlineElement[]) {
    this.html = html;
    this.#code = code;
  }

  #inCode(at: number): InlineElement | undefined {
    return this.#code.find(({ start, end }) => at >= start && at < end);
  }

  /** Where `bytes` next stand in the markup at or after `from`, followed by one of `followedBy` if given; -1 if nowhere. */
  find(bytes: Buffer, from: number, followedBy?: ReadonlySet<number>): number {
    for (let at = this.html.indexOf(bytes, from); at >= 0; at = this.html.indexOf(bytes, at + 1)) {
      const code = this.#inCode(at);
      if (code) {
        at = code.end - 1;
        continue;
      }
      if (!followedBy || followedBy.has(this.html[at + bytes.length] ?? 0)) return at;
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

  /** Where the element whose tag begins at `start` ends, counting the same elements nested in it. */
  elementEnd(start: number, tag: string): number {
    const open = Buffer.from(`<${tag}`);
    const close = Buffer.from(`</${tag}`);
    let depth = 1;
    let at = this.html.indexOf(gt, start) + 1;
    while (at > 0) {
      const nextOpen = this.find(open, at, afterName);
      const nextClose = this.find(close, at, afterName);
      if (nextClose < 0) return -1;
      const closing = nextOpen < 0 || nextClose < nextOpen;
      depth += closing ? -1 : 1;
      at = this.html.indexOf(gt, closing ? nextClose : nextOpen) + 1;
      if (closing && depth === 0) return at > 0 ? at : -1;
    }
    return -1;
  }

  /** Every `data-pagefind-*` attribute of the markup's tags: its name after the prefix, and where its tag begins. */
  *pagefindAttributes(): Generator<{ name: string; tagStart: number }> {
    for (let at = this.find(attributePrefix, 0); at >= 0; at = this.find(attributePrefix, at + 1)) {
      // An attribute stands after whitespace in a tag; text has no "<" unescaped, so a topic that
      // writes the attribute's name is not in a tag: its last "<" came before a ">".
      if (!whitespace.has(this.html[at - 1] ?? 0)) continue;
      const tagStart = this.html.lastIndexOf(lt, at);
      if (tagStart < 0 || this.html.lastIndexOf(gt, at) > tagStart) continue;
      let nameEnd = at + attributePrefix.length;
      while (nameCharacter.test(String.fromCharCode(this.html[nameEnd] ?? 0))) nameEnd++;
      yield { name: this.html.toString("latin1", at + attributePrefix.length, nameEnd), tagStart };
    }
  }
}

const tagName = (markup: PageMarkup, tagStart: number) =>
  /^<([a-z][a-z0-9-]*)/.exec(markup.html.toString("latin1", tagStart, tagStart + 64))?.[1] ?? "";

/**
 * What Pagefind reads of a page, as a page of its own: the page's `<html>` tag (its language),
 * the page's first `<h1>` where it stands outside (Pagefind's default title), and the element
 * marked `data-pagefind-body`, whose text is all it indexes, each without scripts and styles.
 * Undefined for a page without that element: in a site where some page has one, Pagefind leaves
 * such a page out. A tenth of the bytes of the whole page, so Pagefind parses a tenth; a build
 * test proves the index the same as of whole pages. A page that marks anything else for
 * Pagefind outside that element fails. Searched on the page's bytes (Astro writes tags in lower
 * case), decoding only the part returned; `code` is the page's scripts and styles, where the
 * caller has found them already.
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
  const end = markup.elementEnd(start, tagName(markup, start));
  if (end < 0) throw new Error(`${page}: its data-pagefind-body element has no end`);
  const stray = marks.find((mark) => mark.name !== "ignore" && (mark.tagStart < start || mark.tagStart >= end));
  if (stray) {
    throw new Error(
      `${page}: data-pagefind-${stray.name} stands outside the data-pagefind-body element, where Pagefind is not shown it`,
    );
  }
  const htmlAt = markup.find(Buffer.from("<html"), 0, afterName);
  const htmlTag = htmlAt < 0 ? "<html>" : markup.text(htmlAt, html.indexOf(gt, htmlAt) + 1);
  const h1At = markup.find(Buffer.from("<h1"), 0, afterName);
  const title = h1At >= 0 && h1At < start ? markup.text(h1At, markup.find(Buffer.from("</h1>"), h1At) + 5) : "";
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
