import { join } from "node:path";
import * as pagefind from "pagefind";
import { inlineElements } from "./csp-hashes.ts";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** A page without its scripts and styles, whose text Pagefind never indexes (over half a page's bytes). */
function withoutInlineCode(html: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  for (const { start, end } of inlineElements(html)) {
    parts.push(html.subarray(at, start));
    at = end;
  }
  parts.push(html.subarray(at));
  return Buffer.concat(parts).toString("utf8");
}

/** Where the element that begins at `start` (`<tag …>`) ends, counting the same elements nested in it. */
function elementEnd(html: string, start: number, tag: string): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  tags.lastIndex = start;
  let depth = 0;
  for (let found = tags.exec(html); found; found = tags.exec(html)) {
    depth += found[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return -1;
}

/**
 * What Pagefind reads of a page, as a page of its own: the page's `<html>` tag (its language),
 * the page's first `<h1>` where it stands outside (Pagefind's default title), and the element
 * marked `data-pagefind-body`, whose text is all it indexes. Undefined for a page without that
 * element: in a site where some page has one, Pagefind leaves such a page out. A tenth of the
 * bytes of the whole page, so Pagefind parses a tenth; a build test proves the index the same
 * as of whole pages. A page that marks anything else for Pagefind outside that element fails.
 */
export function indexedPart(html: Buffer, page: string): string | undefined {
  const text = withoutInlineCode(html);
  // In a tag, not in text (a topic may write the attribute's name): text has no "<" unescaped.
  const body = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body\b/i.exec(text);
  if (!body) return undefined;
  const [, tag = ""] = body;
  const start = body.index;
  const end = elementEnd(text, start, tag);
  if (end < 0) throw new Error(`${page}: its data-pagefind-body element has no end`);
  const stray = /<[^>]*\s(data-pagefind-(?!ignore\b)[\w-]+)/.exec(text.slice(0, start) + text.slice(end));
  if (stray) {
    throw new Error(
      `${page}: ${stray[1]} stands outside the data-pagefind-body element, where Pagefind is not shown it`,
    );
  }
  const htmlTag = /<html\b[^>]*>/i.exec(text)?.[0] ?? "<html>";
  const firstH1 = /<h1\b[^>]*>[\s\S]*?<\/h1>/i.exec(text);
  const title = firstH1 && firstH1.index < start ? firstH1[0] : "";
  return `<!DOCTYPE html>${htmlTag}<head></head><body>${title}${text.slice(start, end)}</body></html>`;
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

  /** Takes a written page in. */
  addPage(url: string, html: Buffer): void {
    const content = indexedPart(html, url);
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
