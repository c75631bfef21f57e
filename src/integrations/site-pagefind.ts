import { join } from "node:path";
import * as pagefind from "pagefind";
import { inlineElements } from "./csp-hashes.ts";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** A page as Pagefind needs it: without its scripts and styles, whose text it never indexes (over half a page's bytes). */
export function withoutInlineCode(html: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  for (const { start, end } of inlineElements(html)) {
    parts.push(html.subarray(at, start));
    at = end;
  }
  parts.push(html.subarray(at));
  return Buffer.concat(parts).toString("utf8");
}

/**
 * One site's Pagefind index. A site that renders while nothing else runs beside it (the last
 * audience's) hands Pagefind each page as it is written, so Pagefind indexes on its own process
 * while the rest render and only writing its files is left at the end. A site finished while
 * another renders is read from disk in one go, which costs this process nothing.
 */
export class SitePagefind {
  readonly #asWritten: boolean;
  #index: Promise<PagefindIndex> | undefined;
  readonly #added: Promise<void>[] = [];

  constructor({ asWritten }: { asWritten: boolean }) {
    this.#asWritten = asWritten;
  }

  #indexNow(): Promise<PagefindIndex> {
    this.#index ??= pagefind.createIndex({}).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      return index;
    });
    return this.#index;
  }

  /** Takes a written page in, when this site is indexed as it is written. */
  addPage(url: string, html: Buffer): void {
    if (!this.#asWritten) return;
    const added = this.#indexNow().then(async (index) => {
      const { errors } = await index.addHTMLFile({ url, content: withoutInlineCode(html) });
      if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    });
    // Awaited in `write`; until then a failure must not end the process unhandled.
    added.catch(() => {});
    this.#added.push(added);
  }

  /** Writes the index into the finished site (reading its pages first, unless they came as written). */
  async write(siteDir: string): Promise<void> {
    const index = await this.#indexNow();
    if (this.#asWritten) await Promise.all(this.#added);
    else {
      const added = await index.addDirectory({ path: siteDir });
      if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  }
}
