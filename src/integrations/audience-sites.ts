import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration, AstroPrerenderer } from "astro";
import type { Audience, BuildOptions } from "../config/build-options.ts";
import { sitePath, splitRenderedPath } from "../lib/audience.ts";
import { translator } from "../lib/i18n.ts";
import { loadLanguages } from "../lib/languages.ts";
import { splitLanguage } from "../shared/i18n/languages.ts";
import type { PhaseClock } from "./build-phases.ts";
import { InlineHashes, inlineElements } from "./csp-hashes.ts";
import { moveIslandStyleToHead } from "./island-style-in-head.ts";
import { writeIslandWords } from "./island-words.ts";
import { type PageSearchText, pageSearchText } from "./page-text.ts";
import type { LanguageIndex } from "./search-index.ts";

/**
 * Where a page rendered at `/<site>/<path>` goes in its site: `<path>/index.html`, the language's
 * `404.html` (`de/404.html`), or the file an endpoint names.
 */
export function siteFileOf(pathname: string): string {
  const path = sitePath(pathname);
  const languages = loadLanguages();
  const { code, path: inDefault } = splitLanguage(
    path,
    languages.all.map((l) => l.code),
    languages.default.code,
  );
  if (inDefault === "/404/" || inDefault === "/404")
    return code === languages.default.code ? "404.html" : `${code}/404.html`;
  return path.endsWith("/") ? join(path, "index.html").slice(1) : path.slice(1);
}

/**
 * Writes the sites' page texts and search indexes on one worker thread, a site at a time, one
 * index per language; each request resolves to the number of pages its site's indexes hold. One thread for
 * every site: starting one costs a fifth of a second of loading the same modules again.
 */
class SearchIndexWriter {
  #worker: Worker | undefined;
  readonly #waiting: { resolve: (pages: number) => void; reject: (error: unknown) => void }[] = [];

  #start(): Worker {
    const worker = new Worker(new URL("./search-index-worker.ts", import.meta.url));
    worker.on("message", (pages: number) => {
      this.#waiting.shift()?.resolve(pages);
      // Idle, it must not keep a build that failed meanwhile from ending.
      if (this.#waiting.length === 0) worker.unref();
    });
    const failAll = (error: unknown) => {
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
      this.#worker = undefined;
    };
    worker.once("error", failAll);
    worker.once("exit", (code) =>
      failAll(new Error(`The search index worker ended (exit ${code}) before it was done`)),
    );
    return worker;
  }

  write(siteDir: string, indexes: LanguageIndex[], pages: PageSearchText[]): Promise<number> {
    this.#worker ??= this.#start();
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      worker.ref();
      worker.postMessage({ siteDir, indexes, pages });
    });
  }

  /** Ends the thread once every site's indexes are written. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }
}

/** One audience's site as the build writes it. */
class Site {
  readonly hashes = new InlineHashes();
  /** What search reads of each page written (`pageSearchText`). */
  readonly #searched: PageSearchText[] = [];
  /** Counted from the paths Astro renders (every one is written by writePage), down as each is written. */
  pagesLeft = 0;
  #finished: Promise<number> | undefined;

  readonly audience: Audience;
  readonly dir: string;
  readonly #clock: PhaseClock;

  readonly #searchIndexes: SearchIndexWriter;

  constructor(audience: Audience, dir: string, clock: PhaseClock, searchIndexes: SearchIndexWriter) {
    this.audience = audience;
    this.#searchIndexes = searchIndexes;
    this.dir = dir;
    this.#clock = clock;
  }

  /** Takes a written page in: its inline code for the CSP manifest, its text for search. */
  addPage(pathname: string, html: Buffer): void {
    this.hashes.add(inlineElements(html));
    const searched = pageSearchText(html, sitePath(pathname));
    if (searched) this.#searched.push(searched);
  }

  /**
   * Finishes the site once all its pages are written, once: its CSP manifest, and its pages'
   * texts and search indexes; resolves to the number of pages they hold.
   */
  finish(): Promise<number> {
    if (!this.#finished) {
      this.#finished = this.#finish();
      // Awaited at the end of the build; until then a failure must not end the process unhandled.
      this.#finished.catch(() => {});
    }
    return this.#finished;
  }

  async #finish(): Promise<number> {
    const clock = this.#clock;
    await clock.aside(`${this.audience}: CSP hashes`, () => this.hashes.write(this.dir));
    const languages = loadLanguages();
    const indexes = languages.all.map(({ code }): LanguageIndex => {
      const { m, f, path, languageName } = translator(code);
      return {
        folder: path("/").slice(1),
        ui: {
          lang: code,
          searchPath: path("/search/"),
          words: m.search,
          inOriginal: f(m.frame.inLanguage, { language: languageName(languages.default.code) }),
        },
      };
    });
    return clock.aside(`${this.audience}: search index`, () =>
      this.#searchIndexes.write(this.dir, indexes, this.#searched),
    );
  }
}

