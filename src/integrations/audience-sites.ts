import { cpSync, readdirSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration, AstroPrerenderer } from "astro";
import * as pagefind from "pagefind";
import type { Audience, BuildOptions } from "../config/build-options.ts";
import { sitePath } from "../lib/audience.ts";
import type { PhaseClock } from "./build-phases.ts";
import { InlineHashes } from "./csp-hashes.ts";
import { moveIslandStyleToHead } from "./island-style-in-head.ts";

/** The audience a rendered address belongs to: its first folder (src/pages/[audience]/). */
function audienceOfPath(pathname: string, audiences: readonly Audience[]): Audience | undefined {
  return audiences.find((audience) => pathname.startsWith(`/${audience}/`));
}

/** Where a page rendered at `/<audience>/<path>` goes in its site: `<path>/index.html`, `404.html`, or the file an endpoint names. */
export function siteFileOf(pathname: string): string {
  const path = sitePath(pathname);
  if (path === "/404/" || path === "/404") return "404.html";
  return path.endsWith("/") ? join(path, "index.html").slice(1) : path.slice(1);
}

/**
 * Finishes one audience's site once all its pages are written: its Pagefind index (Pagefind reads
 * the pages on threads of its own, while the next audience's pages render on this one), the
 * search index built from it, and the CSP manifest of the inline code its pages hold.
 */
async function finishSite(audience: Audience, siteDir: string, hashes: InlineHashes, clock: PhaseClock) {
  await clock.aside(`${audience}: Pagefind`, async () => {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  });
  await clock.aside(`${audience}: CSP hashes`, () => hashes.write(siteDir));
  return clock.aside(`${audience}: search index`, () => writeSearchIndexAside(siteDir));
}

/** Writes a site's search index on a worker thread; resolves to the number of pages it holds. */
function writeSearchIndexAside(siteDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./search-index-worker.ts", import.meta.url), { workerData: siteDir });
    worker.once("message", (pages: number) => resolve(pages));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The search index worker ended (exit ${code}) before it was done`)));
  });
}

/** One audience's site as the build writes it. */
class Site {
  readonly hashes = new InlineHashes();
  pagesLeft = 0;
  #finished: Promise<number> | undefined;

  readonly audience: Audience;
  readonly dir: string;
  readonly #clock: PhaseClock;

  constructor(audience: Audience, dir: string, clock: PhaseClock) {
    this.audience = audience;
    this.dir = dir;
    this.#clock = clock;
  }

  /** Starts finishing the site, once; resolves to the number of pages in its search index. */
  finish(): Promise<number> {
    this.#finished ??= finishSite(this.audience, this.dir, this.hashes, this.#clock);
    // Awaited at the end of the build; until then a failure must not end the process unhandled.
    this.#finished.catch(() => {});
    return this.#finished;
  }
}

/**
 * Renders every audience's pages in one Astro build and writes each audience's site on its own.
 *
 * Pages render under `/<audience>/` (src/pages/[audience]/), one audience after the other. Each
 * rendered page is written by this integration, straight into its site (`dist/`,
 * `dist-internal/`) and not by Astro: the island style moves into its head and its inline hashes
 * are kept for the CSP manifest on the way, so no page is read back and written again, and the two
 * sites never share a folder. When an audience's last page is written its site is finished
 * (Pagefind, search index, CSP manifest) while the next audience renders. At the end the files
 * every site shares (bundled scripts and styles, `public/`) are copied from Astro's output into
 * each. A public page holds only what it rendered: its topic bodies are compiled without internal
 * blocks (public-topic-variants.ts).
 */
export function audienceSites(options: BuildOptions, clock: PhaseClock): AstroIntegration {
  const sites = new Map(
    options.audiences.map((audience) => [audience, new Site(audience, options.outDirs[audience], clock)]),
  );
  const siteAt = (pathname: string) => {
    const audience = audienceOfPath(pathname, options.audiences);
    const site = audience && sites.get(audience);
    if (!site) throw new Error(`${pathname} is outside every audience's folder (src/pages/[audience]/)`);
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
      site.hashes.add(body);
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
    site.pagesLeft--;
    if (site.pagesLeft === 0) void site.finish();
    return new Response(null, { status: response.status, headers: response.headers });
  };

  const order = (pathname: string) =>
    options.audiences.indexOf(audienceOfPath(pathname, options.audiences) ?? "public");
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
        try {
          await clock.time("finishing sites", async () => {
            for (const [audience, site] of sites) {
              logger.info(`The ${audience} site's search index holds ${await site.finish()} pages.`);
            }
          });
        } catch (error) {
          throw new Error("Building the search index failed", { cause: error });
        } finally {
          await pagefind.close();
        }
        await clock.time("copying shared files", () => {
          for (const name of readdirSync(staging)) {
            for (const site of sites.values()) cpSync(join(staging, name), join(site.dir, name), { recursive: true });
          }
          rmSync(staging, { recursive: true, force: true });
        });
        clock.write(options.reportFile);
      },
    },
  };
}
