import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { searchWordsFile, searchWordsOf } from "./search-words.ts";

/** The built pages Pagefind indexes: those that mark their body for it. */
function indexedPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => readFileSync(join(siteDir, file), "utf8"))
    .filter((html) => html.includes("data-pagefind-body"));
}

/**
 * Indexes the finished build with Pagefind, and lists its words for did-you-mean. Each audience
 * build indexes only its own HTML, so the public index can never hold internal text.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "help-center:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: siteDir });
          if (added.errors.length > 0) throw new Error(added.errors.join("; "));
          const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join("; "));
          const words = searchWordsOf(indexedPages(siteDir));
          writeFileSync(join(siteDir, searchWordsFile), JSON.stringify(words));
          logger.info(`Pagefind indexed ${added.page_count} pages (${words.length} words for did-you-mean)`);
        } catch (error) {
          throw new Error("Building the search index failed", { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