/**
 * Renders every audience's pages in one Astro build and writes each audience's site on its own.
 *
 * Pages render under `/<site>/` (src/pages/[site]/: an audience in a language), one audience after the other. Each
 * rendered page is written by this integration, straight into its site (`dist/`,
 * `dist-internal/`) and not by Astro: the island style moves into its head and its inline hashes
 * are kept for the CSP manifest on the way, so no page is read back and written again, and the two
 * sites never share a folder. When an audience's last page is written its site is finished
 * (CSP manifest, page texts and search index) while the next audience renders. At the end the files
 * every site shares (bundled scripts and styles, `public/`) are copied from Astro's output into
 * each. A public page holds only what it rendered: its topic bodies are compiled without internal
 * blocks (public-topic-variants.ts).
 */
export function audienceSites(options: BuildOptions, clock: PhaseClock): AstroIntegration {
  const searchIndexes = new SearchIndexWriter();
  const sites = new Map(
    options.audiences.map((audience) => [
      audience,
      new Site(audience, options.outDirs[audience], clock, searchIndexes),
    ]),
  );
  const siteAt = (pathname: string) => {
    const audience = splitRenderedPath(pathname)?.audience;
    const site = audience && sites.get(audience);
    if (!site) throw new Error(`${pathname} is outside every site folder (src/pages/[site]/)`);
    return site;
  };
  let staging = "";

  /** Writes one rendered page into its site; what Astro gets back is the same response without a body, which it does not write. */
  const writePage = async (pathname: string, response: Response): Promise<Response> => {
    if (response.status >= 300 && response.status < 400)
      throw new Error(`${pathname}: the site build has no redirects`);
    const site = siteAt(pathname);
    const file = join(site.dir, siteFileOf(pathname));
    let body: Buffer = Buffer.from(await response.arrayBuffer());
    if (response.headers.get("content-type")?.startsWith("text/html")) {
      body = moveIslandStyleToHead(body);
      site.addPage(pathname, body);
    }
    // Written at once, not through libuv's pool: a page is tens of kilobytes into the page cache,
    // and the promises, file handle and pool round trips around each cost this thread more than
    // the write (measured: half its time in file calls went).
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    site.pagesLeft--;
    if (site.pagesLeft === 0) void site.finish();
    return new Response(null, { status: response.status, headers: response.headers });
  };

  const order = (pathname: string) => options.audiences.indexOf(siteAt(pathname).audience);
  const prerenderer = (inner: AstroPrerenderer): AstroPrerenderer => ({
    ...inner,
    name: "help-center:audience-sites",
    // One audience's pages after the other's, so each site is whole as early as it can be.
    async getStaticPaths() {
      const paths = (await inner.getStaticPaths()).toSorted((a, b) => order(a.pathname) - order(b.pathname));
      for (const { pathname } of paths) siteAt(pathname).pagesLeft++;
      return paths;
    },
    async render(request, renderOptions) {
      const { pathname } = new URL(request.url);
      const rendered = await inner.render(request, renderOptions);
      if (rendered instanceof Response) return writePage(pathname, rendered);
      return { ...rendered, response: await writePage(pathname, rendered.response) };
    },
  });

  return {
    name: "help-center:audience-sites",
    hooks: {
      "astro:config:done": ({ config }) => {
        staging = fileURLToPath(config.outDir);
      },
      "astro:build:start": ({ setPrerenderer }) => {
        for (const site of sites.values()) rmSync(site.dir, { recursive: true, force: true });
        setPrerenderer(prerenderer);
      },
      "astro:build:done": async ({ logger }) => {
        // Copied into every site with the other shared files below.
        writeIslandWords(staging, loadLanguages().all);
        const finished = await clock.time("finishing sites", async () => {
          const all = await Promise.allSettled([...sites.values()].map((site) => site.finish()));
          await searchIndexes.close();
          return all;
        });
        const failures = finished.flatMap((result, i) =>
          result.status === "rejected" ? [`the ${options.audiences[i]} site: ${result.reason}`] : [],
        );
        if (failures.length > 0)
          throw new Error(`Finishing the sites failed (CSP hashes or search index): ${failures.join("; ")}`);
        finished.forEach((result, i) => {
          if (result.status === "fulfilled")
            logger.info(`The ${options.audiences[i]} site's search index holds ${result.value} pages.`);
        });
        await clock.time("copying shared files", () => {
          for (const name of readdirSync(staging)) {
            for (const site of sites.values()) {
              // A file in public/ may not stand where a page was written (Astro's own check no longer sees our pages).
              cpSync(join(staging, name), join(site.dir, name), { recursive: true, force: false, errorOnExist: true });
            }
          }
          rmSync(staging, { recursive: true, force: true });
        });
        clock.write(options.reportFile);
      },
    },
  };
}
